/**
 * Every page template in Chromium, served by nginx under /news/ with the production headers:
 * no CSP violation, no console error, no failed request, and no axe violation (WCAG 2.2 AA).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch } from '../helpers/browser.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;
let context: BrowserContext;

export const templates: [name: string, path: string][] = [
  ['home', ''], ['article', 'articles/how-a-hedge-fund-built-deepseek/'], ['archive', 'archive/'], ['archive year', 'archive/2026/'],
  ['topics', 'topics/'], ['topic', 'topics/china/'], ['labs', 'labs/'], ['lab', 'labs/deepseek/'], ['models', 'models/'],
  ['models sorted', 'models/sort/params/'], ['models filtered', 'models/licence/mit/'],
  ['model', 'models/deepseek-r1/'], ['people', 'people/'], ['person', 'people/liang-wenfeng/'], ['timeline', 'timeline/'],
  ['timeline filter', 'timeline/lab/deepseek/'], ['timeline by year', 'timeline/year/2023/'], ['milestone', 'timeline/2025-01-20-deepseek-r1/'], ['search', 'search/?q=deepseek'],
  // A linked filter opens the filters: their checkboxes and counts are checked too.
  ['search, filters open', 'search/?q=deepseek&lab=DeepSeek'],
  ['about', 'about/'], ['not found', 'no-such-page/'],
  // Article components: charts, figures; the fixture piece has every component (served at the fixture's root).
  ['article with charts', 'articles/the-open-weights-race-by-country-and-licence/'],
  ['article with figures', 'articles/mixture-of-experts-and-latent-attention-explained/'],
  ['fixture: every article component', 'articles/components-fixture-article/'],
];
const fixtureOrigin = inject('fixtureOrigin');

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});
afterAll(async () => browser?.close());

describe.each(templates)('%s', (name, p) => {
  it('loads with no CSP violation, console error or failed request, and passes axe', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && !(name === 'not found' && m.text().includes('404'))) problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400 && !(name === 'not found' && r.url().endsWith('no-such-page/'))) problems.push(`${r.status()}: ${r.url()}`); });
    await page.goto(name.startsWith('fixture:') ? `${fixtureOrigin}/${p}` : `${origin}${base}${p}`, { waitUntil: 'networkidle' });
    if (name.startsWith('search')) await page.locator('#results li').first().waitFor();
    if (name === 'search, filters open') await page.locator('#filters input:checked').waitFor();
    problems.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `csp: ${v}`));
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    problems.push(...axe.violations.map((v) => `axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
    await page.close();
    expect(problems).toEqual([]);
  });
});
