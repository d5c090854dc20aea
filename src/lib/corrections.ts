/**
 * The site-wide list of corrections (/corrections/ and its feeds): every dated note on an article,
 * milestone, model, lab or person, newest first, each pointing at its note on the corrected page.
 */
import { comparePartialDates } from './dates.ts';

export const correctedKinds = ['article', 'milestone', 'model', 'lab', 'person'] as const;
export type CorrectedKind = (typeof correctedKinds)[number];

/** A page that may carry corrections. `path` is its site path, base not applied. */
export interface CorrectedPage {
  kind: CorrectedKind;
  id: string;
  title: string;
  path: string;
  corrections: readonly { date: string; note: string }[];
}

export interface CorrectionRow {
  kind: CorrectedKind;
  id: string;
  title: string;
  date: string;
  note: string;
  /** The note's own anchor on the corrected page: '/articles/x/#correction-2'. */
  href: string;
}

/** The id of the n-th (from 1) note in a page's corrections list: stable, since notes are only ever added. */
export const correctionAnchor = (n: number) => `correction-${n}`;

const kindOrder = (k: CorrectedKind) => correctedKinds.indexOf(k);

/** Every correction, newest day first; on one day, articles before milestones, models, labs and people, then by title, later notes first. */
export function correctionsList(pages: readonly CorrectedPage[]): CorrectionRow[] {
  const rows = pages.flatMap((p) =>
    p.corrections.map((c, i) => ({
      row: { kind: p.kind, id: p.id, title: p.title, date: c.date, note: c.note, href: `${p.path}#${correctionAnchor(i + 1)}` },
      n: i,
    })),
  );
  rows.sort(
    (a, b) =>
      comparePartialDates(b.row.date, a.row.date) ||
      kindOrder(a.row.kind) - kindOrder(b.row.kind) ||
      a.row.title.localeCompare(b.row.title) ||
      a.row.id.localeCompare(b.row.id) ||
      b.n - a.n,
  );
  return rows.map((r) => r.row);
}

/** How a kind is named next to a correction: "Timeline event", "Model"… */
export const kindLabel: Record<CorrectedKind, string> = { article: 'Article', milestone: 'Timeline event', model: 'Model', lab: 'Lab', person: 'Person' };
