/**
 * A horizontal timeline in lanes, as SVG drawn at build time: a year axis across (d3-scale's UTC
 * scale), one lane per lab or kind, a dot per event linking to its page. It is wider than a phone on
 * purpose: the page puts it in its own scrolling box, so the dates keep a readable spacing, and may
 * draw the lane names itself (`laneLabels: false`) so that they stay in view while the box scrolls.
 */
import { scaleUtc } from 'd3-scale';
import { el, esc, svgFrame } from './charts/svg.ts';
import { formatShortDate, toUtcDate, yearOf } from './dates.ts';

export interface LaneEvent {
  date: string;
  lane: string;
  title: string;
  href: string;
  /** A class for the dot's colour (`ln-release`, `ln-company`…). */
  tone: string;
  /** Copied to data-f so the timeline's filter script can hide the dot with its list item. */
  filterKey?: string | undefined;
}
export interface Lane {
  key: string;
  label: string;
}

/** Row geometry in px, exported so a page can set lane names beside the drawing (outside its scrolling box). */
export const LANE_H = 30;
export const AXIS_H = 22;
const FONT = 12;

export function drawLanes(
  events: LaneEvent[],
  lanes: Lane[],
  opts: { id: string; title: string; description: string; pxPerYear?: number; laneLabels?: boolean },
): string {
  const withLabels = opts.laneLabels ?? true;
  const LABEL_W = withLabels ? 118 : 8;
  if (events.length === 0) throw new Error('a lane timeline needs at least one event');
  const unknown = events.find((e) => !lanes.some((l) => l.key === e.lane));
  if (unknown) throw new Error(`event "${unknown.title}" is in lane "${unknown.lane}", which is not among the lanes`);
  const years = events.map((e) => yearOf(e.date));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const perYear = opts.pxPerYear ?? 84;
  const plotW = Math.max(240, (last - first + 1) * perYear);
  const width = LABEL_W + plotW + 10;
  const x = scaleUtc()
    .domain([Date.UTC(first, 0, 1), Date.UTC(last + 1, 0, 1)])
    .range([LABEL_W, LABEL_W + plotW]);
  const height = AXIS_H + lanes.length * LANE_H + 6;
  const parts: string[] = [];
  for (let yr = first; yr <= last + 1; yr++) {
    const at = x(Date.UTC(yr, 0, 1));
    parts.push(el('line', { x1: at, x2: at, y1: AXIS_H - 6, y2: height - 4, class: 'ln-grid' }));
    if (yr <= last) parts.push(el('text', { x: at + perYear / 2, y: AXIS_H - 8, 'text-anchor': 'middle', class: 'ln-year' }, String(yr)));
  }
  lanes.forEach((lane, i) => {
    const mid = AXIS_H + i * LANE_H + LANE_H / 2;
    parts.push(el('line', { x1: LABEL_W, x2: LABEL_W + plotW, y1: mid, y2: mid, class: 'ln-rule' }));
    if (withLabels) parts.push(el('text', { x: 0, y: mid + 4, class: 'ln-lane' }, esc(lane.label)));
    for (const e of events.filter((ev) => ev.lane === lane.key)) {
      const label = `${withLabels ? '' : `${lane.label}, `}${formatShortDate(e.date)}: ${e.title}`;
      // The link's <title> is its accessible name and the tooltip a mouse shows (no aria-label: a long list stays small).
      parts.push(
        el(
          'a',
          { href: e.href, class: 'ln-mark', 'data-f': e.filterKey },
          el('title', {}, esc(label)),
          el('circle', { cx: x(toUtcDate(e.date)), cy: mid, r: 6, class: e.tone }),
        ),
      );
    }
  });
  const frame = { id: opts.id, title: opts.title, description: opts.description, width, height, fontSize: FONT };
  return svgFrame({ ...frame, className: 'ln-chart', interactive: true }, ...parts);
}

/** Lanes for a set of events: the `max - 1` busiest keys in order of activity, then one lane for the rest. */
export function busiestLanes(
  keys: string[],
  labelOf: (key: string) => string,
  max: number,
  otherLabel: string,
): { lanes: Lane[]; laneOf: (key: string) => string } {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const own = ranked.length <= max ? ranked : ranked.slice(0, max - 1);
  const lanes = own.map((key) => ({ key, label: labelOf(key) }));
  if (ranked.length > own.length) lanes.push({ key: '_other', label: otherLabel });
  return { lanes, laneOf: (key) => (own.includes(key) ? key : '_other') };
}

/** Event kinds grouped into the four tones a reader can tell apart. */
export function toneOfKind(kind: string): string {
  if (kind === 'model-release') return 'ln-release';
  if (kind === 'paper') return 'ln-paper';
  if (kind === 'policy' || kind === 'licence') return 'ln-policy';
  return 'ln-company';
}
export const toneLabels: Record<string, string> = {
  'ln-release': 'Model release',
  'ln-paper': 'Paper',
  'ln-company': 'Company, funding, market',
  'ln-policy': 'Policy, licence',
};
