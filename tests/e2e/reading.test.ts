/**
 * Reading on a phone and in either theme, in Chromium against nginx: no template scrolls sideways
 * at 320 or 390 px; every article's first sentence is on a 390×844 phone's first screen; the theme
 * switch (light, dark, system) is remembered and applied before the first paint.
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { read } from '../helpers/dist.ts';
import { templates } from '../helpers/templates.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
const dist = inject('siteDist');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(20, 20, 21)';

// Live article pages (redirect stubs for old slugs are not articles).
const articles: string[] = [];
for (const slug of await readdir(path.join(dist, 'articles'))) {
  const file = path.join(dist, 'articles', slug, 'index.html');
  if (existsSync(file) && !(await read(file)).includes('http-equiv="refresh"')) articles.push(`articles/${slug}/`);
}

describe('phone widths: no template scrolls sideways', () => {
  it.each(templates.flatMap(([name, p]) => [320, 390].map((w) => [name, w, p] as const)))('%s at %i px', async (_name, width, p) => {
    const context = await browser.newContext({ viewport: { width, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}${base}${p}`, { waitUntil: 'networkidle' });
    const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    await context.close();
    expect(scrollWidth).toBeLessThanOrEqual(width);
  });
});

describe('an article on a 390×844 phone: its first sentence of prose is on the first screen', () => {
  it('there are articles to check', () => expect(articles.length).toBeGreaterThan(10));
  it.each(articles)('%s', async (p) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}${base}${p}`, { waitUntil: 'load' });
    // The bottom of the first sentence: a range from the first paragraph's start to its first full stop.
    const bottom = await page.evaluate(() => {
      const para = document.querySelector('.prose > p')!;
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      range.setStart(para, 0);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const stop = n.textContent!.search(/[.!?](\s|$)/);
        range.setEnd(n, stop >= 0 ? stop + 1 : n.textContent!.length);
        if (stop >= 0) break;
      }
      return range.getBoundingClientRect().bottom;
    });
    await context.close();
    expect(bottom).toBeGreaterThan(0);
    expect(bottom).toBeLessThanOrEqual(844);
  });
});

describe('theme: light, dark or system, remembered, with no flash of the wrong one', () => {
  // The token the page paints with, read at the first animation frame (before the first paint)
  // and once loaded; the stored choice, if any, is put in place before any page script runs.
  async function open(colorScheme: 'light' | 'dark', stored?: string) {
    const context = await browser.newContext({ colorScheme, serviceWorkers: 'block' });
    await context.addInitScript((s) => {
      if (s && !sessionStorage.getItem('seeded')) {
        localStorage.setItem('theme', s);
        sessionStorage.setItem('seeded', '1');
      }
      const w = window as unknown as { __first: string };
      requestAnimationFrame(() => {
        w.__first = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
      });
    }, stored);
    const page = await context.newPage();
    await page.goto(`${origin}${base}articles/how-a-hedge-fund-built-deepseek/`, { waitUntil: 'load' });
    const state = async () =>
      page.evaluate(() => ({
        first: (window as unknown as { __first: string }).__first,
        bg: getComputedStyle(document.body).backgroundColor,
        choice: (document.getElementById('theme') as HTMLSelectElement).value,
      }));
    return { context, page, state };
  }

  it.each([
    ['no choice follows a light system', 'light', undefined, '#fbfaf7', LIGHT_BG, 'system'],
    ['no choice follows a dark system', 'dark', undefined, '#141415', DARK_BG, 'system'],
    ['a stored "dark" wins over a light system from the first paint', 'light', 'dark', '#141415', DARK_BG, 'dark'],
    ['a stored "light" wins over a dark system from the first paint', 'dark', 'light', '#fbfaf7', LIGHT_BG, 'light'],
  ] as const)('%s', async (_rule, system, stored, first, bg, choice) => {
    const { context, state } = await open(system, stored);
    expect(await state()).toEqual({ first, bg, choice });
    await context.close();
  });

  it('choosing a theme applies it at once and keeps it on the next page and after a reload', async () => {
    const { context, page, state } = await open('light');
    await page.selectOption('#theme', 'dark');
    expect((await state()).bg).toBe(DARK_BG);
    await page.goto(`${origin}${base}timeline/`, { waitUntil: 'load' });
    expect(await state()).toEqual({ first: '#141415', bg: DARK_BG, choice: 'dark' });
    await page.selectOption('#theme', 'system');
    await page.reload({ waitUntil: 'load' });
    expect(await state()).toEqual({ first: '#fbfaf7', bg: LIGHT_BG, choice: 'system' });
    await context.close();
  });

  it('without JavaScript the switch is hidden and the system theme still applies', async () => {
    const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}${base}`, { waitUntil: 'load' });
    expect(await page.locator('#theme').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_BG);
    await context.close();
  });
});
