/**
 * Offline: after one visit the service worker has the search index; with the network cut, a
 * visited page reloads and a query still returns results. "Save the whole archive" keeps pages
 * never visited. A redeploy is picked up: pages are network-first. The worker is registered after the
 * page's own work (load; on the search page, its first results). Above the first visit's
 * precache limit (the fixture), the index is kept as searches fetch it, and saved whole on request.
 */
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { tmp } from '../helpers/run.ts';
import { serveWithNginx, type Served } from '../../scripts/nginx.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function controlledPage(at: string, site = `${origin}${base}`) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site}${at}`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first page load is not controlled yet; clientsClaim takes it over once installed.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return { context, page };
}

describe('offline after one visit', () => {
  it("under the first visit's precache limit (the real site), the worker precaches the whole search index", async () => {
    const dist = inject('siteDist');
    const sw = await readFile(path.join(dist, 'sw.js'), 'utf8');
    for (const d of ['index', 'fragment']) for (const f of await readdir(path.join(dist, 'pagefind', d))) expect(sw, f).toContain(`pagefind/${d}/${f}`);
    expect(JSON.parse(await readFile(path.join(dist, 'offline-search.json'), 'utf8'))).toEqual({ files: [] });
    // The WebAssembly engine of the index's language, not Pagefind's "unknown" one, which no search
    // here loads (the offline search below works without it).
    expect(sw).toContain('pagefind/wasm.en.pagefind');
    expect(sw).not.toContain('wasm.unknown.pagefind');
    // Nor the list of pages to save, read only when saving, which needs the network (it grows with every page).
    expect(sw).not.toContain('data/offline.json');
  });
  it('reloads a visited page and searches with the network cut', async () => {
    const { context, page } = await controlledPage('');
    await page.goto(`${origin}${base}articles/kimi-k2-moonshot-open-sources-a-trillion-parameters/`);
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').textContent()).toContain('Kimi');
    await page.goto(`${origin}${base}search/?q=mixtral`);
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    await page.locator('#results a.result-link').first().waitFor();
    expect(await page.locator('#results li').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('"Save the whole archive" keeps a page never visited', async () => {
    const { context, page } = await controlledPage('archive/');
    await page.locator('#save-offline:not([disabled])').click();
    await expect.poll(() => page.locator('#save-offline-status').textContent(), { timeout: 60_000 }).toMatch(/^Saved \d+ of \d+ pages/);
    expect(await page.locator('#save-offline-status').textContent()).not.toMatch(/could not be fetched/);
    await context.setOffline(true);
    await page.goto(`${origin}${base}people/kai-fu-lee/`);
    expect(await page.locator('h1').textContent()).toContain('Kai-Fu Lee');
    await context.close();
  });
});

describe("the first visit's precache waits for the page's own work", () => {
  /** What the page had done when it registered the service worker (which then precaches a few hundred files). */
  async function whenRegistered(at: string, blockPagefind = false) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { registeredWhen?: object; framesSinceReady?: number };
      document.addEventListener('searchready', () => {
        w.framesSinceReady = 0;
        requestAnimationFrame(() => {
          w.framesSinceReady = 1;
        });
      });
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        w.registeredWhen = {
          loaded: document.readyState === 'complete',
          searchReady: document.documentElement.dataset.searchReady,
          results: document.querySelectorAll('#results li').length,
          framesSinceReady: w.framesSinceReady,
        };
        return register.apply(this, args);
      };
    });
    const page = await context.newPage();
    if (blockPagefind) await page.route(/\/pagefind\/pagefind\.js$/, (r) => r.fulfill({ status: 503 }));
    await page.goto(`${origin}${base}${at}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const when = await page.evaluate(() => (window as unknown as { registeredWhen?: object }).registeredWhen);
    const status = await page.evaluate(() => document.querySelector('#search-status')?.textContent ?? null);
    await context.close();
    return { when, status };
  }

  it('an article registers it once loaded', async () => {
    expect((await whenRegistered('articles/kimi-k2-moonshot-open-sources-a-trillion-parameters/')).when).toMatchObject({ loaded: true });
  });
  it('the search page, after the frame that shows its first results', async () => {
    const { when } = await whenRegistered('search/?q=deepseek');
    expect(when).toMatchObject({ searchReady: 'true', results: 10, framesSinceReady: 1 });
  });
  it('the search page, also when Pagefind cannot load', async () => {
    const { when, status } = await whenRegistered('search/?q=deepseek', true);
    expect(when).toMatchObject({ searchReady: 'false', results: 0 });
    expect(status).toMatch(/Search could not load/);
  });
});

describe("above the first visit's precache limit (the fixture, built with 16 KiB)", () => {
  const fixture = inject('fixtureOrigin');
  const dist = inject('fixtureDist');
  /** The search index's word and result files, as URLs. */
  const indexFiles = async () =>
    (await Promise.all(['index', 'fragment'].map(async (d) => (await readdir(path.join(dist, 'pagefind', d))).map((f) => `/pagefind/${d}/${f}`))))
      .flat()
      .sort();
  /** Which of `urls` the browser has kept, in any cache. */
  const kept = (page: import('playwright-core').Page, urls: string[]) =>
    page.evaluate(async (list) => (await Promise.all(list.map(async (u) => ((await caches.match(u)) ? u : null)))).filter(Boolean), urls);
  async function search(page: import('playwright-core').Page, q: string) {
    await page.goto(`${fixture}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/result|offline|failed/);
    return { links: await page.locator('#results a.result-link').count(), status: await page.locator('#search-status').textContent() };
  }

  it("the worker precaches the engine, metadata and filters, and lists the index's files for later", async () => {
    const sw = await readFile(path.join(dist, 'sw.js'), 'utf8');
    expect(sw).toMatch(/pagefind\.js/);
    expect(sw).toMatch(/\.pf_meta/);
    expect(sw).toMatch(/\.pf_filter/);
    expect(sw).not.toMatch(/\.pf_index|\.pf_fragment/);
    const { files } = JSON.parse(await readFile(path.join(dist, 'offline-search.json'), 'utf8')) as { files: string[] };
    expect([...files].sort()).toEqual(await indexFiles());
  });

  it('a search made online works again offline; one never made says why it cannot run', async () => {
    const { context, page } = await controlledPage('', `${fixture}/`);
    expect(await kept(page, await indexFiles())).toEqual([]);
    expect((await search(page, 'quokkaflux')).links).toBeGreaterThan(0);
    // The files that search fetched are in the worker's cache (the browser's HTTP cache, which may
    // also answer offline for a while, is not what is tested), and not the rest of the index.
    const cached = await kept(page, await indexFiles());
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.length).toBeLessThan((await indexFiles()).length);
    await context.setOffline(true);
    expect((await search(page, 'quokkaflux')).links).toBeGreaterThan(0);
    const other = await search(page, 'Liang Wenfeng');
    expect(other.links).toBe(0);
    expect(other.status).toMatch(/You are offline, and this search needs parts of the index/);
    await context.close();
  });

  it('"Save the whole archive" keeps the whole index: any search then works offline', async () => {
    const { context, page } = await controlledPage('archive/', `${fixture}/`);
    await page.locator('#save-offline:not([disabled])').click();
    await expect.poll(() => page.locator('#save-offline-status').textContent(), { timeout: 60_000 }).toMatch(/^Saved \d+ of \d+ pages and search files/);
    expect(await page.locator('#save-offline-status').textContent()).not.toMatch(/could not be fetched/);
    expect(await kept(page, await indexFiles())).toEqual(await indexFiles());
    await context.setOffline(true);
    expect((await search(page, 'Liang Wenfeng')).links).toBeGreaterThan(0);
    await context.close();
  });

  /** The fixture behind a server of the test's own: its copy can be changed, and its log shows what was fetched. */
  async function ownServer(name: string, change: (copy: string) => Promise<void>, test: (served: Served) => Promise<void>) {
    const copy = path.join(tmp, name);
    await rm(copy, { recursive: true, force: true });
    await cp(dist, path.join(copy, 'dist'), { recursive: true });
    await change(path.join(copy, 'dist'));
    const served = await serveWithNginx({ dist: path.join(copy, 'dist'), base: '/' }, path.join(copy, 'nginx'));
    try {
      await test(served);
    } finally {
      await served.stop();
    }
  }

  it('saving again fetches the pages afresh but no search file already kept', () =>
    ownServer(
      'offline-save-again',
      async () => {},
      async (served) => {
        const { context, page } = await controlledPage('archive/', `${served.origin}/`);
        const save = async () => {
          const mark = (await served.sent()).length;
          await page.locator('#save-offline:not([disabled])').click();
          await expect.poll(() => page.locator('#save-offline-status').textContent(), { timeout: 60_000 }).toMatch(/^Saved \d+ of \d+ pages and search files/);
          const fetched = (await served.sent()).slice(mark).map((r) => r.path);
          return { search: fetched.filter((p) => /^\/pagefind\/(index|fragment)\//.test(p)).length, pages: fetched.filter((p) => p.endsWith('/')).length };
        };
        const first = await save();
        expect(first.search).toBe((await indexFiles()).length);
        expect(first.pages).toBeGreaterThan(0);
        const again = await save();
        expect(again.search).toBe(0);
        expect(again.pages).toBe(first.pages);
        await context.close();
      },
    ));

  it('when a list cannot be read, saving says so and can be tried again', () =>
    ownServer(
      'offline-no-list',
      (copy) => rm(path.join(copy, 'offline-search.json')),
      async (served) => {
        const { context, page } = await controlledPage('archive/', `${served.origin}/`);
        await page.locator('#save-offline:not([disabled])').click();
        await expect.poll(() => page.locator('#save-offline-status').textContent()).toBe('Could not read the list of pages to save. Try again when online.');
        expect(await page.locator('#save-offline').isDisabled()).toBe(false);
        await context.close();
      },
    ));
});
