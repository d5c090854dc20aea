/**
 * The downloadable archive, unzipped into a temporary folder and opened over file:// in Chromium:
 * links work, search works (a word from the launch article, a CJK name), no console errors, and
 * the checksum manifest verifies.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { tmp } from '../helpers/run.ts';

const dist = inject('siteDist');
let browser: Browser;
let root: string;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const zips = (await readdir(path.join(dist, 'downloads'))).filter((f) => f.endsWith('.zip'));
  expect(zips).toHaveLength(1);
  const out = path.join(tmp, 'archive');
  await rm(out, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await readFile(path.join(dist, 'downloads', zips[0]!)))))) {
    await mkdir(path.dirname(path.join(out, name)), { recursive: true });
    await writeFile(path.join(out, name), bytes);
  }
  root = path.join(out, zips[0]!.replace(/\.zip$/, ''));
  browser = await launch();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
});
afterAll(async () => browser?.close());

describe('the archive opens from disk', () => {
  it('has a README naming its date and a manifest that verifies every file', async () => {
    expect(await readFile(path.join(root, 'README.txt'), 'utf8')).toMatch(/archive of \d{4}-\d{2}-\d{2}/);
    const lines = (await readFile(path.join(root, 'SHA256SUMS'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(200);
    for (const line of lines) {
      const [sum, file] = line.split('  ');
      expect(
        createHash('sha256')
          .update(await readFile(path.join(root, file!)))
          .digest('hex'),
        file,
      ).toBe(sum);
    }
  });
  it('follows three links from index.html', async () => {
    await page.goto(pathToFileURL(path.join(root, 'index.html')).href);
    await page.locator('header.site nav a', { hasText: 'Timeline' }).click();
    await page.waitForURL(/timeline\/index\.html$/);
    await page.locator('li.ms a[href*="2025-01-20-deepseek-r1"]').first().click();
    await page.waitForURL(/timeline\/2025-01-20-deepseek-r1\/index\.html$/);
    await page.locator('main a[href*="labs/deepseek/index.html"]').first().click();
    await page.waitForURL(/labs\/deepseek\/index\.html$/);
    expect(await page.locator('h1').textContent()).toContain('DeepSeek');
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px'); // stylesheet loaded
  });
  it.each([
    ['a word from the launch article', 'Fire-Flyer', 'articles/how-a-hedge-fund-built-deepseek/index.html'],
    ['a CJK name', '梁文锋', 'people/liang-wenfeng/index.html'],
  ])('searches %s', async (_what, q, expected) => {
    await page.goto(`${pathToFileURL(path.join(root, 'search/index.html')).href}?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    const hrefs = await page.locator('#results a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.some((h) => h.endsWith(expected))).toBe(true);
  });
  it.each([
    ['a US spelling finds the UK one (content/synonyms.yaml)', 'license', 'articles/how-to-read-a-model-licence/index.html'],
    ['a figure written another way', '$5.6M', 'articles/what-deepseek-v3s-5-6m-figure-measures/index.html'],
    ['a name joined up', 'huggingface', 'labs/huggingface/index.html'],
  ])('searches with synonyms: %s', async (_what, q, expected) => {
    await page.goto(`${pathToFileURL(path.join(root, 'search/index.html')).href}?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    const hrefs = await page.locator('#results a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(
      hrefs.slice(0, 3).some((h) => h.endsWith(expected)),
      hrefs.slice(0, 3).join(', '),
    ).toBe(true);
  });
  it('offers "Did you mean" for a misspelt name, and one click runs it', async () => {
    await page.goto(`${pathToFileURL(path.join(root, 'search/index.html')).href}?q=deepsek`);
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    const offer = page.locator('#did-you-mean a');
    expect(await offer.textContent()).toBe('deepseek');
    await offer.click();
    expect(await page.locator('#q').inputValue()).toBe('deepseek');
    const hrefs = await page.locator('#results a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.some((h) => h.endsWith('labs/deepseek/index.html'))).toBe(true);
  });
  it('shows clean text: no HTML entities, no "Also known as" in an entity\'s line', async () => {
    await page.goto(`${pathToFileURL(path.join(root, 'search/index.html')).href}?q=deepseek`);
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    const text = (await page.locator('#results').textContent()) ?? '';
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toMatch(/&(#\d+|#x[0-9a-f]+|amp|quot|apos|lt|gt);/i);
    expect(text).not.toContain('Also known as');
  });
  it('filters work from disk', async () => {
    await page.goto(`${pathToFileURL(path.join(root, 'search/index.html')).href}?q=model&type=Article`);
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    const kickers = await page.locator('#results .kicker').allTextContents();
    expect(kickers.length).toBeGreaterThan(0);
    for (const k of kickers) expect(k.startsWith('Article')).toBe(true);
  });
  it('logged no console error', () => expect(errors).toEqual([]));
});
