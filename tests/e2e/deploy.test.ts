/**
 * The real site as deployed: built under BASE_PATH=/news/, served by nginx with the generated
 * headers. Links, headers, validity and external-link safety over every page.
 */
import { readdir, readFile } from 'node:fs/promises';
import { get } from 'node:http';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { crawl, type CrawlResult } from '../helpers/crawl.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { securityHeaders } from '../../src/lib/headers.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
const dist = inject('siteDist');
let site: CrawlResult;

describe('crawl under /news/: no broken link, image, asset or #anchor', () => {
  it('reaches every built page and finds nothing broken', async () => {
    // The search page is reached by the header's form, not a link.
    site = await crawl(origin, base, [`${base}search/`], 'https://frontier-commons.example');
    const built = (await htmlFiles(dist)).filter((f) => f.endsWith('index.html') && !f.includes('/pagefind/'));
    // Redirect stubs are reached by no link; every other built page is linked from somewhere.
    const redirects = JSON.parse(await readFile(path.join(dist, 'data/redirects.json'), 'utf8')) as { from: string }[];
    expect(site.pages.size).toBeGreaterThanOrEqual(built.length - redirects.length);
    expect(site.broken).toEqual([]);
  });
  it('every external link is rel="noopener noreferrer"', () => {
    expect(site.external.length).toBeGreaterThan(0);
    const unsafe = site.external.filter((x) => !/\bnoopener\b/.test(x.rel) || !/\bnoreferrer\b/.test(x.rel));
    expect(unsafe.slice(0, 10)).toEqual([]);
  });
});

describe('nginx serves the production headers on pages, assets and 404s', () => {
  it.each([`${base}`, `${base}articles/how-a-hedge-fund-built-deepseek/`, `${base}pagefind/pagefind.js`, `${base}no-such-page/`])('%s', async (p) => {
    const res = await fetch(`${origin}${p}`);
    for (const [name, value] of securityHeaders()) expect(res.headers.get(name), name).toBe(value);
  });
  it("the 404 page is the site's own, with search", async () => {
    const res = await fetch(`${origin}${base}no-such-page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });
});

/** A GET that accepts gzip, as a browser would: the status and the headers as sent (node:http does not decompress). */
const getGzip = (url: string) =>
  new Promise<{ status: number; encoding: string; vary: string }>((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? ''), vary: String(res.headers.vary ?? '') }),
      );
    }).on('error', reject);
  });

describe("nginx, with the generated snippet alone, gzips the site's text and nothing twice", () => {
  it.each([
    ['a page', ''],
    ["Pagefind's script", 'pagefind/pagefind.js'],
    ["Pagefind's worker", 'pagefind/pagefind-worker.js'],
    ['the RSS feed', 'rss.xml'],
    ['the JSON feed', 'feed.json'],
    ['the sitemap', 'sitemap-index.xml'],
    ['the icon', 'favicon.svg'],
  ])('%s (%s): gzip, Vary: Accept-Encoding', async (_, file) => {
    const res = await getGzip(`${origin}${base}${file}`);
    expect(res.status).toBe(200);
    expect(res.encoding).toBe('gzip');
    expect(res.vary).toMatch(/Accept-Encoding/i);
  });
  it('the stylesheets: gzip', async () => {
    const sheets = (await readdir(path.join(dist, '_astro'))).filter((f) => f.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) expect((await getGzip(`${origin}${base}_astro/${sheet}`)).encoding, sheet).toBe('gzip');
  });
  it("Pagefind's WebAssembly and index files, gzipped by Pagefind, are sent as they are", async () => {
    const entry = JSON.parse(await readFile(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string }>;
    };
    const { hash, wasm } = Object.values(entry.languages)[0]!;
    for (const file of [`pagefind/wasm.${wasm}.pagefind`, `pagefind/pagefind.${hash}.pf_meta`]) {
      const res = await getGzip(`${origin}${base}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.encoding, file).toBe('');
    }
  });
});

describe('html-validate: every built page is valid HTML', () => {
  it('0 errors', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = await htmlFiles(dist);
    const errors: string[] = [];
    for (const f of files) {
      if (f.includes('/pagefind/')) continue;
      const report = await validator.validateFile(f);
      for (const r of report.results) for (const m of r.messages) errors.push(`${path.relative(dist, f)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});
