/**
 * Every page template in Chromium, served by nginx under /news/ with the production headers:
 * no CSP violation, no console error, no failed request, and no axe violation (WCAG 2.2 AA), in the
 * light theme and in the dark one (the system's preference; the theme switch sets the same tokens).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch } from '../helpers/browser.ts';
import { templates } from '../helpers/templates.ts';

const origin = inject('siteOrigin');
const fixtureOrigin = inject('fixtureOrigin');
const base = inject('siteBase');
let browser: Browser;
const contexts = new Map<'light' | 'dark', BrowserContext>();

beforeAll(async () => {
  browser = await launch();
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ serviceWorkers: 'block', colorScheme });
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    contexts.set(colorScheme, context);
  }
});
afterAll(async () => browser?.close());

// The fixture piece has every article component (served at the fixture's root).
describe.each([...templates, ['fixture: every article component', 'articles/components-fixture-article/'] as [string, string]])('%s', (name, p) => {
  it.each(['light', 'dark'] as const)('loads with no CSP violation, console error or failed request, and passes axe (%s)', async (scheme) => {
    const page = await contexts.get(scheme)!.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !(name === 'not found' && m.text().includes('404'))) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !(name === 'not found' && r.url().endsWith('no-such-page/'))) problems.push(`${r.status()}: ${r.url()}`);
    });
    await page.goto(name.startsWith('fixture:') ? `${fixtureOrigin}/${p}` : `${origin}${base}${p}`, { waitUntil: 'networkidle' });
    if (name.startsWith('search')) await page.locator('#results li').first().waitFor();
    if (name === 'search, filters open') await page.locator('#filters input:checked').waitFor();
    problems.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `csp: ${v}`));
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    problems.push(
      ...axe.violations.map(
        (v) =>
          `axe ${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    );
    await page.close();
    expect(problems).toEqual([]);
  });
});
