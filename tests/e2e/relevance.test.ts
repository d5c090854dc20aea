/**
 * Relevance: reader queries (tests/helpers/relevance.ts) typed into the real search page of the
 * built site, in Chromium. Prints the share of queries whose expected page is in the top 3 and the
 * mean reciprocal rank, lists every miss, and fails below 90% in the top 3.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { CASES, report, runCase, score, type Outcome } from '../helpers/relevance.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

it(`at least 90% of ${CASES.length} reader queries find the expected page in the top 3`, { timeout: 600_000 }, async () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const outcomes: Outcome[] = [];
  for (const c of CASES) outcomes.push(await runCase(page, origin, base, c));
  await context.close();
  const text = report(outcomes);
  console.log(text);
  expect(score(outcomes).rate, text).toBeGreaterThanOrEqual(0.9);
});
