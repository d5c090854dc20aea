/** The fixture site: publishing states, escaping of hostile text, anchors and index membership. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { pageFile, read } from '../helpers/dist.ts';
import { all, parseHtml } from '../helpers/html.ts';

const dist = inject('fixtureDist');

async function indexedUrls(dir: string): Promise<string[]> {
  const folder = path.join(dir, 'pagefind/fragment');
  const urls: string[] = [];
  for (const f of await readdir(folder)) {
    const raw = gunzipSync(await readFile(path.join(folder, f))).toString('utf8');
    const json = JSON.parse(raw.slice(raw.indexOf('{')));
    urls.push(json.url);
  }
  return urls;
}

describe('publishing states', () => {
  it.each([
    ['/articles/alpha-fixture-article/', true],
    ['/articles/hostile-fixture-article/', true],
    ['/articles/draft-fixture-article/', false], // drafts are never built in production
    ['/articles/scheduled-fixture-article/', false], // scheduled for 2099: not built yet
  ])('%s built: %s', (p, built) => expect(existsSync(pageFile(dist, p))).toBe(built));

  it('indexes published articles in Pagefind, and not drafts or chrome-only pages', async () => {
    const urls = await indexedUrls(dist);
    expect(urls).toContain('/articles/alpha-fixture-article/');
    expect(urls).toContain('/articles/hostile-fixture-article/');
    expect(urls).not.toContain('/articles/draft-fixture-article/');
    expect(urls).not.toContain('/about/');
    expect(urls).not.toContain('/search/');
  });
});

describe('hostile text is escaped everywhere it lands', () => {
  const title = '</script><script>window.__pwned=1</script> "Quotes" & 梁文锋 🚀 مرحبا';
  it('JSON-LD parses back to the source values and holds no "<"', async () => {
    const html = await read(pageFile(dist, '/articles/hostile-fixture-article/'));
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toContain('<');
    expect(JSON.parse(blocks[0]!).headline).toBe(title);
  });
  it('adds no elements or handlers, and title and og:title decode to the exact source text', async () => {
    const doc = parseHtml(await read(pageFile(dist, '/articles/hostile-fixture-article/')));
    const scripts = all(doc, (e) => e.tag === 'script');
    expect(scripts.every((s) => s.attrs.type === 'application/ld+json' || s.attrs.src)).toBe(true);
    expect(all(doc, (e) => e.tag === 'img')).toEqual([]);
    expect(all(doc, (e) => Object.keys(e.attrs).some((a) => a.startsWith('on')))).toEqual([]);
    expect(all(doc, (e) => e.tag === 'title')[0]!.text).toBe(`${title} · Frontier Commons`);
    expect(all(doc, (e) => e.tag === 'meta' && e.attrs.property === 'og:title')[0]!.attrs.content).toBe(title);
    expect(all(doc, (e) => e.tag === 'h1')[0]!.text).toBe(title);
  });
});

describe('headings: every h2/h3 in an article has a unique id and a permalink', () => {
  it('fixture article', async () => {
    const html = await read(pageFile(dist, '/articles/alpha-fixture-article/'));
    const ids = [...html.matchAll(/<h[23] id="([^"]+)">/g)].map((m) => m[1]!);
    expect(ids).toEqual(expect.arrayContaining(['first-section', 'second-section', 'a-sub-section', '中文标题']));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['first-section', '中文标题']) expect(html).toContain(`<a href="#${id}" class="anchor"`);
  });
});

describe('sitemap: pages only, not search or redirect stubs', () => {
  it('lists the article, not its old alias or /search/', async () => {
    const xml = await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(xml).toContain('<loc>https://frontier-commons.example/articles/alpha-fixture-article/</loc>');
    expect(xml).not.toContain('old-alpha');
    expect(xml).not.toContain('/search/');
  });
});

describe('the build log', () => {
  it('does not print Rolldown\'s warning about Astro\'s MDX directive, once per MDX piece (withastro/astro#18087)', async () => {
    const mdx = (await readdir(path.resolve('tests/fixtures/good/content/articles'))).filter((f) => f.endsWith('.mdx'));
    expect(mdx).toContain('alpha-fixture-article.mdx');
    expect(existsSync(pageFile(dist, '/articles/alpha-fixture-article/'))).toBe(true);
    const log = inject('fixtureBuildLog');
    expect(log).toContain('page(s) built');
    expect(log).not.toMatch(/MODULE_LEVEL_DIRECTIVE|astro:head-inject/);
  });
});
