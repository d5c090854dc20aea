/**
 * Search in Chromium, under /news/ with the production CSP, against nginx: the launch article is
 * found and opened; queries and filters live in the URL; names and aliases find the same pages;
 * the keyboard works; hostile queries are harmless; a first query stays within its byte budget.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { serveWithNginx } from '../../scripts/nginx.ts';
import { launch } from '../helpers/browser.ts';
import { tmp } from '../helpers/run.ts';
import { firstSentence } from '../../src/lib/search-words.js';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ serviceWorkers: 'block' });
});
afterAll(async () => browser?.close());

async function open(path: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${origin}${base}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
  return { page, errors };
}
const resultLinks = (page: Page) => page.locator('#results a.result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('the launch article is one search away', () => {
  it('types "hedge", follows the result, sees the term highlighted', async () => {
    const { page, errors } = await open('search/');
    await page.locator('#q').fill('hedge');
    await expect.poll(() => resultLinks(page)).toContain(`${base}articles/how-a-hedge-fund-built-deepseek/`);
    const link = page.locator(`#results a.result-link[href*="articles/how-a-hedge-fund-built-deepseek/"]`).first();
    await link.click();
    await page.waitForURL(/how-a-hedge-fund-built-deepseek/);
    await page.locator('mark.pagefind-highlight').first().waitFor();
    expect(errors).toEqual([]);
  });
});

describe('state lives in the URL', () => {
  it('typing writes ?q=; a linked query and filter restore; Back returns to the earlier query', async () => {
    const { page, errors } = await open('search/?q=mixtral&type=Article');
    await expect.poll(() => resultLinks(page)).toContain(`${base}articles/mistral-from-seed-round-to-mistral-3/`);
    expect(await page.locator('#q').inputValue()).toBe('mixtral');
    // A linked filter opens the filters, checked.
    expect(await page.locator('#filter-panel').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('input[name="type"][value="Article"]').isChecked()).toBe(true);
    expect(await page.locator('#filter-panel summary').textContent()).toContain('1 chosen');
    for (const href of await resultLinks(page)) expect(href).toMatch(new RegExp(`^${base}articles/`));
    await page.locator('#q').fill('kimi');
    await page.locator('#q').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('kimi');
    await page.goBack();
    await expect.poll(() => page.locator('#q').inputValue()).toBe('mixtral');
    expect(errors).toEqual([]);
  });
  it('opened, the filters show counts and narrow results; a lab filter keeps only that lab', async () => {
    const { page } = await open('search/?q=model');
    await page.locator('#results li').first().waitFor();
    const box = page.locator('input[name="lab"][value="Meta"]');
    expect(await box.count()).toBe(0);
    await page.locator('#filter-panel summary').click();
    await box.waitFor();
    expect(await box.locator('xpath=..').textContent()).toMatch(/Meta \(\d+\)/);
    await box.check();
    await expect.poll(() => new URL(page.url()).searchParams.get('lab')).toBe('Meta');
    await expect
      .poll(async () => {
        const kickers = await page.locator('#results .kicker').allTextContents();
        return kickers.length > 0 && kickers.every((k) => k.includes('Meta'));
      })
      .toBe(true);
  });
});

describe('a linked filter the index does not have', () => {
  // The rule: a filter value in the URL that no page has (a lab renamed since the link was made)
  // shows checked, so the reader can uncheck it; nothing the link asked for is hidden.
  it('shows checked with a count of 0, and unchecking it brings results back', async () => {
    const { page, errors } = await open('search/?q=model&lab=No%20Such%20Lab');
    const box = page.locator('input[name="lab"][value="No Such Lab"]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    expect(await box.locator('xpath=..').textContent()).toContain('(0)');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^No results/);
    await box.uncheck();
    await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('lab')).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('filters that cannot load say so', () => {
  // The rule: when the filter files fail to arrive, the panel says so (not "Loading filters…" for
  // ever) and so does the status; opening the panel again tries again.
  it('a linked filter whose files fail: both say so, and a second opening loads them', async () => {
    const own = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await own.newPage();
      let fail = true;
      await page.route('**/*.pf_filter', (route) => (fail ? route.abort() : route.continue()));
      await page.goto(`${origin}${base}search/?q=model&lab=Meta`);
      await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
      await expect.poll(() => page.locator('#filters').textContent()).toContain('Filters could not load');
      expect(await page.locator('#search-status').textContent()).toContain('Search failed');
      fail = false;
      await page.locator('#filter-panel summary').click();
      await page.locator('#filter-panel summary').click();
      await page.locator('input[name="lab"][value="Meta"]').waitFor();
    } finally {
      await own.close();
    }
  });
});

describe('results come ten at a time', () => {
  // The rule: a query shows its first ten results, and "Show more results" adds the next ten below
  // them (every result can be reached), moving focus to the first new one; the status says how many are shown.
  it('"Show more results" adds the next results and focuses the first of them', async () => {
    const { page, errors } = await open('search/?q=model');
    await page.locator('#results li').first().waitFor();
    const total = Number(/^(\d+) results, showing the first 10\./.exec((await page.locator('#search-status').textContent())!)?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('#results li').count()).toBe(10);
    // Each result's own link (its heading's), not the links to its sections.
    const titles = () => page.locator('#results li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const first = await titles();
    await page.locator('#more').click();
    await expect.poll(() => page.locator('#results li').count()).toBe(Math.min(20, total));
    const now = await titles();
    expect(now.slice(0, 10)).toEqual(first);
    expect(new Set(now).size).toBe(now.length);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(now[10]);
    while (await page.locator('#more').isVisible()) {
      const before = await page.locator('#results li').count();
      await page.locator('#more').click();
      await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(before);
    }
    expect(await page.locator('#results li').count()).toBe(total);
    expect(await page.locator('#search-status').textContent()).toBe(`${total} results.`);
    expect(errors).toEqual([]);
  });
});

describe('sort by date', () => {
  it('"Newest first" orders results by date and writes ?sort=date', async () => {
    const { page } = await open('search/?q=deepseek&sort=date');
    await page.locator('#results li').first().waitFor();
    expect(await page.locator('#sort').inputValue()).toBe('date');
    const dates = (await page.locator('#results .kicker').allTextContents()).map((k) => /\d{4}(-\d{2}){0,2}$/.exec(k)?.[0]).filter(Boolean) as string[];
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('names and aliases find the same pages (driven by content aliases)', () => {
  it.each([
    ['R1', `${base}models/deepseek-r1/`],
    ['DeepSeek-R1', `${base}models/deepseek-r1/`],
    ['梁文锋', `${base}people/liang-wenfeng/`],
    ['Liang Wenfeng', `${base}people/liang-wenfeng/`],
    ['梁文锋', `${base}articles/how-a-hedge-fund-built-deepseek/`],
    ['Liang Wenfeng', `${base}articles/how-a-hedge-fund-built-deepseek/`],
    ['LLaMA', `${base}articles/llama-4-scout-and-maverick/`],
    ['深度求索', `${base}labs/deepseek/`],
  ])('%s finds %s', async (q, expected) => {
    const { page } = await open(`search/?q=${encodeURIComponent(q)}`);
    // Every result, not just the first page shown (a string, so the test runner does not rewrite import()).
    const all = (await page.evaluate(`(async () => {
      const pf = await import('${base}pagefind/pagefind.js');
      const r = await pf.search(document.querySelector('#q').value);
      return Promise.all(r.results.map(async (x) => new URL((await x.data()).url, location.href).pathname));
    })()`)) as string[];
    expect(all).toContain(expected);
  });
});

describe('one word, many spellings (content/synonyms.yaml)', () => {
  // The rule: a query finds the pages that use another form of its words, ranked with them.
  it.each([
    // The licensing topic writes only 'licence': found for 'license' through the synonym.
    ['license', `${base}topics/licensing/`],
    ['$5.6M', `${base}articles/what-deepseek-v3s-5-6m-figure-measures/`],
    ['huggingface', `${base}labs/huggingface/`],
  ])('%s has %s in its top 3', async (q, expected) => {
    const { page, errors } = await open(`search/?q=${encodeURIComponent(q)}`);
    await expect.poll(async () => (await resultLinks(page)).slice(0, 3)).toContain(expected);
    expect(errors).toEqual([]);
  });
});

describe('"Did you mean …?"', () => {
  // The rule: a misspelt name is offered in the site's own spelling; Enter on the offer runs it, in place, into the URL.
  it('"deepsek" offers "deepseek"; Enter on it searches for it', async () => {
    const { page, errors } = await open('search/?q=deepsek');
    const offer = page.locator('#did-you-mean a');
    await offer.waitFor();
    expect(await page.locator('#did-you-mean').textContent()).toBe('Did you mean deepseek?');
    await offer.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('deepseek');
    expect(await page.locator('#q').inputValue()).toBe('deepseek');
    await expect.poll(async () => (await resultLinks(page))[0]).toBe(`${base}labs/deepseek/`);
    expect(await page.locator('#did-you-mean').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });
  it('a query spelt as the site spells it is offered nothing', async () => {
    const { page } = await open('search/?q=licence');
    await page.locator('#results li').first().waitFor();
    expect(await page.locator('#did-you-mean').isHidden()).toBe(true);
  });
});

describe('results a reader can judge', () => {
  // The rule: each result shows its type (and date where it has one) and clean text; an entity shows its summary's first sentence.
  it('"deepseek": the lab first, with its summary, no "Also known as", no entities', async () => {
    const { page } = await open('search/?q=deepseek');
    await page.locator('#results li').first().waitFor();
    const first = page.locator('#results li').first();
    expect(await first.locator('.kicker').textContent()).toMatch(/^Lab\b/);
    const lab = await context.newPage();
    await lab.goto(`${origin}${base}labs/deepseek/`);
    const summary = (await lab.locator('.dek').first().textContent())!;
    await lab.close();
    expect(await first.locator('h2 + p').textContent()).toBe(firstSentence(summary));
    expect(firstSentence(summary).length).toBeLessThan(summary.trim().length);
    const text = (await page.locator('#results').textContent())!;
    expect(text).not.toContain('Also known as');
    expect(text).not.toMatch(/&(#\d+|#x[0-9a-f]+|amp|quot|apos|lt|gt);/i);
    for (const k of await page.locator('#results .kicker').allTextContents()) expect(k).toMatch(/^(Article|Lab|Model|Person|Topic|Milestone)\b/);
    expect((await page.locator('#results .kicker').allTextContents()).some((k) => /^Article · .*\d{4}-\d{2}-\d{2}$/.test(k))).toBe(true);
  });
});

describe('results arrive without moving the page', () => {
  // The rule: on a phone, the search page's layout shift stays under 0.05 while search loads and results arrive.
  it.each(['deepseek', 'zzzqqq', ''])('layout shift for "%s" is under 0.05 (390 px wide)', async (q) => {
    const own = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await own.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __shift: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${origin}${base}search/?q=${q}`);
      await page.waitForFunction(
        () => document.documentElement.dataset.searchReady === 'true' && document.querySelector('#results')?.getAttribute('aria-busy') === 'false',
      );
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.05);
    } finally {
      await own.close();
    }
  });
});

describe('keyboard', () => {
  it('"/" focuses search from an article; arrows move through results; Enter opens one', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}${base}articles/qwen3-hybrid-thinking/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('qwen');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
    await page.locator('#results a.result-link').first().waitFor();
    await page.locator('#q').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    const links = await page.locator('#results a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(second).toBe(links[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname !== `${base}search/`);
    expect(page.url()).toContain(new URL(second!, origin).pathname);
  });
});

describe('the results list is busy while a query loads', () => {
  // The rule: from the moment the URL names a query until its results show, #results is
  // aria-busy="true" (screen readers wait for it; the bench waits for it before it counts a query's
  // bytes, where the last query's "N results" used to end its wait too soon).
  it('aria-busy holds while the result fragments are on their way, and clears when they are shown', async () => {
    // A context of its own: nothing of an earlier test in its HTTP cache.
    const own = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await own.newPage();
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/*.pf_fragment', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${origin}${base}search/`);
      await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
      expect(await page.locator('#results').getAttribute('aria-busy')).toBe('false');
      await page.locator('#q').fill('mixtral');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('mixtral');
      expect(await page.locator('#results').getAttribute('aria-busy')).toBe('true');
      release();
      await expect.poll(() => page.locator('#results').getAttribute('aria-busy')).toBe('false');
      expect(await resultLinks(page)).toContain(`${base}articles/mistral-from-seed-round-to-mistral-3/`);
    } finally {
      await own.close();
    }
  });
});

describe('hostile queries cause no error and render as text', () => {
  it.each([
    ['10,000 characters', 'a'.repeat(10_000)],
    ['markup', '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'],
    ['quotes', `"'\`"" ''`],
    ['emoji', '🚀🤖 model'],
    ['right-to-left', 'مرحبا نموذج'],
    ['control characters', 'a\u0000b\u0007c\u202Ed'],
  ])('%s', async (_name, q) => {
    const { page, errors } = await open('search/');
    await page.locator('#q').fill(q);
    await page.locator('#q').press('Enter');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/result/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#results img, #results script').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("search payload budget: a first query fetches ≤ 150 KB (as nginx serves it with the site's snippet, gzip level 6)", () => {
  // Counted from nginx's access log of a server of this test's own: Pagefind fetches its index
  // from a web worker, which a page's DevTools session does not see (it saw ~28 KB of ~143 KB).
  it('"deepseek", counting the web worker’s fetches', async () => {
    const served = await serveWithNginx({ dist: inject('siteDist'), base }, path.join(tmp, 'nginx-search-budget'));
    try {
      const page = await context.newPage();
      await page.goto(`${served.origin}${base}`);
      await page.waitForLoadState('networkidle');
      const before = (await served.sent()).length;
      await page.goto(`${served.origin}${base}search/?q=deepseek`);
      await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
      await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      const rows = (await served.sent()).slice(before);
      expect(rows[0]?.path).toBe(`${base}search/?q=deepseek`);
      // The index, the metadata, the WebAssembly and the result fragments are among what is counted.
      for (const file of [/\.pf_index$/, /\.pf_meta$/, /wasm\.en\.pagefind$/, /\.pf_fragment$/])
        expect(
          rows.some((r) => file.test(r.path)),
          String(file),
        ).toBe(true);
      expect(rows.filter((r) => r.status >= 400)).toEqual([]);
      // A query alone fetches no filter file (they grow with the archive: ~47 KB at 5,000 articles);
      // opening the filters fetches them and shows this query's counts.
      expect(rows.filter((r) => r.path.endsWith('.pf_filter')).map((r) => r.path)).toEqual([]);
      // What search costs: everything the page fetched except the search page's own HTML.
      const bytes = rows.slice(1).reduce((sum, r) => sum + r.bytes, 0);
      // The index grows with every page. When this fails, the message says where the bytes went;
      // BENCHMARKS.md, "What is left", lists the ways to bring them down.
      const byKind = new Map<string, number>();
      for (const r of rows.slice(1)) {
        const kind = /\.(pf_\w+)$/.exec(r.path)?.[1] ?? r.path.split('/').pop()!.replace(/\?.*$/, '');
        byKind.set(kind, (byKind.get(kind) ?? 0) + r.bytes);
      }
      const where = [...byKind]
        .sort((x, y) => y[1] - x[1])
        .map(([k, b]) => `${k} ${(b / 1024).toFixed(1)} KB`)
        .join(', ');
      expect(bytes, `a first query fetched ${(bytes / 1024).toFixed(1)} KB: ${where}`).toBeLessThanOrEqual(150 * 1024);
      await page.locator('#filter-panel summary').click();
      await expect.poll(async () => (await page.locator('#filters label').allTextContents()).some((t) => /DeepSeek \([1-9]\d*\)/.test(t))).toBe(true);
      expect((await served.sent()).some((r) => r.path.endsWith('.pf_filter'))).toBe(true);
      await page.close();
    } finally {
      await served.stop();
    }
  });
});
