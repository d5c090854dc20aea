/** The real site, built under /news/: every live article has a page and is in the search index. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { readContentFiles } from '../../src/integrations/content-check.ts';
import { entryId } from '../../src/lib/check.ts';
import { pageFile, read } from '../helpers/dist.ts';

const dist = inject('siteDist');
const files = await readContentFiles('content');
const articles = files.articles.map((f) => ({
  slug: entryId(path.relative(path.resolve('content/articles'), path.resolve(f.path)).split(path.sep).join('/')),
  data: parse(/^---\n([\s\S]*?)\n---/.exec(f.text)![1]!) as { draft?: boolean; published: string; title: string },
}));

describe('articles: every non-draft, non-scheduled article is built; drafts are not', () => {
  it('has content to check', () => expect(articles.length).toBeGreaterThan(0));
  it.each(articles.map((a) => [a.slug, a] as const))('%s', async (_slug, a) => {
    const file = pageFile(dist, `/articles/${a.slug}/`);
    const live = !a.data.draft && a.data.published <= new Date().toISOString().slice(0, 10);
    expect(existsSync(file)).toBe(live);
    if (live) expect(await read(file)).toContain('data-pagefind-body');
  });
});

describe('search index: Pagefind indexed the built site', () => {
  it('wrote its entry file and fragments', async () => {
    expect(existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
    const fragments = await readdir(path.join(dist, 'pagefind/fragment'));
    // One fragment per indexed page: at least every live article.
    expect(fragments.length).toBeGreaterThanOrEqual(articles.filter((a) => !a.data.draft).length);
  });
});

describe('sub-path: every internal link and asset carries the base /news/', () => {
  it.each(['/', '/articles/how-a-hedge-fund-built-deepseek/', '/timeline/', '/labs/deepseek/'])('%s', async (p) => {
    const html = await read(pageFile(dist, p));
    const refs = [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !r.startsWith('/news/'))).toEqual([]);
  });
});

describe('files written after Astro: every BibTeX file and preview image, and no trace of their list', () => {
  it('each live article has its cite.bib and its preview image; the list Astro wrote for them is gone', async () => {
    const live = articles.filter((a) => !a.data.draft && a.data.published <= new Date().toISOString().slice(0, 10));
    expect(live.length).toBeGreaterThan(0);
    for (const a of live) {
      const bib = await read(path.join(dist, `articles/${a.slug}/cite.bib`));
      expect(bib, a.slug).toMatch(/^@online\{/);
      expect(bib, a.slug).toContain(`/articles/${a.slug}/`);
      expect(existsSync(path.join(dist, `og/articles/${a.slug}.png`)), a.slug).toBe(true);
    }
    expect(existsSync(path.join(dist, 'build-files.json'))).toBe(false);
  });
});
