/** In Chromium: search from /search/ for a word of the launch article and follow the first result. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../helpers/browser.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
});
afterAll(async () => browser?.close());

describe('search under /news/ finds the launch article and leads to it', () => {
  it('types "Fire-Flyer", follows the first result', async () => {
    await page.goto(`${origin}${base}search/`);
    await page.locator('#q').fill('Fire-Flyer');
    const first = page.locator('#results a.result-link').first();
    await first.waitFor({ timeout: 15_000 });
    const href = await first.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${base}`));
    await first.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${base}(articles|timeline|labs)/`));
    expect(await page.locator('main h1, main h2').first().textContent()).toBeTruthy();
    expect(errors).toEqual([]);
  });
});
