/**
 * The model explorer with JavaScript: sort and filter links reorder and narrow the table in place
 * (no reload), the state lives in the URL (shareable, survives reload and Back). Without JavaScript
 * the same links lead to real pages. And the lane timeline reads on a phone: lane names line up
 * with the lanes, and its box opens on the latest events.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../helpers/browser.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const visibleRows = (page: Page) =>
  page.locator('table.ex-table tbody tr:visible').evaluateAll((trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return { name: d.name!, params: d.params ? Number(d.params) : undefined, licence: d.licence! };
    }),
  );

describe('model explorer with JavaScript', () => {
  it('sorts in place, filters in place, keeps both in the URL; Back and reload restore', async () => {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(`${origin}${base}models/`);
    const all = await visibleRows(page);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });

    await page.locator('nav.ex-controls a[data-sort="params"]').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=params');
    const sorted = await visibleRows(page);
    expect(sorted).toHaveLength(all.length);
    const counts = sorted.map((r) => r.params).filter((p) => p !== undefined);
    expect(counts).toEqual([...counts].sort((a, b) => b! - a!));
    expect(sorted.slice(0, counts.length).every((r) => r.params !== undefined)).toBe(true); // unknown counts last
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('Total params');

    await page.locator('nav.ex-controls a[data-facet="licence"][data-value="mit"]').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=params&licence=mit');
    const mit = await visibleRows(page);
    expect(mit.length).toBeGreaterThan(0);
    expect(mit.length).toBeLessThan(all.length);
    expect(new Set(mit.map((r) => r.licence))).toEqual(new Set(['mit']));
    expect(await page.locator('#models-count').textContent()).toBe(`${mit.length} models`);
    // The chart follows: only MIT models' dots remain.
    const dots = await page.locator('a.sz-mark').evaluateAll((as) => as.filter((a) => !a.hasAttribute('hidden')).map((a) => a.getAttribute('data-licence')));
    expect(new Set(dots)).toEqual(new Set(['osi']));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1); // no reload

    await page.reload();
    expect(await visibleRows(page)).toEqual(mit);
    await page.goBack();
    await expect.poll(async () => (await visibleRows(page)).length).toBe(all.length);
    await page.goBack();
    await expect.poll(async () => (await visibleRows(page)).map((r) => r.name)).toEqual(all.map((r) => r.name));
  });
  it('without JavaScript: the sort link is a real page in that order', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${origin}${base}models/`);
    await page.locator('nav.ex-controls a[data-sort="params"]').click();
    await page.waitForURL(`${origin}${base}models/sort/params/`);
    const counts = (await visibleRows(page)).map((r) => r.params).filter((p) => p !== undefined);
    expect(counts.length).toBeGreaterThan(40);
    expect(counts).toEqual([...counts].sort((a, b) => b! - a!));
  });
});

describe('lane timeline on a phone (390 px)', () => {
  it('lane names line up with their lanes, and the box opens on the latest events', async () => {
    const page = await (await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${origin}${base}timeline/`);
    const names = await page.locator('.lane-names li').evaluateAll((lis) =>
      lis.map((li) => {
        const r = li.getBoundingClientRect();
        return r.top + r.height / 2;
      }),
    );
    const lanes = await page.locator('svg.ln-chart line.ln-rule').evaluateAll((ls) =>
      ls.map((l) => {
        const r = l.getBoundingClientRect();
        return r.top + r.height / 2;
      }),
    );
    expect(names.length).toBeGreaterThan(1);
    expect(names).toHaveLength(lanes.length);
    names.forEach((y, i) => expect(Math.abs(y - lanes[i]!)).toBeLessThan(3));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390); // only the box scrolls
    const box = await page.locator('.lanes .viz-scroll').boundingBox();
    const latest = await page.locator('a.ln-mark circle').evaluateAll((cs) => {
      const xs = cs.map((c) => c.getBoundingClientRect());
      return xs.reduce((a, r) => (r.right > a.right ? r : a));
    });
    expect(latest.left).toBeGreaterThanOrEqual(box!.x);
    expect(latest.right).toBeLessThanOrEqual(box!.x + box!.width + 1);
  });
});
