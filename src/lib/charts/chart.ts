/**
 * Bar, stacked-bar, line and dot charts as accessible SVG strings, drawn at build time from plain data.
 * Scales, ticks and shapes come from d3-scale, d3-shape and d3-array; the layout (labels above bars,
 * wrapped text, the legend) is ours. Colours are classes (`fc-s1`…`fc-s6`) that the site's CSS maps to
 * tokens, so light and dark both work and nothing needs a style attribute.
 */
import { max, sum } from 'd3-array';
import { scaleLinear, scalePoint } from 'd3-scale';
import { line, stack } from 'd3-shape';
import { el, esc, svgFrame, textLines, wrap } from './svg.ts';

export const chartKinds = ['bar', 'stacked-bar', 'line', 'dot'] as const;
export type ChartKind = (typeof chartKinds)[number];
export const numberFormats = ['number', 'compact', 'percent'] as const;
export type NumberFormat = (typeof numberFormats)[number];

/** A table: one row per category (a bar, a point on the x axis), one value per series. */
export interface ChartData {
  series: string[];
  rows: { label: string; values: number[] }[];
}

export interface ChartSpec {
  kind: ChartKind;
  /** Unique on the page: the SVG's <title> and <desc> ids derive from it. */
  id: string;
  title: string;
  /** What the chart shows, in a sentence or two, for readers who cannot see it (the SVG's <desc>). */
  description: string;
  data: ChartData;
  /** Written after values: "M GPU-hours", "%". */
  unit?: string | undefined;
  format?: NumberFormat | undefined;
}

/** A problem with a chart's data; `field` names what is wrong ('data', 'data[2].value', 'kind'). */
export class ChartDataError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** The viewBox is 360 units wide; the site caps the SVG at 30rem, so 12-unit text shows at 12–16 px from phone to desktop. */
export const WIDTH = 360;
const FONT = 12;
const LINE = 15;
const charsIn = (width: number) => Math.floor(width / (FONT * 0.58));
const PALETTE = 6;
const colour = (i: number) => `fc-s${(i % PALETTE) + 1}`;

export function formatValue(n: number, format: NumberFormat = 'number', unit = ''): string {
  const text =
    format === 'compact'
      ? new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n)
      : format === 'percent'
        ? `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n)}%`
        : new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(n);
  // A short unit is a suffix ('30.84M', '12%'); a longer one a word ('4 releases').
  return unit ? `${text}${/^(%|[A-Za-z]{1,2})$/.test(unit) ? '' : ' '}${unit}` : text;
}

/** Refuses data a chart cannot honestly draw; returns nothing when it can. */
export function validateChart(spec: Pick<ChartSpec, 'kind' | 'data'>): void {
  const { rows, series } = spec.data;
  if (!chartKinds.includes(spec.kind)) throw new ChartDataError('kind', `must be one of ${chartKinds.join(', ')}`);
  if (rows.length === 0) throw new ChartDataError('data', 'has no rows: a chart needs at least one value');
  if (series.length === 0) throw new ChartDataError('data', 'names no series');
  rows.forEach((r, i) => {
    if (r.values.length !== series.length) throw new ChartDataError(`data[${i}]`, `has ${r.values.length} values for ${series.length} series`);
    r.values.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new ChartDataError(`data[${i}].${series[j]}`, 'must be a number');
      if (v < 0 && spec.kind !== 'line') throw new ChartDataError(`data[${i}].${series[j]}`, `is negative (${v}); only line charts draw negative values`);
    });
  });
  if (spec.kind === 'bar' && series.length > 1)
    throw new ChartDataError('kind', `"bar" draws one series, this data has ${series.length}: use "stacked-bar" or "dot"`);
  if (spec.kind === 'line' && rows.length < 2) throw new ChartDataError('data', 'a line chart needs at least two rows');
}

/** The legend: swatches and names in rows that wrap at the chart's width. Returns its markup and height. */
function legend(series: string[], top: number, kind: ChartKind): { svg: string; height: number } {
  if (series.length < 2) return { svg: '', height: 0 };
  let x = 0;
  let y = top;
  const items: string[] = [];
  for (const [i, name] of series.entries()) {
    const w = 18 + name.length * FONT * 0.58 + 14;
    if (x > 0 && x + w > WIDTH) {
      x = 0;
      y += LINE + 4;
    }
    const swatch =
      kind === 'line' || kind === 'dot'
        ? el('circle', { cx: x + 6, cy: y - 4, r: 5, class: colour(i) })
        : el('rect', { x, y: y - 10, width: 12, height: 12, rx: 2, class: colour(i) });
    items.push(swatch, el('text', { x: x + 18, y }, esc(name)));
    x += w;
  }
  return { svg: el('g', { class: 'fc-legend' }, ...items), height: y - top + LINE + 6 };
}

/** Horizontal bars (one series, or stacked), or dots on a shared axis: a row per category, its label above it. */
function rowsChart(spec: ChartSpec, top: number): { svg: string; height: number } {
  const { rows, series } = spec.data;
  const fmt = (n: number) => formatValue(n, spec.format, spec.unit);
  const totals = rows.map((r) => (spec.kind === 'dot' ? max(r.values)! : sum(r.values)));
  const valueRoom = spec.kind === 'dot' && series.length > 1 ? 8 : Math.min(120, 10 + Math.max(...totals.map((t) => fmt(t).length)) * FONT * 0.58);
  const x = scaleLinear()
    .domain([0, max(totals) || 1])
    .nice()
    .range([0, WIDTH - valueRoom]);
  const barH = 16;
  const parts: string[] = [];
  let y = top;
  const layers =
    spec.kind === 'stacked-bar'
      ? stack<number[], number>()
          .keys(series.map((_, i) => i))
          .value((r, k) => r[k]!)(rows.map((r) => r.values))
      : undefined;
  // Counts get whole-number ticks: no axis says 0.2 releases.
  const whole = rows.every((r) => r.values.every(Number.isInteger));
  const ticks = x.ticks(4).filter((t) => !whole || Number.isInteger(t));
  const gridTop = y;
  rows.forEach((r, i) => {
    const labelLines = wrap(r.label, charsIn(WIDTH));
    parts.push(textLines(labelLines, { x: 0, y: y + FONT }, LINE));
    y += labelLines.length * LINE + 3;
    if (spec.kind === 'dot') {
      parts.push(el('line', { x1: 0, x2: x(totals[i]!), y1: y + barH / 2, y2: y + barH / 2, class: 'fc-rule' }));
      r.values.forEach((v, j) =>
        parts.push(el('circle', { cx: x(v), cy: y + barH / 2, r: 6, class: colour(j) }, el('title', {}, esc(`${series[j]}: ${fmt(v)}`)))),
      );
      if (series.length === 1) parts.push(el('text', { x: x(totals[i]!) + 10, y: y + barH - 4, class: 'fc-value' }, esc(fmt(totals[i]!))));
    } else if (layers) {
      layers.forEach((layer, j) => {
        const [a, b] = layer[i]!;
        if (b > a)
          parts.push(el('rect', { x: x(a), y, width: x(b) - x(a), height: barH, class: colour(j) }, el('title', {}, esc(`${series[j]}: ${fmt(b - a)}`))));
      });
      parts.push(el('text', { x: x(totals[i]!) + 6, y: y + barH - 4, class: 'fc-value' }, esc(fmt(totals[i]!))));
    } else {
      parts.push(el('rect', { x: 0, y, width: x(r.values[0]!), height: barH, class: colour(0) }));
      parts.push(el('text', { x: x(r.values[0]!) + 6, y: y + barH - 4, class: 'fc-value' }, esc(fmt(r.values[0]!))));
    }
    y += barH + 10;
  });
  // A light grid behind the bars, and the axis's numbers under them.
  const grid = ticks.map((t) => el('line', { x1: x(t), x2: x(t), y1: gridTop, y2: y - 6, class: 'fc-grid' }));
  const tickLabels = ticks.map((t, i) =>
    el('text', { x: x(t), y: y + FONT, 'text-anchor': i === 0 ? 'start' : 'middle', class: 'fc-tick' }, esc(formatValue(t, spec.format))),
  );
  return { svg: grid.join('') + parts.join('') + tickLabels.join(''), height: y - top + FONT + 6 };
}

/** Lines over categories (or numeric labels, spaced as numbers), a y axis at the left, a dot a value. */
function lineChart(spec: ChartSpec, top: number): { svg: string; height: number } {
  const { rows, series } = spec.data;
  const labels = rows.map((r) => r.label);
  const numeric = labels.every((l) => /^-?\d+(\.\d+)?$/.test(l));
  const left = 44;
  const plotH = 180;
  const y = scaleLinear()
    .domain([Math.min(0, ...rows.flatMap((r) => r.values)), max(rows.flatMap((r) => r.values)) || 1])
    .nice()
    .range([top + plotH, top]);
  const whole = rows.every((r) => r.values.every(Number.isInteger));
  const xAt: (i: number) => number = numeric
    ? (
        (s) => (i: number) =>
          s(Number(labels[i]))
      )(
        scaleLinear()
          .domain([Number(labels[0]), Number(labels[labels.length - 1])])
          .range([left + 8, WIDTH - 12]),
      )
    : (
        (s) => (i: number) =>
          s(labels[i]!)!
      )(
        scalePoint<string>()
          .domain(labels)
          .range([left + 8, WIDTH - 12]),
      );
  const parts: string[] = [];
  for (const t of y.ticks(5).filter((t) => !whole || Number.isInteger(t))) {
    parts.push(el('line', { x1: left, x2: WIDTH, y1: y(t), y2: y(t), class: 'fc-grid' }));
    parts.push(el('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'fc-tick' }, esc(formatValue(t, spec.format))));
  }
  // Thin the x labels so that they never overlap: at most one per ~44 units.
  const every = Math.max(1, Math.ceil(labels.length / Math.floor((WIDTH - left) / 44)));
  labels.forEach((l, i) => {
    if (i % every === 0 || i === labels.length - 1)
      parts.push(el('text', { x: xAt(i), y: top + plotH + FONT + 6, 'text-anchor': 'middle', class: 'fc-tick' }, esc(l)));
  });
  series.forEach((name, j) => {
    const d = line<number>()
      .x((_, i) => xAt(i))
      .y((v) => y(v))(rows.map((r) => r.values[j]!));
    parts.push(el('path', { d: d ?? '', class: `fc-line ${colour(j)}` }));
    rows.forEach((r, i) =>
      parts.push(
        el(
          'circle',
          { cx: xAt(i), cy: y(r.values[j]!), r: 3.5, class: colour(j) },
          el('title', {}, esc(`${name}, ${r.label}: ${formatValue(r.values[j]!, spec.format, spec.unit)}`)),
        ),
      ),
    );
  });
  return { svg: parts.join(''), height: plotH + FONT + 14 };
}

/** The whole chart: `<svg role="img">` with its title and description first, sized by its viewBox. */
export function drawChart(spec: ChartSpec): string {
  validateChart(spec);
  const lg = legend(spec.data.series, FONT + 2, spec.kind);
  const top = lg.height + 4;
  const body = spec.kind === 'line' ? lineChart(spec, top) : rowsChart(spec, top);
  const height = Math.ceil(top + body.height);
  const frame = { id: spec.id, title: spec.title, description: spec.description, width: WIDTH, height, fontSize: FONT };
  return svgFrame({ ...frame, className: `fc-chart fc-chart-${spec.kind}` }, lg.svg, body.svg);
}

/** The same data as a table (head row, then one row per category, values formatted), for the reader who wants the numbers. */
export function chartTable(spec: Pick<ChartSpec, 'data' | 'format' | 'unit' | 'kind'>): { head: string[]; rows: string[][] } {
  const { series, rows } = spec.data;
  const total = spec.kind === 'stacked-bar' && series.length > 1;
  return {
    head: ['', ...series, ...(total ? ['Total'] : [])],
    rows: rows.map((r) => [
      r.label,
      ...r.values.map((v) => formatValue(v, spec.format, spec.unit)),
      ...(total ? [formatValue(sum(r.values), spec.format, spec.unit)] : []),
    ]),
  };
}

/** The data as CSV (RFC 4180 quoting), raw numbers. */
export function chartCsv(data: ChartData): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [['label', ...data.series], ...data.rows.map((r) => [r.label, ...r.values.map(String)])].map((row) => row.map(q).join(',')).join('\n') + '\n';
}

/** Turns an article's inline rows (`[{label: "2023", value: 4}]`, or one key a series) into ChartData. */
export function fromRecords(records: Record<string, string | number>[], series?: string[]): ChartData {
  const keys = series ?? [...new Set(records.flatMap((r) => Object.keys(r).filter((k) => k !== 'label')))];
  return {
    series: keys.map((k) => (k === 'value' ? 'Value' : k)),
    rows: records.map((r) => ({ label: String(r.label ?? ''), values: keys.map((k) => (typeof r[k] === 'number' ? r[k] : Number.NaN)) })),
  };
}
