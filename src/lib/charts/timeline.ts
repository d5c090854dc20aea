/**
 * A small vertical timeline as SVG: a time axis on the left (d3-scale's UTC scale and its year
 * ticks), a mark per event at its date, and the event's date and title beside it as a link. Labels
 * never overlap: one that would is pushed down and joined to its mark by a short line. Vertical
 * because it reads the same at 390 px and on a desktop.
 */
import { scaleUtc } from 'd3-scale';
import { formatShortDate, toUtcDate } from '../dates.ts';
import { el, esc, svgFrame, textLines, wrap } from './svg.ts';
import { WIDTH } from './chart.ts';

export interface TimelineEvent {
  date: string;
  title: string;
  href: string;
  /** A class for the mark's colour: `fc-s1`…`fc-s6`. */ tone?: string;
}

const FONT = 12;
const LINE = 15;
const AXIS = 52;
const LABEL = AXIS + 26;
// Titles are semibold: a wider average character than the charts' regular text.
const chars = Math.floor((WIDTH - LABEL) / (FONT * 0.62));
const YEAR = 14;
const GAP = 36;

export function drawTimeline(events: TimelineEvent[], opts: { id: string; title: string; description: string }): string {
  if (events.length === 0) throw new Error('a timeline needs at least one event');
  const dates = events.map((e) => toUtcDate(e.date));
  const heights = events.map((e) => (1 + wrap(e.title, chars).length) * LINE + 10);
  const top = 16;
  // Marks go down in date order, each under the last one's label, with extra room for the time
  // between them (a year adds YEAR, up to GAP); the UTC scale is piecewise through those points,
  // and its year ticks show where time is compressed.
  const times = [...new Set(dates.map((d) => d.getTime()))];
  const t0 = times[0]!;
  const groupHeight = (t: number) => events.reduce((h, _, i) => h + (dates[i]!.getTime() === t ? heights[i]! : 0), 0);
  const positions: number[] = [];
  times.forEach((t, k) => {
    const prev = times[k - 1];
    positions.push(prev === undefined ? top : positions[k - 1]! + groupHeight(prev) + Math.min(GAP, (YEAR * (t - prev)) / 3.156e10));
  });
  const y =
    times.length === 1
      ? scaleUtc()
          .domain([new Date(t0), new Date(t0 + 864e5)])
          .range([top, top + 1])
      : scaleUtc()
          .domain(times.map((t) => new Date(t)))
          .range(positions);
  const span = positions[positions.length - 1]! - top;
  const parts: string[] = [];
  // Where time is compressed, ticks closer than a line of text are dropped.
  const ticks = y.ticks(Math.min(10, Math.max(2, Math.round(span / 50)))).filter((t, i, all) => i === 0 || y(t) - y(all[i - 1]!) >= LINE);
  parts.push(el('line', { x1: AXIS, x2: AXIS, y1: top - 6, y2: top + span + 6, class: 'fc-axis' }));
  for (const t of ticks) {
    parts.push(el('line', { x1: AXIS - 4, x2: AXIS, y1: y(t), y2: y(t), class: 'fc-axis' }));
    parts.push(el('text', { x: AXIS - 8, y: y(t) + 4, 'text-anchor': 'end', class: 'fc-tick' }, esc(y.tickFormat()(t))));
  }
  // A capped gap is shown as a break in the axis: the time there is longer than the space.
  times.forEach((t, k) => {
    const prev = times[k - 1];
    if (prev === undefined || (YEAR * (t - prev)) / 3.156e10 <= GAP) return;
    const mid = (positions[k - 1]! + groupHeight(prev) + positions[k]!) / 2;
    parts.push(
      el('path', {
        d:
          `M${AXIS - 6},${(mid + 1).toFixed(1)} L${AXIS + 6},${(mid - 3).toFixed(1)} ` +
          `M${AXIS - 6},${(mid + 5).toFixed(1)} L${AXIS + 6},${(mid + 1).toFixed(1)}`,
        class: 'fc-axis fc-break',
      }),
    );
  });
  let next = 0;
  events.forEach((e, i) => {
    const markY = y(dates[i]!);
    const labelY = Math.max(markY, next);
    const lines = wrap(e.title, chars);
    parts.push(el('circle', { cx: AXIS, cy: markY, r: 5, class: e.tone ?? 'fc-s1' }));
    parts.push(el('path', { d: `M${AXIS + 6},${markY.toFixed(1)} L${LABEL - 14},${labelY.toFixed(1)} L${LABEL - 4},${labelY.toFixed(1)}`, class: 'fc-rule' }));
    parts.push(
      el(
        'a',
        { href: e.href, class: 'fc-event' },
        el('text', { x: LABEL, y: labelY + 4, class: 'fc-date' }, esc(formatShortDate(e.date))),
        textLines(lines, { x: LABEL, y: labelY + 4 + LINE, class: 'fc-label' }, LINE),
      ),
    );
    next = labelY + (lines.length + 1) * LINE + 10;
  });
  const height = Math.ceil(Math.max(next, top + span + 16));
  const frame = { id: opts.id, title: opts.title, description: opts.description, width: WIDTH, height, fontSize: FONT };
  return svgFrame({ ...frame, className: 'fc-chart fc-timeline', interactive: true }, ...parts);
}
