/**
 * Corrections in the open: every correction note in content (articles, milestones, models, labs,
 * people) is listed on /corrections/, newest first, each linking to the note on the corrected page,
 * and carried by the corrections feeds. Checked against the content files, not the code's own list.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { entryId } from '../../src/lib/check.ts';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { pageFile, read } from '../helpers/dist.ts';
import { all, parseHtml, type El } from '../helpers/html.ts';

const dist = inject('siteDist');
const BASE = '/news';
const ORIGIN = 'https://frontier-commons.example';
const content = path.resolve('content');
const today = new Date().toISOString().slice(0, 10);

type Note = { date: string; note: string; page: string };
const notesOf = (page: string, list: { date: string; note: string }[] | undefined): Note[] =>
  (list ?? []).map((c, i) => ({ date: c.date, note: c.note.trim(), page: `${page}#correction-${i + 1}` }));
const yamlFiles = async (dir: string) => (await readdir(path.join(content, dir))).filter((f) => f.endsWith('.yaml')).map((f) => path.join(content, dir, f));

async function expectedNotes(): Promise<Note[]> {
  const out: Note[] = [];
  // A piece with images is a folder (<slug>/index.mdx): the slug is Astro's entry id.
  for (const f of (await readdir(path.join(content, 'articles'), { recursive: true, encoding: 'utf8' })).filter((x) => /\.mdx?$/.test(x))) {
    const text = await readFile(path.join(content, 'articles', f), 'utf8');
    const fm = parse(text.split(/^---$/m)[1]!) as { draft?: boolean; published: string; corrections?: Note[] };
    if (fm.draft || fm.published > today) continue;
    out.push(...notesOf(`/articles/${entryId(f.split(path.sep).join('/'))}/`, fm.corrections));
  }
  for (const f of await yamlFiles('milestones')) {
    for (const m of parse(await readFile(f, 'utf8')) as { id: string; corrections?: Note[] }[]) out.push(...notesOf(`/timeline/${m.id}/`, m.corrections));
  }
  for (const [dir, prefix] of [
    ['models', '/models/'],
    ['labs', '/labs/'],
    ['people', '/people/'],
  ] as const) {
    for (const f of await yamlFiles(dir)) {
      const entry = parse(await readFile(f, 'utf8')) as { corrections?: Note[] };
      out.push(...notesOf(`${prefix}${path.basename(f, '.yaml')}/`, entry.corrections));
    }
  }
  return out;
}

// Typographic quotes may be applied on the page; the words must be the same.
const plain = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
const expected = await expectedNotes();
const doc = parseHtml(await read(pageFile(dist, '/corrections/')));
const items = all(doc, (e) => e.tag === 'ol' && (e.attrs.class ?? '').split(' ').includes('correction-list'))[0]?.children ?? [];
const row = (li: El) => ({
  date: all(li, (e) => e.tag === 'time')[0]!.attrs.datetime!,
  href: all(li, (e) => e.tag === 'a')[0]!.attrs.href!,
  note: plain(li.children.at(-1)!.text),
});
const rows = items.map(row);

describe('/corrections/ lists every correction in content, newest first', () => {
  it('content has corrections on articles, milestones and models (else this test proves nothing)', () => {
    for (const kind of ['/articles/', '/timeline/', '/models/', '/labs/'])
      expect(
        expected.some((n) => n.page.startsWith(kind)),
        kind,
      ).toBe(true);
  });
  it('one row per correction note, each linked to its anchor on the corrected page', () => {
    expect(rows.map((r) => `${r.href} ${r.date} ${r.note}`).sort()).toEqual(expected.map((n) => `${BASE}${n.page} ${n.date} ${plain(n.note)}`).sort());
  });
  it('newest first', () => {
    const dates = rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
  it('each link lands on the note itself, on a page that shows it', async () => {
    for (const r of rows) {
      const [p, anchor] = r.href.slice(BASE.length).split('#');
      const page = parseHtml(await read(pageFile(dist, p!)));
      const note = all(page, (e) => e.attrs.id === anchor)[0];
      expect(note, r.href).toBeDefined();
      expect(plain(note!.text)).toContain(r.note);
      // The page's own count near the top points at its notes.
      expect(all(page, (e) => e.tag === 'a' && e.attrs.href === '#corrections').length, p).toBeGreaterThan(0);
    }
  });
  it('a corrected milestone and a corrected model show the note on their pages', async () => {
    for (const p of ['/timeline/2024-02-01-ai2-olmo/', '/models/olmo/']) {
      const page = parseHtml(await read(pageFile(dist, p)));
      const box = all(page, (e) => e.tag === 'section' && e.attrs.id === 'corrections')[0];
      expect(box, p).toBeDefined();
      expect(plain(box!.text)).toContain('ODC-BY');
      expect(all(box!, (e) => e.tag === 'time')[0]!.attrs.datetime).toBe('2026-12-07');
    }
  });
});

describe('the corrections feeds', () => {
  const absolute = (href: string) => `${ORIGIN}${href}`;
  it('JSON Feed: every correction (up to the feed length), newest first, linked to its note', async () => {
    type JsonFeed = { items: { url: string; summary: string; date_published: string }[]; feed_url: string };
    const feed = JSON.parse(await read(path.join(dist, 'corrections/feed.json'))) as JsonFeed;
    expect(feed.feed_url).toBe(`${ORIGIN}${BASE}/corrections/feed.json`);
    expect(feed.items.length).toBe(Math.min(50, rows.length));
    feed.items.forEach((item, i) => {
      expect(item.url).toBe(absolute(rows[i]!.href));
      expect(plain(item.summary)).toBe(rows[i]!.note);
      expect(item.date_published.slice(0, 10)).toBe(rows[i]!.date);
    });
  });
  it.each(['rss.xml', 'atom.xml'])("%s carries each correction's link and note", async (file) => {
    const xml = (await read(path.join(dist, 'corrections', file))).replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    for (const r of rows.slice(0, 50)) {
      expect(xml).toContain(absolute(r.href));
      expect(plain(xml)).toContain(r.note);
    }
  });
  it('the page advertises its feeds, and About and the footer link to it', async () => {
    const links = all(doc, (e) => e.tag === 'link' && e.attrs.rel === 'alternate').map((e) => e.attrs.href);
    for (const f of ['rss.xml', 'atom.xml', 'feed.json']) {
      expect(links).toContain(`${BASE}/corrections/${f}`);
      expect(existsSync(path.join(dist, 'corrections', f))).toBe(true);
    }
    const about = parseHtml(await read(pageFile(dist, '/about/')));
    const footer = all(about, (e) => e.tag === 'footer')[0]!;
    expect(all(footer, (e) => e.tag === 'a' && e.attrs.href === `${BASE}/corrections/`).length).toBe(1);
    const main = all(about, (e) => e.tag === 'main')[0]!;
    expect(all(main, (e) => e.tag === 'a' && e.attrs.href === `${BASE}/corrections/`).length).toBe(1);
  });
});
