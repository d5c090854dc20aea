/** The timeline filter, by lab, with JavaScript (no reload, state in the URL) and without (real pages). */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const visibleLabs = (page: import('playwright-core').Page) =>
  page.locator('li.ms:visible').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.f!.split(' ')[0]));

describe('timeline filter by lab', () => {
  it('with JavaScript: narrows in place, writes ?lab=, Back restores', async () => {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(`${origin}${base}timeline/`);
    const total = (await visibleLabs(page)).length;
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    await page.locator('nav.filters a[data-facet="lab"][data-value="mistral"]').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?lab=mistral');
    const labs = await visibleLabs(page);
    expect(labs.length).toBeGreaterThan(0);
    expect(labs.length).toBeLessThan(total);
    expect(new Set(labs)).toEqual(new Set(['mistral']));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1); // no reload
    expect(await page.locator('#timeline-count').textContent()).toBe(`${labs.length} events`);
    await page.goBack();
    await expect.poll(async () => (await visibleLabs(page)).length).toBe(total);
  });
  it('without JavaScript: the same link leads to a real filtered page', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${origin}${base}timeline/`);
    await page.locator('nav.filters a[data-facet="lab"][data-value="mistral"]').click();
    await page.waitForURL(`${origin}${base}timeline/lab/mistral/`);
    const labs = await page.locator('li.ms').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.f!.split(' ')[0]));
    expect(labs.length).toBeGreaterThan(0);
    expect(new Set(labs)).toEqual(new Set(['mistral']));
    expect(await page.locator('nav.filters a[aria-current="page"]').textContent()).toContain('Mistral');
  });
});
