/**
 * A redeploy is seen at once by a reader whose browser has the service worker: pages are
 * network-first, and a changed sw.js takes over (skipWaiting, clientsClaim) without a stale cache.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { tmp } from '../helpers/run.ts';
import { serveWithNginx, type Served } from '../../scripts/nginx.ts';

const fixture = inject('fixtureDist');
let browser: Browser;
let served: Served;
let dist: string;

beforeAll(async () => {
  dist = path.join(tmp, 'redeploy', 'dist');
  await rm(path.dirname(dist), { recursive: true, force: true });
  await cp(fixture, dist, { recursive: true });
  served = await serveWithNginx({ dist, base: '/' }, path.join(tmp, 'redeploy', 'nginx'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('redeploys reach readers who have the service worker', () => {
  it('a changed page and a new worker replace the old ones', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const article = `${served.origin}/articles/alpha-fixture-article/`;
    await page.goto(article);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.reload();
    expect(await page.locator('h1').textContent()).toContain('quokkaflux');

    // Redeploy: the page changes, and so does the worker's precache manifest.
    const file = path.join(dist, 'articles/alpha-fixture-article/index.html');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('the fixture article about quokkaflux', 'the redeployed article'));
    const sw = path.join(dist, 'sw.js');
    await writeFile(sw, `${await readFile(sw, 'utf8')}\n// redeployed\n`);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

    await page.reload();
    expect(await page.locator('h1').textContent()).toContain('the redeployed article');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const r = await navigator.serviceWorker.getRegistration();
            return !!r?.active && !r.waiting && !r.installing;
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(firstWorker).toBe(`${served.origin}/sw.js`);
    await context.close();
  });
});

describe('a redeploy drops the search files of older indexes that the reader kept', () => {
  it('the new worker keeps the files its index still names and drops the rest', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.origin}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    // The fixture is over its first-visit limit: a search keeps the index files it fetches.
    await page.goto(`${served.origin}/search/?q=quokkaflux`);
    await page.locator('#results a.result-link').first().waitFor();
    const keptSearchFiles = () =>
      page.evaluate(async () =>
        (await (await caches.open('fc-pages')).keys())
          .map((r) => new URL(r.url).pathname)
          .filter((p) => /\/pagefind\/(index|fragment)\//.test(p))
          .sort(),
      );
    const before = await keptSearchFiles();
    expect(before.length).toBeGreaterThan(1);

    // Redeploy with an index that names only one of them (as a rebuilt index names new files), and a new worker.
    await writeFile(path.join(dist, 'offline-search.json'), JSON.stringify({ files: [before[0]] }));
    const sw = path.join(dist, 'sw.js');
    await writeFile(sw, `${await readFile(sw, 'utf8')}\n// redeployed again\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect.poll(keptSearchFiles, { timeout: 30_000 }).toEqual([before[0]]);
    await context.close();
  });
});
