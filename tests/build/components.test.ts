/**
 * Article components, as built: the fixture piece `components-fixture-article` uses each one.
 * Charts are accessible SVG (role, title, description) with their data in a table; every link a
 * component makes reaches a built page; images went through Astro's pipeline; nothing is inline-styled.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { pageFile, read } from '../helpers/dist.ts';
import { all, parseHtml, type El } from '../helpers/html.ts';

const dist = inject('fixtureDist');
const html = await read(pageFile(dist, '/articles/components-fixture-article/'));
const doc = parseHtml(html);
const cls = (e: El, c: string) => (e.attrs.class ?? '').split(/\s+/).includes(c);
const byClass = (root: El, c: string) => all(root, (e) => cls(e, c));
const exists = (href: string) => existsSync(href.endsWith('/') ? pageFile(dist, href) : path.join(dist, href));
const cells = (table: El) => all(table, (e) => e.tag === 'tr').map((tr) => tr.children.map((c) => c.text.trim()));

describe('Chart: SVG drawn at build time, named and described, its data beside it', () => {
  const figures = byClass(doc, 'fc-chart-figure');
  it('the fixture has its four charts (bar, stacked bar, line, dot)', () => {
    expect(figures.map((f) => all(f, (e) => e.tag === 'svg')[0]!.attrs.class)).toEqual([
      'fc-chart fc-chart-stacked-bar',
      'fc-chart fc-chart-bar',
      'fc-chart fc-chart-line',
      'fc-chart fc-chart-dot',
    ]);
  });
  it.each(figures.map((f, i) => [i, f] as const))('chart %d: role="img", <title> and <desc> it is labelled by, a data table', (_i, f) => {
    const svg = all(f, (e) => e.tag === 'svg')[0]!;
    expect(svg.attrs.role).toBe('img');
    expect(svg.attrs.viewBox).toMatch(/^0 0 360 \d+$/);
    const [title, desc] = svg.children;
    expect([title?.tag, desc?.tag]).toEqual(['title', 'desc']);
    expect(svg.attrs['aria-labelledby']).toBe(`${title!.attrs.id} ${desc!.attrs.id}`);
    expect(title!.text).toBe(f.children[0]!.text); // the visible caption says the same
    const table = all(f, (e) => e.tag === 'details' && cls(e, 'fc-data'))[0];
    expect(table && all(table, (e) => e.tag === 'table')).toHaveLength(1);
  });
  it('an inline table is drawn and tabled value for value, with a total for stacks', () => {
    const table = all(figures[0]!, (e) => e.tag === 'table')[0]!;
    expect(cells(table)).toEqual([
      ['', 'MIT', 'Apache 2.0', 'Custom', 'Total'],
      ['United States', '2', '5', '9', '16'],
      ['China', '9', '2', '9', '20'],
    ]);
    expect(all(figures[0]!, (e) => e.tag === 'rect' && /^fc-s\d$/.test(e.attrs.class ?? '') && !!e.attrs.height && e.attrs.height === '16')).toHaveLength(6);
  });
  it('a dataset is computed from the knowledge base: the fixture timeline has one release, in 2025', () => {
    expect(cells(all(figures[1]!, (e) => e.tag === 'table')[0]!)).toEqual([
      ['', 'Releases'],
      ['2025', '1'],
    ]);
  });
  it('the source is a link', () => {
    expect(all(figures[0]!, (e) => e.tag === 'a').map((a) => a.attrs.href)).toContain('https://github.com/deepseek-ai/DeepSeek-V3');
  });
  it('SVG ids are unique on the page', () => {
    const ids = all(doc, (e) => !!e.attrs.id).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("TimelineSlice: a lab's events on a time axis, each a link to its event page", () => {
  const slice = byClass(doc, 'fc-slice')[0]!;
  const links = all(slice, (e) => e.tag === 'a' && cls(e, 'fc-event'));
  it('links every DeepSeek event of the fixture, in date order, to a page that exists', () => {
    expect(links.map((a) => a.attrs.href)).toEqual(['/timeline/2023-07-deepseek-spin-off/', '/timeline/2025-01-20-deepseek-r1/']);
    for (const a of links) expect(exists(a.attrs.href!), a.attrs.href).toBe(true);
  });
  it('is a named group with a description, and its year ticks come from the time scale', () => {
    const svg = all(slice, (e) => e.tag === 'svg')[0]!;
    expect(svg.attrs.role).toBe('group');
    expect(svg.children[0]!.tag).toBe('title');
    expect(all(svg, (e) => cls(e, 'fc-tick')).map((t) => t.text)).toEqual(['2024', '2025']);
  });
});

describe('ModelFacts and Compare: from the models collection, linking to model pages', () => {
  it("ModelFacts shows the model's counts and links to its page", () => {
    const card = byClass(doc, 'fc-facts')[0]!;
    const facts = Object.fromEntries(all(card, (e) => e.tag === 'div').map((d) => [d.children[0]!.text, d.children[1]!.text]));
    expect(facts).toMatchObject({ Parameters: '671B', 'Active per token': '37B', Released: '26 December 2024', Weights: 'Restricted' });
    const href = all(card, (e) => e.tag === 'a')[0]!.attrs.href!;
    expect(href).toBe('/models/deepseek-v3/');
    expect(exists(href)).toBe(true);
  });
  it('Compare puts the models side by side, a row a fact', () => {
    const table = all(byClass(doc, 'fc-compare')[0]!, (e) => e.tag === 'table')[0]!;
    const rows = cells(table);
    expect(rows[0]).toEqual(['', 'DeepSeek-R1', 'DeepSeek-V3']);
    expect(rows.find((r) => r[0] === 'Licence')).toEqual(['Licence', 'MIT', 'DeepSeek Model Agreement (custom)']);
    for (const a of all(table, (e) => e.tag === 'a')) expect(exists(a.attrs.href!), a.attrs.href).toBe(true);
  });
});

describe("Figure: a local image through Astro's image pipeline", () => {
  const fig = byClass(doc, 'fc-image')[0]!;
  it('AVIF and WebP at several widths, width and height set, alt text, caption and credit', () => {
    const sources = all(fig, (e) => e.tag === 'source');
    expect(sources.map((s) => s.attrs.type)).toEqual(['image/avif', 'image/webp']);
    for (const s of sources) expect(s.attrs.srcset!.split(',').length).toBeGreaterThanOrEqual(2);
    const img = all(fig, (e) => e.tag === 'img')[0]!;
    expect(img.attrs).toMatchObject({ alt: 'Three coloured boxes joined by lines', width: '960', height: '540', loading: 'lazy' });
    for (const url of [img.attrs.src!, ...sources.flatMap((s) => s.attrs.srcset!.split(',').map((x) => x.trim().split(' ')[0]!))])
      expect(exists(url), url).toBe(true);
    expect(all(fig, (e) => e.tag === 'figcaption')[0]!.text).toBe('Boxes, drawn for the fixture. Frontier Commons');
  });
});

describe('Callout: a note or a contested fact, with Markdown inside', () => {
  it('renders both kinds, children as Markdown', () => {
    const [contested, note] = byClass(doc, 'fc-callout');
    expect(cls(contested!, 'fc-callout-contested')).toBe(true);
    expect(all(contested!, (e) => e.tag === 'strong')[0]!.text).toBe('contested');
    expect(all(contested!, (e) => e.tag === 'a')[0]!.attrs.href).toBe('/labs/deepseek/');
    expect(cls(note!, 'fc-callout-note')).toBe(true);
    expect(note!.children[0]!.text).toBe('Note');
  });
});

describe('the strict CSP holds: components write no style attribute and no script', () => {
  it('no style="" and no inline script on the page', () => {
    expect(all(doc, (e) => 'style' in e.attrs)).toEqual([]);
    expect(all(doc, (e) => e.tag === 'script' && !e.attrs.src && e.attrs.type !== 'application/ld+json')).toEqual([]);
  });
});

describe('the launch edition: converted pieces carry their pictures', () => {
  const site = inject('siteDist');
  const page = async (slug: string) => parseHtml(await read(pageFile(site, `/articles/${slug}/`)));
  it.each([
    ['the-open-weights-race-by-country-and-licence', 'fc-chart-figure', 2],
    ['what-deepseek-v3s-5-6m-figure-measures', 'fc-chart-figure', 1],
    ['mixture-of-experts-and-latent-attention-explained', 'fc-image', 2],
    ['how-a-hedge-fund-built-deepseek', 'fc-slice', 1],
  ])('%s has %s ×%d', async (slug, kind, n) => expect(byClass(await page(slug), kind)).toHaveLength(n));
  it("the race piece's chart counts every model release on the timeline, each lab placed by its country", async () => {
    const doc = await page('the-open-weights-race-by-country-and-licence');
    const table = all(byClass(doc, 'fc-chart-figure')[1]!, (e) => e.tag === 'table')[0]!;
    const [head, ...rows] = cells(table);
    const total = rows.reduce((s, r) => s + r.slice(1, -1).reduce((a, c) => a + Number(c), 0), 0);
    const data = JSON.parse(await read(path.join(site, 'data/milestones.json'))) as { milestones: { kind: string }[] };
    expect(total).toBe(data.milestones.filter((m) => m.kind === 'model-release').length);
    expect(head).not.toContain('Unstated');
  });
});
