import { describe, expect, it } from 'vitest';
import { ChartDataError, chartCsv, chartTable, drawChart, drawTimeline, formatValue, fromRecords, validateChart, type ChartKind } from './index.ts';
import { wrap } from './svg.ts';

const two = fromRecords([
  { label: 'United States', MIT: 2, Apache: 5 },
  { label: 'China', MIT: 9, Apache: 2 },
]);
const one = fromRecords([
  { label: '2023', value: 11 },
  { label: '2024', value: 18 },
]);

describe("fromRecords: an article's inline rows become a table", () => {
  it('one `value` column is one series, other keys are series in order', () => {
    expect(one).toEqual({
      series: ['Value'],
      rows: [
        { label: '2023', values: [11] },
        { label: '2024', values: [18] },
      ],
    });
    expect(two.series).toEqual(['MIT', 'Apache']);
  });
  it('a missing value becomes NaN, which validation names', () => {
    const d = fromRecords([
      { label: 'a', x: 1 },
      { label: 'b', y: 2 },
    ]);
    expect(() => validateChart({ kind: 'stacked-bar', data: d })).toThrow(expect.objectContaining({ field: 'data[0].y' }));
  });
});

describe('validateChart: data a chart cannot draw is refused, naming the field', () => {
  it.each<[string, ChartKind, Parameters<typeof fromRecords>[0], string, RegExp]>([
    ['no rows', 'bar', [], 'data', /no rows/],
    ['a text value', 'bar', [{ label: 'a', value: 'x' }], 'data[0].Value', /must be a number/],
    ['a negative bar', 'bar', [{ label: 'a', value: -1 }], 'data[0].Value', /negative/],
    ['two series in a plain bar', 'bar', [{ label: 'a', x: 1, y: 2 }], 'kind', /stacked-bar/],
    ['a one-point line', 'line', [{ label: 'a', value: 1 }], 'data', /two rows/],
  ])('%s', (_n, kind, rows, field, message) => {
    let err: unknown;
    try {
      validateChart({ kind, data: fromRecords(rows) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChartDataError);
    expect((err as ChartDataError).field).toBe(field);
    expect((err as Error).message).toMatch(message);
  });
});

describe('drawChart: accessible SVG, colours as classes, no style attributes', () => {
  it.each<[ChartKind, ReturnType<typeof fromRecords>]>([
    ['bar', one],
    ['stacked-bar', two],
    ['line', one],
    ['dot', two],
  ])('%s', (kind, data) => {
    const svg = drawChart({ kind, id: 'c', title: 'A <title>', description: 'What it shows & why', data });
    const open = svg.slice(0, svg.indexOf('>'));
    expect(open).toContain('role="img"');
    expect(open).toContain('aria-labelledby="c-title c-desc"');
    expect(open).toMatch(/viewBox="0 0 360 \d+"/);
    expect(svg).toContain('<title id="c-title">A &lt;title&gt;</title><desc id="c-desc">What it shows &amp; why</desc>');
    expect(svg).not.toContain('style=');
    expect(svg).toMatch(/class="(fc-line )?fc-s1"/);
    if (data.series.length > 1) expect(svg).toContain('class="fc-legend"');
  });
  it('bars are as long as their values on one linear scale (d3-scale .nice())', () => {
    const svg = drawChart({ kind: 'bar', id: 'c', title: 't', description: 'd', data: one });
    const widths = [...svg.matchAll(/<rect x="0" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]! / widths[0]!).toBeCloseTo(18 / 11, 1);
  });
  it('a line has one path with a point per row', () => {
    const svg = drawChart({ kind: 'line', id: 'c', title: 't', description: 'd', data: one });
    expect(svg.match(/<path d="M[\d.,]+L[\d.,]+"/g)).toHaveLength(1);
  });
});

describe('tables and CSV beside a chart', () => {
  it('a stacked table has a Total column', () => {
    expect(chartTable({ kind: 'stacked-bar', data: two })).toEqual({
      head: ['', 'MIT', 'Apache', 'Total'],
      rows: [
        ['United States', '2', '5', '7'],
        ['China', '9', '2', '11'],
      ],
    });
  });
  it('units and formats', () => {
    expect(chartTable({ kind: 'bar', data: one, unit: 'M GPU-hours' }).rows[0]).toEqual(['2023', '11 M GPU-hours']);
    expect(formatValue(2788000, 'compact')).toBe('2.8M');
    expect(formatValue(12.5, 'percent')).toBe('12.5%');
    expect(formatValue(30.84, 'number', 'M')).toBe('30.84M');
    expect(formatValue(1.5, 'number', '%')).toBe('1.5%');
  });
  it('CSV quotes what needs quoting', () => {
    expect(chartCsv(fromRecords([{ label: 'a, "b"', value: 1 }]))).toBe('label,Value\n"a, ""b""",1\n');
  });
});

describe('wrap: lines at spaces, never longer than asked unless one word is', () => {
  it.each([
    ['one two three', 7, ['one two', 'three']],
    ['short', 20, ['short']],
    ['extraordinarily long', 5, ['extraordinarily', 'long']],
    ['', 5, ['']],
  ])('%s / %d', (text, n, lines) => expect(wrap(text, n)).toEqual(lines));
});

describe('drawTimeline: marks in date order, labels that never overlap, each a link', () => {
  const events = [
    { date: '2015', title: 'High-Flyer founded', href: '/timeline/a/' },
    { date: '2023-07-17', title: 'DeepSeek founded', href: '/timeline/b/' },
    { date: '2023-07-18', title: 'A second event the same week with a long title that wraps', href: '/timeline/c/' },
  ];
  const svg = drawTimeline(events, { id: 't', title: 'T', description: 'D' });
  it('links every event and names the group', () => {
    expect([...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(events.map((e) => e.href));
    expect(svg).toContain('role="group" aria-labelledby="t-title" aria-describedby="t-desc"');
    expect(svg).toContain('>17 Jul 2023<');
  });
  it('labels go down the page, each below the last', () => {
    const ys = [...svg.matchAll(/<text x="78" y="([\d.]+)" class="fc-date"/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(2 * 15);
  });
  it('refuses an empty list', () => expect(() => drawTimeline([], { id: 't', title: 'T', description: 'D' })).toThrow(/at least one event/));
});
