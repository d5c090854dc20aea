/**
 * Link previews and byte budgets on the built site: every og:image exists at 1200×630; article
 * pages weigh ≤ 34 KB (HTML + CSS + JS) with two scripts under 2 KB together (the service-worker
 * registration and search shortcut, and the theme switch); listing pages ≤ 100 KB.
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

describe('previews: every page has title, description, canonical; every og:image is a 1200×630 PNG', () => {
  it.each(pages.filter((f) => !f.endsWith('404.html')).map((f) => [path.relative(dist, f), f] as const))('%s', async (_rel, f) => {
    const doc = docs.get(f)!;
    const meta = (k: string) => all(doc, (e) => e.tag === 'meta' && (e.attrs.property === k || e.attrs.name === k))[0]?.attrs.content;
    if (all(doc, (e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'refresh').length) return; // redirect stub
    expect(all(doc, (e) => e.tag === 'title')[0]?.text).toBeTruthy();
    expect(meta('description')).toBeTruthy();
    expect(all(doc, (e) => e.tag === 'link' && e.attrs.rel === 'canonical')[0]?.attrs.href).toMatch(/^https:\/\/frontier-commons\.example\/news\//);
    expect(meta('og:title')).toBeTruthy();
    const image = meta('og:image');
    if (!image) return;
    const png = await readFile(fileOf(image));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
  it('articles, milestones and labs all have a preview image', () => {
    for (const [f, doc] of docs) {
      if (!/[/\\](articles|labs)[/\\][^/\\]+[/\\]index\.html$|[/\\]timeline[/\\]\d{4}-[^/\\]+[/\\]index\.html$/.test(f)) continue;
      if (all(doc, (e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'refresh').length) continue;
      expect(all(doc, (e) => e.tag === 'meta' && e.attrs.property === 'og:image').length, f).toBe(1);
    }
  });
});

describe('budgets (bytes, uncompressed; 1 KB = 1,024 bytes)', () => {
  const articlePages = pages.filter((f) => /[/\\]articles[/\\][^/\\]+[/\\]index\.html$/.test(f) && !docs.get(f)!.children.length === false);
  it.each(articlePages.map((f) => [path.relative(dist, f), f] as const))('article %s ≤ 34 KB, two scripts < 2 KB together', async (_rel, f) => {
    const doc = docs.get(f)!;
    if (all(doc, (e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'refresh').length) return;
    const { total, scripts } = weight(doc, await read(f));
    expect(total).toBeLessThanOrEqual(34 * KB);
    expect(scripts.length).toBe(2);
    expect(scripts.reduce((a, b) => a + b, 0)).toBeLessThan(2 * KB);
    expect(existsSync(path.join(dist, 'sw.js'))).toBe(true);
  });
  it.each(pages.filter((f) => !/[/\\]articles[/\\]/.test(f)).map((f) => [path.relative(dist, f), f] as const))('listing %s ≤ 100 KB', async (_rel, f) => {
    expect(weight(docs.get(f)!, await read(f)).total).toBeLessThanOrEqual(100 * KB);
  });
});
