/** Timeline logic: grouping, filtering and context windows over chronologically sorted milestones. */
import { yearOf } from './dates.ts';

export interface MilestoneLike {
  id: string;
  data: { date: string; lab: { id: string }; kind: string; access?: string | undefined };
}
export type TimelineFacet = 'lab' | 'kind' | 'access' | 'year';

/** Groups an already sorted list by year, keeping order. */
export function groupByYear<T>(items: T[], dateOf: (item: T) => string): { year: number; items: T[] }[] {
  const groups: { year: number; items: T[] }[] = [];
  for (const item of items) {
    const year = yearOf(dateOf(item));
    const last = groups[groups.length - 1];
    if (last?.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}

export function facetValue(m: MilestoneLike, facet: TimelineFacet): string | undefined {
  switch (facet) {
    case 'lab':
      return m.data.lab.id;
    case 'kind':
      return m.data.kind;
    case 'access':
      return m.data.access;
    case 'year':
      return String(yearOf(m.data.date));
  }
}

export function filterMilestones<T extends MilestoneLike>(list: T[], facet: TimelineFacet, value: string): T[] {
  return list.filter((m) => facetValue(m, facet) === value);
}

/** Every value a facet takes, with counts, most frequent first (years: chronological). */
export function facetCounts(list: MilestoneLike[], facet: TimelineFacet): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of list) {
    const v = facetValue(m, facet);
    if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const out = [...counts].map(([value, count]) => ({ value, count }));
  return facet === 'year' ? out.sort((a, b) => a.value.localeCompare(b.value)) : out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * The milestones around a piece: those it covers, plus up to `around` events of its labs on each
 * side of them (or of the last event on or before `fallbackDate` when it covers none); at most `limit`.
 */
export function contextWindow<T extends MilestoneLike>(sorted: T[], labs: string[], covered: string[], fallbackDate: string, around = 2, limit = 6): T[] {
  const relevant = sorted.filter((m) => covered.includes(m.id) || labs.includes(m.data.lab.id));
  if (relevant.length === 0) return [];
  let anchors = relevant.map((m, i) => (covered.includes(m.id) ? i : -1)).filter((i) => i >= 0);
  if (anchors.length === 0) {
    let last = -1;
    relevant.forEach((m, i) => {
      if (m.data.date <= fallbackDate) last = i;
    });
    anchors = [Math.max(last, 0)];
  }
  const lo = Math.max(0, Math.min(...anchors) - around);
  const hi = Math.min(relevant.length, Math.max(...anchors) + around + 1);
  const window = relevant.slice(lo, hi);
  if (window.length <= limit) return window;
  // Too long to be context: keep the covered events themselves, the latest ones if still too many.
  const own = window.filter((m) => covered.includes(m.id));
  return (own.length ? own : window).slice(-limit);
}
