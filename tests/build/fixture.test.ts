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
  it("does not print Rolldown's warning about Astro's MDX directive, once per MDX piece (withastro/astro#18087)", async () => {
    const mdx = (await readdir(path.resolve('tests/fixtures/good/content/articles'))).filter((f) => f.endsWith('.mdx'));
    expect(mdx).toContain('alpha-fixture-article.mdx');
    expect(existsSync(pageFile(dist, '/articles/alpha-fixture-article/'))).toBe(true);
    const log = inject('fixtureBuildLog');
    expect(log).toContain('page(s) built');
    expect(log).not.toMatch(/MODULE_LEVEL_DIRECTIVE|astro:head-inject/);
  });
});

describe('bylines: a piece names its authors, and each has a page listing their pieces', () => {
  const hrefs = (html: string, sel: (e: { tag: string; attrs: Record<string, string> }) => boolean) => all(parseHtml(html), sel).map((e) => e.attrs.href);
  it("the byline links the authors the piece names; a piece naming none is the default author's", async () => {
    const byline = (html: string) => hrefs(html, (e) => e.tag === 'a' && e.attrs.rel === 'author');
    expect(byline(await read(pageFile(dist, '/articles/alpha-fixture-article/')))).toEqual(['/authors/ada-fixture/']);
    expect(byline(await read(pageFile(dist, '/articles/hostile-fixture-article/')))).toEqual(['/authors/newsroom/']);
  });
  it('JSON-LD names a person as a Person and a team as an Organization, with their pages', async () => {
    const html = await read(pageFile(dist, '/articles/alpha-fixture-article/'));
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Ada Fixture', url: 'https://frontier-commons.example/authors/ada-fixture/' }]);
  });
  it("an author page lists the author's live pieces and no one else's", async () => {
    const pieces = (html: string) => hrefs(html, (e) => e.tag === 'a' && (e.attrs.href ?? '').startsWith('/articles/'));
    expect(pieces(await read(pageFile(dist, '/authors/ada-fixture/')))).toEqual(['/articles/alpha-fixture-article/']);
    const newsroom = pieces(await read(pageFile(dist, '/authors/newsroom/')));
    expect(newsroom).toContain('/articles/hostile-fixture-article/');
    expect(newsroom).not.toContain('/articles/alpha-fixture-article/');
    expect(newsroom).not.toContain('/articles/draft-fixture-article/');
  });
});
