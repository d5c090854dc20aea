/**
 * Honest labels: `news` is for events of the last weeks. A news piece published long after the newest
 * event it covers is really analysis or an explainer, and the content check says so (a warning).
 */
import { parsePartialDate, toUtcDate } from './dates.ts';

/** Days after its newest event past which a piece is no longer news. */
export const NEWS_WINDOW_DAYS = 30;

/** The last day a partial date can mean ('2025-02' → '2025-02-28'), so a month-precision event is judged generously. */
export function lastDayOf(date: string): string {
  const p = parsePartialDate(date);
  if ('error' in p) throw new Error(p.error);
  if (p.precision === 'day') return date;
  const end = p.precision === 'year' ? new Date(Date.UTC(p.year, 11, 31)) : new Date(Date.UTC(p.year, p.month!, 0));
  return end.toISOString().slice(0, 10);
}

/** How many days after the newest of its events a piece was published, when that is more than the window. */
export function staleNews(published: string, eventDates: string[], windowDays = NEWS_WINDOW_DAYS): { newest: string; days: number } | undefined {
  if (!eventDates.length) return undefined;
  const newest = eventDates.map(lastDayOf).sort().at(-1)!;
  const days = Math.round((toUtcDate(published).getTime() - toUtcDate(newest).getTime()) / 86_400_000);
  return days > windowDays ? { newest, days } : undefined;
}
