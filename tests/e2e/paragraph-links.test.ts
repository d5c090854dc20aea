/**
 * Links to a paragraph, in a real browser: the ¶ link after each paragraph is reached with the
 * keyboard, shows when focused (hidden otherwise until hovered), is named for screen readers, and
 * takes the reader to its paragraph. No JavaScript involved: it is a plain link, styled by CSS.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../helpers/browser.ts';

const url = `${inject('siteOrigin')}${inject('siteBase')}articles/how-a-hedge-fund-built-deepseek/`;
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('paragraph links', () => {
  it('Tab reaches a ¶ link, which shows when focused, is labelled, and leads to its paragraph', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(url);
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLAnchorElement;
        const label = a.getAttribute('aria-label');
        return {
          para: a.classList.contains('para-link'),
          href: a.getAttribute('href'),
          parent: a.parentElement?.id,
          label,
          opacity: getComputedStyle(a).opacity,
        };
      });
    let f = await focused();
    for (let i = 0; i < 150 && !f.para; i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    expect(f.para).toBe(true);
    expect(f.href).toBe(`#${f.parent}`);
    expect(f.parent).toMatch(/^p-[0-9a-f]{8}/);
    expect(f.label).toBe('Link to this paragraph');
    expect(f.opacity).toBe('1');
    // Another paragraph's link, neither focused nor hovered, stays out of the way.
    const others = await page.locator(`.prose p:not(#${f.parent}) > .para-link`).evaluateAll((as) => as.map((a) => getComputedStyle(a).opacity));
    expect(others.length).toBeGreaterThan(3);
    expect(new Set(others)).toEqual(new Set(['0']));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${f.parent}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(f.parent);
    await page.close();
  });
});
