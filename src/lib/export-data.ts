/**
 * Reusable data: the timeline and the models as JSON and CSV, with stable ids, absolute URLs and
 * the sources behind each fact. Field meanings are documented in docs/data.md.
 */
export interface MilestoneRow {
  id: string;
  date: string;
  precision: 'year' | 'month' | 'day';
  lab: string;
  lab_name: string;
  kind: string;
  access: string | null;
  title: string;
  summary: string;
  contested: boolean;
  contested_note: string | null;
  models: string[];
  url: string;
  sources: string[];
  articles: string[];
}

export function precisionOf(date: string): MilestoneRow['precision'] {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** RFC 4180 CSV: quote every field that needs it, double inner quotes, CRLF line ends. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown) => {
    const s = Array.isArray(v) ? v.join(' ') : v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
