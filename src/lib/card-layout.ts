/**
 * Line breaking for preview cards: greedy, at spaces, within a width and a number of lines. A word
 * wider than a line is split between characters. Text that does not fit ends its last line with
 * "…", so a card never hides that it was shortened. Widths come from a measuring function, so this
 * is pure and tested without fonts.
 */

/** The width of a piece of text in pixels. */
export type Measure = (text: string) => number;

export const ELLIPSIS = '…';

/** Splits a word wider than `maxWidth` into pieces that each fit (at least one character each). */
function splitWord(word: string, measure: Measure, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** `line` shortened until it and a trailing "…" fit in `maxWidth`: whole words first, then characters. */
function withEllipsis(line: string, measure: Measure, maxWidth: number): string {
  let text = line.trimEnd();
  while (text && measure(text + ELLIPSIS) > maxWidth) {
    const space = text.lastIndexOf(' ');
    text = space > 0 && measure(text.slice(0, space) + ELLIPSIS) <= maxWidth ? text.slice(0, space) : [...text].slice(0, -1).join('');
    text = text.trimEnd();
  }
  return text + ELLIPSIS;
}

/**
 * The lines of `text` (whitespace collapsed) broken to fit `maxWidth`, at most `maxLines` of them.
 * `truncated` says whether anything was left out (then the last line ends with "…").
 */
export function wrap(text: string, measure: Measure, maxWidth: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (measure(w) > maxWidth ? splitWord(w, measure, maxWidth) : [w]));
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (!line || measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (i === words.length) {
    if (line) lines.push(line);
    if (lines.length <= maxLines) return { lines, truncated: false };
  }
  if (maxLines <= 0) return { lines: [], truncated: words.length > 0 };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, measure, maxWidth);
  return { lines: kept, truncated: true };
}

/**
 * Widths for a row of columns (a card's facts) within `total`, `gap` apart: each column its natural
 * width if the row fits; otherwise the narrow ones keep theirs and the wide ones share what is left
 * equally (their text is then shortened with "…").
 */
export function fitColumns(widths: number[], total: number, gap: number): number[] {
  let room = total - gap * Math.max(0, widths.length - 1);
  if (widths.reduce((a, b) => a + b, 0) <= room) return widths;
  const out = [...widths];
  const order = widths.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  order.forEach(([w, i], n) => {
    const share = room / (order.length - n);
    out[i] = Math.min(w, share);
    room -= out[i]!;
  });
  return out;
}
