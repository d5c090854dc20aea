/**
 * Model size over time as SVG, drawn at build time: release date across, total parameters up on a
 * log scale (from under 1B to over 1T), one dot a model, coloured by licence family, each a link to
 * the model's page. Scales and ticks come from d3-scale; colours are classes (`sz-osi`…) that the
 * page's CSS maps to tokens, so there is no style attribute and dark mode works.
 */
import { scaleLog, scaleUtc } from 'd3-scale';
import { el, esc, svgFrame } from './charts/svg.ts';
import { toUtcDate, yearOf } from './dates.ts';
import { licenceFamilies, type LicenceFamily } from './explorer.ts';
import { formatCount } from './models.ts';

export interface SizePoint {
  id: string;
  name: string;
  released: string;
  total: number;
  family: LicenceFamily;
  href: string;
  licence: string;
}

const W = 400;
const LEFT = 40;
const TOP = 12;
const PLOT_H = 220;
const FONT = 12;

export function drawSizeChart(points: SizePoint[], opts: { id: string; title: string; description: string }): string {
  if (points.length === 0) throw new Error('a size chart needs at least one model with a parameter count and a release date');
  const dates = points.map((p) => toUtcDate(p.released));
  const first = yearOf(points.reduce((a, p) => (p.released < a ? p.released : a), points[0]!.released));
  const last = yearOf(points.reduce((a, p) => (p.released > a ? p.released : a), points[0]!.released));
  const x = scaleUtc()
    .domain([Date.UTC(first, 0, 1), Date.UTC(last + 1, 0, 1)])
    .range([LEFT + 6, W - 8]);
  const totals = points.map((p) => p.total);
  // A little room above and below the extremes, not a whole decade more.
  const y = scaleLog()
    .domain([Math.min(...totals) / 1.6, Math.max(...totals) * 1.6])
    .range([TOP + PLOT_H, TOP]);
  const parts: string[] = [];
  // Powers of ten only: 1B, 10B, 100B, 1T read at a glance.
  for (const t of y.ticks().filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9)) {
    parts.push(el('line', { x1: LEFT, x2: W, y1: y(t), y2: y(t), class: 'sz-grid' }));
    parts.push(el('text', { x: LEFT - 5, y: y(t) + 4, 'text-anchor': 'end', class: 'sz-tick' }, esc(formatCount(t))));
  }
  const years = last - first + 1;
  const every = Math.ceil(years / 6);
  for (let yr = first; yr <= last + 1; yr++) {
    const at = x(Date.UTC(yr, 0, 1));
    parts.push(el('line', { x1: at, x2: at, y1: TOP, y2: TOP + PLOT_H, class: 'sz-grid' }));
    if ((yr - first) % every === 0 && yr <= last) parts.push(el('text', { x: at + 3, y: TOP + PLOT_H + FONT + 4, class: 'sz-tick' }, String(yr)));
  }
  points.forEach((p, i) => {
    const label = `${p.name}: ${formatCount(p.total)} parameters, released ${p.released}, ${p.licence}`;
    parts.push(
      el(
        'a',
        { href: p.href, 'aria-label': label, class: 'sz-mark', 'data-licence': p.family },
        el('circle', { cx: x(dates[i]!), cy: y(p.total), r: 4.5, class: `sz-${p.family}` }, el('title', {}, esc(label))),
      ),
    );
  });
  const height = TOP + PLOT_H + FONT + 10;
  const frame = { id: opts.id, title: opts.title, description: opts.description, width: W, height, fontSize: FONT };
  return svgFrame({ ...frame, className: 'sz-chart', interactive: true }, ...parts);
}

/** The legend's entries for the families present, in a fixed order. */
export function sizeLegend(points: Pick<SizePoint, 'family'>[]): { family: LicenceFamily; label: string; count: number }[] {
  return (Object.keys(licenceFamilies) as LicenceFamily[])
    .map((family) => ({ family, label: licenceFamilies[family], count: points.filter((p) => p.family === family).length }))
    .filter((e) => e.count > 0);
}
