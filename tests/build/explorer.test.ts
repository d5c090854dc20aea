/**
 * The model explorer, the size chart and the lane timelines as built under /news/: the sort and filter
 * pages hold the right rows in the right order (they are what readers without JavaScript get), every
 * chart has its title and description and a linked mark per data point, and the model facts are filled.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { pageFile, read } from '../helpers/dist.ts';
import { all, parseHtml, type El } from '../helpers/html.ts';

const dist = inject('siteDist');
const base = '/news/';
const doc = async (p: string) => parseHtml(await read(pageFile(dist, p)));
const rowsOf = (d: El) => all(d, (e) => e.tag === 'tr' && e.attrs['data-name'] !== undefined);
const hasClass = (e: El, c: string) => (e.attrs.class ?? '').split(' ').includes(c);
/** A link under /news/ is a built page. */
const built = (href: string) => href.startsWith(base) && existsSync(pageFile(dist, `/${href.slice(base.length)}`));

const models = await doc('/models/');
const everyRow = rowsOf(models);

describe('model explorer: every sort is a page with the rows in its order', () => {
  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  it.each([
    ['/models/', 'data-released', (a: string | undefined, b: string | undefined) => (a ?? '') >= (b ?? '')],
    [
      '/models/sort/params/',
      'data-params',
      (a: string | undefined, b: string | undefined) => num(b) === undefined || (num(a) !== undefined && num(a)! >= num(b)!),
    ],
    [
      '/models/sort/active/',
      'data-active',
      (a: string | undefined, b: string | undefined) => num(b) === undefined || (num(a) !== undefined && num(a)! >= num(b)!),
    ],
    [
      '/models/sort/context/',
      'data-context',
      (a: string | undefined, b: string | undefined) => num(b) === undefined || (num(a) !== undefined && num(a)! >= num(b)!),
    ],
    ['/models/sort/name/', 'data-name', (a: string | undefined, b: string | undefined) => a!.localeCompare(b!, 'en') <= 0],
  ] as const)('%s is ordered by %s, with every model', async (p, attr, inOrder) => {
    const rows = rowsOf(await doc(p));
    expect(rows).toHaveLength(everyRow.length);
    for (let i = 1; i < rows.length; i++)
      expect(
        inOrder(rows[i - 1]!.attrs[attr] || undefined, rows[i]!.attrs[attr] || undefined),
        `${rows[i - 1]!.attrs['data-name']} before ${rows[i]!.attrs['data-name']}`,
      ).toBe(true);
  });
  it('the largest model heads the parameter sort; undisclosed counts come after every number', async () => {
    const rows = rowsOf(await doc('/models/sort/params/'));
    const max = Math.max(...everyRow.map((r) => Number(r.attrs['data-params'] || 0)));
    expect(Number(rows[0]!.attrs['data-params'])).toBe(max);
    const firstBlank = rows.findIndex((r) => !r.attrs['data-params']);
    expect(rows.slice(firstBlank).every((r) => !r.attrs['data-params'])).toBe(true);
    expect(rows.slice(firstBlank).some((r) => r.text.includes('Undisclosed'))).toBe(true);
  });
});

describe('model explorer: every filter link is a page with exactly its rows', () => {
  const links = all(models, (e) => e.tag === 'a' && e.attrs['data-facet'] !== undefined);
  it('offers licence and weights filters', () => {
    expect(new Set(links.map((a) => a.attrs['data-facet']))).toEqual(new Set(['licence', 'weights']));
    expect(links.map((a) => a.attrs['data-value'])).toContain('apache-2-0');
  });
  it.each(links.map((a) => [a.attrs.href!, a.attrs['data-facet']!, a.attrs['data-value']!] as const))('%s', async (href, facet, value) => {
    expect(built(href)).toBe(true);
    const rows = rowsOf(await doc(`/${href.slice(base.length)}`));
    const expected = everyRow
      .filter((r) => r.attrs[`data-${facet}`] === value)
      .map((r) => r.attrs['data-name'])
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.attrs['data-name']).sort()).toEqual(expected);
  });
  it('sort links lead to built pages too', () => {
    for (const a of all(models, (e) => e.tag === 'a' && e.attrs['data-sort'] !== undefined)) expect(built(a.attrs.href!), a.attrs.href).toBe(true);
  });
  it('a licence cell gives the SPDX id and the plain-words note; OSI says yes only for OSI-approved ids', () => {
    const mit = everyRow.filter((r) => r.attrs['data-licence'] === 'mit');
    const custom = everyRow.filter((r) => r.attrs['data-licence'] === 'custom');
    const osi = all(models, (e) => e.tag === 'thead')[0]!.children[0]!.children.findIndex((th) => th.text === 'OSI');
    expect(osi).toBeGreaterThan(0);
    expect(mit.every((r) => r.text.includes('MIT') && r.children[osi]!.text === 'Yes')).toBe(true);
    expect(custom.length).toBeGreaterThan(0);
    expect(custom.every((r) => r.children[osi]!.text === 'No')).toBe(true);
  });
});

/** An SVG chart's title and description, and its linked marks. */
function chart(d: El, cls: string) {
  const svg = all(d, (e) => e.tag === 'svg' && hasClass(e, cls))[0];
  expect(svg, `an svg.${cls}`).toBeDefined();
  const title = svg!.children.find((c) => c.tag === 'title');
  const desc = svg!.children.find((c) => c.tag === 'desc');
  expect(svg!.attrs['aria-labelledby']).toBe(title!.attrs.id);
  expect(svg!.attrs['aria-describedby']).toBe(desc!.attrs.id);
  expect(title!.text.length).toBeGreaterThan(5);
  expect(desc!.text.length).toBeGreaterThan(20);
  return all(svg!, (e) => e.tag === 'a');
}

describe('size chart on /models/: a linked dot per model with a count and a date', () => {
  it('marks match the table rows with a parameter count', () => {
    const marks = chart(models, 'sz-chart');
    const counted = everyRow.filter((r) => r.attrs['data-params'] && r.attrs['data-released']);
    expect(marks).toHaveLength(counted.length);
    const rowLinks = new Set(counted.map((r) => all(r, (e) => e.tag === 'a')[0]!.attrs.href));
    expect(new Set(marks.map((m) => m.attrs.href))).toEqual(rowLinks);
  });
  it('names, beside the chart, the models it cannot draw', () => {
    const fig = all(models, (e) => e.tag === 'figure' && hasClass(e, 'sizes'))[0]!;
    for (const r of everyRow.filter((x) => !x.attrs['data-params'])) expect(fig.text).toContain(r.attrs['data-name']);
  });
});

describe('lane timelines: a linked dot per event, to its event page', () => {
  it.each(['/timeline/', '/timeline/lab/deepseek/', '/timeline/kind/paper/'])('%s: one mark per listed event', async (p) => {
    const d = await doc(p);
    const marks = chart(d, 'ln-chart');
    const events = all(d, (e) => e.tag === 'li' && hasClass(e, 'ms')).map((li) => li.attrs.id);
    expect(marks.map((m) => m.attrs.href).sort()).toEqual(events.map((id) => `${base}timeline/${id}/`).sort());
    expect(marks.every((m) => built(m.attrs.href!))).toBe(true);
  });
  it('the lab page draws all its events but lists only the latest few, then links to the rest', async () => {
    const lab = await doc('/labs/deepseek/');
    const full = all(await doc('/timeline/lab/deepseek/'), (e) => e.tag === 'li' && hasClass(e, 'ms'));
    expect(full.length).toBeGreaterThan(10);
    expect(chart(lab, 'ln-chart')).toHaveLength(full.length);
    const listed = all(lab, (e) => e.tag === 'li' && hasClass(e, 'ms'));
    expect(listed.length).toBeLessThanOrEqual(5);
    expect(listed.map((li) => li.attrs.id)).toEqual(
      full
        .slice(-listed.length)
        .map((li) => li.attrs.id)
        .reverse(),
    );
    expect(all(lab, (e) => e.tag === 'a' && e.attrs.href === `${base}timeline/lab/deepseek/`).length).toBeGreaterThan(0);
  });
  it('the lab page shows its releases as a size chart, a dot per model with a count', async () => {
    const lab = await doc('/labs/deepseek/');
    const marks = chart(lab, 'sz-chart');
    expect(marks.length).toBeGreaterThan(10);
    expect(marks.every((m) => m.attrs.href!.startsWith(`${base}models/deepseek`) || m.attrs.href!.startsWith(`${base}models/`))).toBe(true);
  });
  it('a topic page draws the events its pieces cover', async () => {
    const topic = await doc('/topics/china/');
    expect(chart(topic, 'ln-chart').length).toBeGreaterThan(0);
  });
});

describe('model facts: at least 90% of models give a parameter count or an explicit "undisclosed"', async () => {
  const dir = 'content/models';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
  const data = await Promise.all(files.map(async (f) => [f, parse(await readFile(path.join(dir, f), 'utf8'))] as const));
  it('share ≥ 0.9', () => {
    const missing = data.filter(([, m]) => !(m.parameters === 'undisclosed' || typeof m.parameters?.total === 'number')).map(([f]) => f);
    expect((data.length - missing.length) / data.length, `no count: ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });
  it('every "undisclosed" names the page that shows it', () => {
    for (const [f, m] of data.filter(([, x]) => x.parameters === 'undisclosed')) expect(m.parametersSource, f).toMatch(/^https:\/\//);
  });
});
