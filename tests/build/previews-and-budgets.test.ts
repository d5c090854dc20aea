/**
 * Link previews and byte budgets on the built site: every page type has an og:image, a 1200×630 PNG
 * of its own; article pages weigh ≤ 38 KB (HTML + CSS + JS), ≤ 60 KB if they carry a chart (an SVG
 * drawn at build time), with two scripts under 2 KB together (the service-worker registration and
 * search shortcut, and the theme switch); listing pages ≤ 150 KB (the timeline's filter pages and the
 * model explorer list every event or model in one page: paginating them is the way back to 100 KB).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, read } from '../helpers/dist.ts';
import { all, parseHtml, type El } from '../helpers/html.ts';

const dist = inject('siteDist');
const base = inject('siteBase');
const KB = 1024;
const pages = (await htmlFiles(dist)).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`));
const docs = new Map<string, El>();
for (const f of pages) docs.set(f, parseHtml(await read(f)));
const fileOf = (href: string) => path.join(dist, new URL(href, 'https://x.example').pathname.replace(base, ''));

function weight(doc: El, html: string) {
  const css = all(doc, (e) => e.tag === 'link' && e.attrs.rel === 'stylesheet').map((e) => statSync(fileOf(e.attrs.href!)).size);
  const scripts = all(doc, (e) => e.tag === 'script' && !!e.attrs.src).map((e) => statSync(fileOf(e.attrs.src!)).size);
  return { total: Buffer.byteLength(html) + css.reduce((a, b) => a + b, 0) + scripts.reduce((a, b) => a + b, 0), scripts };
}

const isRedirect = (doc: El) => all(doc, (e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'refresh').length > 0;
const metaOf = (doc: El) => (k: string) => all(doc, (e) => e.tag === 'meta' && (e.attrs.property === k || e.attrs.name === k)).map((e) => e.attrs.content);

describe('previews: every page has title, description, canonical and a 1200×630 PNG preview image', () => {
  it.each(pages.map((f) => [path.relative(dist, f), f] as const))('%s', async (_rel, f) => {
    const doc = docs.get(f)!;
    if (isRedirect(doc)) return; // a redirect stub: its target has the tags
    const meta = metaOf(doc);
    expect(all(doc, (e) => e.tag === 'title')[0]?.text).toBeTruthy();
    expect(meta('description')[0]).toBeTruthy();
    expect(all(doc, (e) => e.tag === 'link' && e.attrs.rel === 'canonical')[0]?.attrs.href).toMatch(/^https:\/\/frontier-commons\.example\/news\//);
    expect(meta('og:title')[0]).toBeTruthy();
    const images = meta('og:image');
    expect(images, 'one og:image').toHaveLength(1);
    expect(images[0]).toMatch(/^https:\/\/frontier-commons\.example\/news\/og\/.+\.png$/);
    const declared = [meta('og:image:width'), meta('og:image:height'), meta('og:image:type'), meta('twitter:card')];
    expect(declared).toEqual([['1200'], ['630'], ['image/png'], ['summary_large_image']]);
    expect(meta('og:image:alt')[0]).toBeTruthy();
    const png = await readFile(fileOf(images[0]!));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  // Every page type is in the build (so the test above covered it), with a card of its own.
  const types: [string, RegExp][] = [
    ['home', /^index\.html$/],
    ['article', /^articles\/[^/]+\/index\.html$/],
    ['archive', /^archive\/index\.html$/],
    ['archive year', /^archive\/\d{4}\/index\.html$/],
    ['timeline', /^timeline\/index\.html$/],
    ['timeline event', /^timeline\/\d{4}-[^/]+\/index\.html$/],
    ['timeline by lab, kind or access', /^timeline\/(lab|kind|access)\/[^/]+\/index\.html$/],
    ['timeline year', /^timeline\/year\/\d{4}\/index\.html$/],
    ['labs', /^labs\/index\.html$/],
    ['lab', /^labs\/[^/]+\/index\.html$/],
    ['models', /^models\/index\.html$/],
    ['model', /^models\/[^/]+\/index\.html$/],
    ['people', /^people\/index\.html$/],
    ['person', /^people\/[^/]+\/index\.html$/],
    ['topics', /^topics\/index\.html$/],
    ['topic', /^topics\/[^/]+\/index\.html$/],
    ['models, sorted or filtered', /^models\/(sort|licence|weights)\/[^/]+\/index\.html$/],
    ['authors', /^authors\/index\.html$/],
    ['author', /^authors\/[^/]+\/index\.html$/],
    ['corrections', /^corrections\/index\.html$/],
    ['search', /^search\/index\.html$/],
    ['about', /^about\/index\.html$/],
  ];
  it.each(types)('%s pages are built, each with its own card', (_type, pattern) => {
    const found = pages
      .map((f) => [path.relative(dist, f).split(path.sep).join('/'), docs.get(f)!] as const)
      .filter(([rel, doc]) => pattern.test(rel) && !isRedirect(doc));
    expect(found.length).toBeGreaterThan(0);
    for (const [rel, doc] of found) {
      // The card is named after the page: /labs/deepseek/ → /og/labs/deepseek.png, / → /og/home.png.
      const card = rel === 'index.html' ? 'home' : rel.replace(/\/index\.html$/, '');
      expect(new URL(metaOf(doc)('og:image')[0]!).pathname, rel).toBe(`${base}og/${card}.png`);
    }
  });
});

describe('budgets (bytes, uncompressed; 1 KB = 1,024 bytes)', () => {
  const articlePages = pages.filter((f) => /[/\\]articles[/\\][^/\\]+[/\\]index\.html$/.test(f) && !docs.get(f)!.children.length === false);
  // A chart or timeline slice is an SVG the build drew (src/lib/charts): only such a page may weigh 60 KB.
  const hasChart = (doc: El) => all(doc, (e) => e.tag === 'svg' && /\bfc-chart\b/.test(e.attrs.class ?? '')).length > 0;
  it.each(articlePages.map((f) => [path.relative(dist, f), f] as const))(
    'article %s ≤ 38 KB (60 KB with a chart), two scripts < 2 KB together',
    async (_rel, f) => {
      const doc = docs.get(f)!;
      if (all(doc, (e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'refresh').length) return;
      const { total, scripts } = weight(doc, await read(f));
      expect(total).toBeLessThanOrEqual((hasChart(doc) ? 60 : 38) * KB);
      expect(scripts.length).toBe(2);
      expect(scripts.reduce((a, b) => a + b, 0)).toBeLessThan(2 * KB);
      expect(existsSync(path.join(dist, 'sw.js'))).toBe(true);
    },
  );
  it.each(pages.filter((f) => !/[/\\]articles[/\\]/.test(f)).map((f) => [path.relative(dist, f), f] as const))('listing %s ≤ 150 KB', async (_rel, f) => {
    expect(weight(docs.get(f)!, await read(f)).total).toBeLessThanOrEqual(150 * KB);
  });
});
