/**
 * Feeds for readers and newsletter writers, as nginx serves them with the generated snippet: every
 * feed goes out with its media type and charset=utf-8 and parses with a feed parser; items carry the
 * whole piece (or event) with absolute URLs, its sources and corrections; the timeline has feeds; a
 * browser shows RSS and Atom as a readable page (XSLT) in the site's look.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseFeed } from 'feedsmith';
import { parseFragment } from 'parse5';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { distFiles } from '../../src/integrations/dist-files.ts';

const site = { origin: inject('siteOrigin'), base: inject('siteBase'), dist: inject('siteDist') };
const fixture = { origin: inject('fixtureOrigin'), dist: inject('fixtureDist') };
const SITE_URL = 'https://frontier-commons.example';
const TYPES: Record<string, string> = { 'rss.xml': 'application/xml', 'atom.xml': 'application/xml', 'feed.json': 'application/feed+json' };

const feedFiles = async (dist: string) => (await distFiles(dist)).filter((f) => TYPES[path.posix.basename(f)]);

type Item = { url: string | undefined; title: string | undefined; html: string | undefined };
/** A feed's items, read by feedsmith (which throws on what it cannot read), whatever the format. */
function items(text: string): { format: string; items: Item[] } {
  const { format, feed } = parseFeed(text);
  if (format === 'json') return { format, items: (feed.items ?? []).map((i) => ({ url: i.url, title: i.title, html: i.content_html })) };
  if (format === 'atom')
    return { format, items: (feed.entries ?? []).map((e) => ({ url: e.links?.[0]?.href, title: e.title?.value, html: e.content?.value })) };
  return { format, items: (feed.items ?? []).map((i) => ({ url: i.link, title: i.title, html: i.content?.encoded })) };
}

type P5 = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: P5[] };
function urlsIn(html: string): string[] {
  const out: string[] = [];
  const walk = (n: P5) => {
    for (const a of n.attrs ?? []) if (a.name === 'href' || a.name === 'src') out.push(a.value);
    n.childNodes?.forEach(walk);
  };
  walk(parseFragment(html) as unknown as P5);
  return out;
}

describe('every feed, through nginx: media type, charset=utf-8, parses', () => {
  it('the real site under /news/ and the fixture site', async () => {
    const checked: string[] = [];
    for (const { origin, base, dist } of [site, { ...fixture, base: '/' }]) {
      const files = await feedFiles(dist);
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) {
        const res = await fetch(`${origin}${base}${f}`);
        expect(res.status, f).toBe(200);
        const [type, ...params] = (res.headers.get('content-type') ?? '').split(';').map((s) => s.trim().toLowerCase());
        expect(type, f).toBe(TYPES[path.posix.basename(f)]);
        expect(params, f).toContain('charset=utf-8');
        const text = await res.text();
        const read = items(text);
        expect(read.format, f).toBe({ 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' }[path.posix.basename(f)]);
        expect(read.items.length, f).toBeLessThanOrEqual(50);
        for (const i of read.items) {
          expect(i.html, `${f}: ${i.title}`).toBeTruthy();
          // Full text with absolute URLs: nothing relative to the reader's own page.
          for (const u of urlsIn(i.html ?? '')) expect(u, `${f}: ${i.title}`).toMatch(/^(https?:|mailto:)/);
        }
        checked.push(f);
      }
    }
    // The timeline feeds are among them.
    expect(checked).toEqual(expect.arrayContaining(['timeline/rss.xml', 'timeline/atom.xml', 'timeline/feed.json', 'timeline/lab/deepseek/rss.xml']));
  });
});

describe('items carry the whole piece, its sources and corrections', () => {
  it("the site's JSON Feed: every article's full body, then its sources", async () => {
    type JsonFeed = { items: { url: string; summary: string; content_html: string }[] };
    const feed = JSON.parse(await (await fetch(`${site.origin}${site.base}feed.json`)).text()) as JsonFeed;
    const slug = 'how-a-hedge-fund-built-deepseek';
    const item = feed.items.find((i) => i.url === `${SITE_URL}/news/articles/${slug}/`)!;
    const page = await readFile(path.join(site.dist, 'articles', slug, 'index.html'), 'utf8');
    // Every paragraph of the page's body is in the item, by its id.
    const ids = [...page.matchAll(/<p id="(p-[0-9a-f]{8}(?:-\d+)?)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(item.content_html).toContain(`id="${id}"`);
    expect(item.content_html).toMatch(/<h2 id="sources-heading">Sources<\/h2>/);
    expect(item.content_html).not.toMatch(/class="(anchor|para-link)"/);
    // The summary is the dek and at most the latest correction (≤ 300 + 1,000 characters), never the body.
    expect(item.summary.length).toBeLessThan(1400);
  });

  it('MDX pieces with article components and a correction (fixtures): the components rendered, their images and links made absolute', async () => {
    const feed = JSON.parse(await (await fetch(`${fixture.origin}/feed.json`)).text()) as { items: { url: string; content_html: string }[] };
    const item = feed.items.find((i) => i.url === `${SITE_URL}/articles/alpha-fixture-article/`)!;
    expect(item.content_html).toMatch(new RegExp(`A note from an article component, linking <a href="${SITE_URL}/labs/deepseek/"[^>]*>DeepSeek</a>`));
    const components = feed.items.find((i) => i.url === `${SITE_URL}/articles/components-fixture-article/`)!;
    expect(components.content_html).toMatch(new RegExp(`<img[^>]+src="${SITE_URL}/_astro/boxes\\.[^"]+"`));
    expect(components.content_html).toContain('<svg');
    expect(item.content_html).toMatch(
      /<h2>Correction<\/h2><ul><li><time datetime="2025-02-02">2 February 2025<\/time>: An earlier version misspelled quokkaflux\.<\/li><\/ul>/,
    );
    expect(item.content_html).toContain('DeepSeek-R1 repository');
  });

  it('RSS names authors in dc:creator, not in <author> (which RSS 2.0 keeps for email addresses)', async () => {
    const xml = await (await fetch(`${site.origin}${site.base}rss.xml`)).text();
    expect(xml).not.toMatch(/<author>/);
    expect(xml.match(/<dc:creator>[^<]+<\/dc:creator>/g)?.length).toBe(xml.match(/<item>/g)?.length);
    expect(xml).toMatch(/<content:encoded><!\[CDATA\[<p id="p-/);
  });
});

describe('timeline feeds: one item per event, newest first, linking to its page', () => {
  type Rows = { milestones: { id: string; date: string; lab: string; url: string }[] };
  const milestones = async () => (JSON.parse(await readFile(path.join(site.dist, 'data/milestones.json'), 'utf8')) as Rows).milestones;
  it.each([
    ['timeline/feed.json', undefined],
    ['timeline/lab/deepseek/feed.json', 'deepseek'],
  ])('%s', async (file, lab) => {
    const feed = JSON.parse(await (await fetch(`${site.origin}${site.base}${file}`)).text()) as { items: { url: string; date_published: string }[] };
    const events = (await milestones()).filter((m) => !lab || m.lab === lab);
    expect(feed.items.length).toBe(Math.min(50, events.length));
    for (const i of feed.items) expect(events.map((m) => m.url)).toContain(i.url);
    const dates = feed.items.map((i) => i.date_published);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feed.items[0]!.url).toBe(events.toSorted((a, b) => b.date.localeCompare(a.date))[0]!.url);
  });
  it.each([
    ['timeline/', 'timeline/rss.xml'],
    ['labs/deepseek/', 'timeline/lab/deepseek/rss.xml'],
    ['timeline/lab/deepseek/', 'timeline/lab/deepseek/atom.xml'],
  ])('%s advertises %s', async (page, feed) => {
    const html = await (await fetch(`${site.origin}${site.base}${page}`)).text();
    expect(html).toContain(`href="${site.base}${feed}"`);
    expect(html).toMatch(new RegExp(`<link rel="alternate" type="application/(rss|atom)\\+xml" title="[^"]+" href="${site.base}${feed}"`));
  });
});

describe("a browser shows RSS and Atom as a page in the site's look (XSLT, within the CSP)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  it.each(['rss.xml', 'atom.xml', 'timeline/lab/deepseek/rss.xml'])('%s', async (file) => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    // Chromium's own XSLT deprecation banner trips the CSP with inline styles; what we load must not.
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text()) && /stylesheet|style-src-elem|script-src-elem/.test(m.text())) blocked.push(m.text());
    });
    const xml = await (await fetch(`${site.origin}${site.base}${file}`)).text();
    await page.goto(`${site.origin}${site.base}${file}`);
    // Not Chromium's raw view ("This XML file does not appear to have any style information") but our page.
    await page.locator('h1').waitFor({ timeout: 30_000 });
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe(/<title>(?:<!\[CDATA\[)?([^<\]]+)/.exec(xml)![1]);
    expect(await page.locator('.feed-url').textContent()).toBe(`${SITE_URL}${site.base}${file}`);
    const count = (xml.match(/<item>|<entry>/g) ?? []).length;
    expect(await page.locator('.feed-items li').count()).toBe(count);
    // The site's stylesheet applied: the tokens' background, the monospace address.
    const style = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      mono: getComputedStyle(document.querySelector('.feed-url')!).fontFamily,
    }));
    expect(style.bg).toBe('rgb(251, 250, 247)'); // --bg, light
    expect(style.mono).toMatch(/monospace/);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
