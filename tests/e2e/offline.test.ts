/**
 * Offline: after one visit the service worker has the search index; with the network cut, a
 * visited page reloads and a query still returns results. "Save the whole archive" keeps pages
 * never visited. A redeploy is picked up: pages are network-first.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => browser?.close());

async function controlledPage(path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}${base}${path}`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first page load is not controlled yet; clientsClaim takes it over once installed.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return { context, page };
}

describe('offline after one visit', () => {
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
