/**
 * Partial dates: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. The written form is the precision, so a
 * month-precision event can never be shown as the first of that month. All formatting is in UTC:
 * a date is a calendar day, not an instant, and must not shift with the reader's or builder's zone.
 */
export type Precision = 'year' | 'month' | 'day';
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_FORM = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses a partial date, or explains why it is not one. Never rolls '2025-02-30' over to March. */
export function parsePartialDate(text: string): PartialDate | { error: string } {
  const m = FORM.exec(text);
  if (!m) return { error: `"${text}" is not a date: write 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'` };
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `"${text}" has no month ${m[2]}` };
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { error: `"${text}" is not a real day: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days` };
  }
  return { year, month, day, precision: 'day' };
}

export function isPartialDate(text: string): boolean {
  return !('error' in parsePartialDate(text));
}

/** True for a real calendar day written 'YYYY-MM-DD' (article dates need the day). */
export function isDay(text: string): boolean {
  return DAY_FORM.test(text) && isPartialDate(text);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function must(text: string): PartialDate {
  const p = parsePartialDate(text);
  if ('error' in p) throw new Error(p.error);
  return p;
}

/** "28 November 2026", "July 2023" or "2016": exactly as precise as the source. */
export function formatDate(text: string): string {
  const p = must(text);
  if (p.precision === 'year') return String(p.year);
  const month = MONTHS[p.month! - 1];
  return p.precision === 'month' ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** "28 Nov 2026", "Jul 2023", "2016": for dense lists. */
export function formatShortDate(text: string): string {
  const p = must(text);
  if (p.precision === 'year') return String(p.year);
  const month = MONTHS[p.month! - 1]!.slice(0, 3);
  return p.precision === 'month' ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/**
 * Chronological order for partial dates. A less precise date sorts before the more precise dates
 * it contains ('2023-07' before '2023-07-01'): the month is known to have begun by its first day.
 */
export function comparePartialDates(a: string, b: string): number {
  const pa = must(a);
  const pb = must(b);
  return pa.year - pb.year || (pa.month ?? 0) - (pb.month ?? 0) || (pa.day ?? 0) - (pb.day ?? 0);
}

export function yearOf(text: string): number {
  return must(text).year;
}

/** The order the site lists articles in (src/data.ts): newest first, then by title. */
export const newestFirst = (a: { published: string; title: string }, b: { published: string; title: string }): number =>
  b.published.localeCompare(a.published) || a.title.localeCompare(b.title);

/** The earliest instant a partial date can mean, for feeds and JSON-LD, which need full timestamps. */
export function toUtcDate(text: string): Date {
  const p = must(text);
  return new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
}

/** Today's date as 'YYYY-MM-DD' in UTC. FC_TODAY overrides it so scheduling can be tested. */
export function today(env: Record<string, string | undefined> = process.env): string {
  const forced = env.FC_TODAY;
  if (forced !== undefined) {
    if (!isDay(forced)) throw new Error(`FC_TODAY="${forced}" is not a 'YYYY-MM-DD' date`);
    return forced;
  }
  return new Date().toISOString().slice(0, 10);
}
