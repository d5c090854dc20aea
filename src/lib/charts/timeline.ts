/**
 * A small vertical timeline as SVG: a time axis on the left (d3-scale's UTC scale and its year
 * ticks), a mark per event at its date, and the event's date and title beside it as a link. Labels
 * never overlap: one that would is pushed down and joined to its mark by a short line. Vertical
 * because it reads the same at 390 px and on a desktop.
 */
import { scaleUtc } from 'd3-scale';
import { formatShortDate, toUtcDate } from '../dates.ts';
import { el, esc, textLines, wrap } from './svg.ts';
import { WIDTH } from './chart.ts';

export interface TimelineEvent { date: string; title: string; href: string; /** A class for the mark's colour: `fc-s1`…`fc-s6`. */ tone?: string }

const FONT = 12;
const LINE = 15;
const AXIS = 52;
const LABEL = AXIS + 26;
const chars = Math.floor((WIDTH - LABEL) / (FONT * 0.58));

export function drawTimeline(events: TimelineEvent[], opts: { id: string; title: string; description: string }): string {
  if (events.length === 0) throw new Error('a timeline needs at least one event');
  const dates = events.map((e) => toUtcDate(e.date));
  const blocks = events.map((e) => 1 + wrap(e.title, chars).length);
  const span = blocks.reduce((a, b) => a + b * LINE + 10, 0);
  const top = 16;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  // Proportional time, over as much height as the labels need; one date alone sits at the top.
  const y = scaleUtc().domain(first.getTime() === last.getTime() ? [first, new Date(first.getTime() + 864e5)] : [first, last]).range([top, top + Math.max(span - 2 * LINE - 10, 1)]);
  const parts: string[] = [];
  const ticks = y.ticks(Math.min(6, Math.max(2, Math.round(span / 80))));
  parts.push(el('line', { x1: AXIS, x2: AXIS, y1: top - 6, y2: y.range()[1]! + 6, class: 'fc-axis' }));
  for (const t of ticks) {
    parts.push(el('line', { x1: AXIS - 4, x2: AXIS, y1: y(t), y2: y(t), class: 'fc-axis' }));
    parts.push(el('text', { x: AXIS - 8, y: y(t) + 4, 'text-anchor': 'end', class: 'fc-tick' }, esc(y.tickFormat()(t))));
  }
  let next = 0;
  events.forEach((e, i) => {
    const markY = y(dates[i]!);
    const labelY = Math.max(markY, next);
    const lines = wrap(e.title, chars);
    parts.push(el('circle', { cx: AXIS, cy: markY, r: 5, class: e.tone ?? 'fc-s1' }));
    parts.push(el('path', { d: `M${AXIS + 6},${markY.toFixed(1)} L${LABEL - 14},${labelY.toFixed(1)} L${LABEL - 4},${labelY.toFixed(1)}`, class: 'fc-rule' }));
    parts.push(el('a', { href: e.href, class: 'fc-event' },
      el('text', { x: LABEL, y: labelY + 4, class: 'fc-date' }, esc(formatShortDate(e.date))),
      textLines(lines, { x: LABEL, y: labelY + 4 + LINE, class: 'fc-label' }, LINE)));
    next = labelY + (lines.length + 1) * LINE + 10;
  });
  const height = Math.ceil(Math.max(next, y.range()[1]! + 16));
  const t = `${opts.id}-title`;
  const d = `${opts.id}-desc`;
  // Not role="img": its marks are links a keyboard reaches; the group is named by its title.
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'group', 'aria-labelledby': t, 'aria-describedby': d, class: 'fc-chart fc-timeline', 'font-size': FONT },
    el('title', { id: t }, esc(opts.title)), el('desc', { id: d }, esc(opts.description)), ...parts);
}
