import { describe, expect, it } from 'vitest';
import { fitColumns, wrap } from './card-layout.ts';

// Every character is 10 px wide, so widths are easy to reason about.
const mono = (text: string) => [...text].length * 10;

describe('wrap: lines within the width, every word kept in order, or a visible "…"', () => {
  it.each([
    ['fits on one line', 'a short line', 200, 3, ['a short line'], false],
    ['breaks at spaces', 'one two three four', 90, 3, ['one two', 'three', 'four'], false],
    ['collapses runs of whitespace', '  one \n two  ', 200, 3, ['one two'], false],
    ['a word wider than a line is split', 'abcdefghijkl', 50, 3, ['abcde', 'fghij', 'kl'], false],
    ['too many lines: the last one ends with "…"', 'one two three four five', 90, 2, ['one two', 'three…'], true],
    ['"…" replaces the last word when the line has no room for it', 'aaaa bbbb cccc dddd', 90, 1, ['aaaa…'], true],
    ['no room at all', 'one two', 90, 0, [], true],
    ['empty text', '', 90, 2, [], false],
    ['exactly the width', 'abc def', 70, 1, ['abc def'], false],
  ])('%s', (_, text, width, maxLines, lines, truncated) => {
    const out = wrap(text, mono, width, maxLines);
    expect(out).toEqual({ lines, truncated });
    for (const line of out.lines) expect(mono(line)).toBeLessThanOrEqual(width);
  });

  it('keeps every word of text that fits, whatever the width', () => {
    const text = 'Open weights are not open source, and the difference matters to anyone who builds on them';
    for (let width = 120; width <= 900; width += 37) {
      const { lines, truncated } = wrap(text, mono, width, 100);
      expect(truncated).toBe(false);
      expect(lines.join(' ')).toBe(text);
      for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(width);
    }
  });
});

describe('fitColumns: a row of facts within the card, narrow ones kept whole', () => {
  it.each([
    ['everything fits: natural widths', [100, 200], 400, 50, [100, 200]],
    ['exactly fits', [100, 250], 400, 50, [100, 250]],
    ['one wide column: it takes what the others leave', [100, 900, 100], 1000, 50, [100, 700, 100]],
    ['two wide columns share equally', [600, 100, 800], 1000, 50, [400, 100, 400]],
    ['all too wide: equal shares', [500, 500, 500], 700, 50, [200, 200, 200]],
    ['one column', [2000], 1000, 50, [1000]],
    ['no columns', [], 1000, 50, []],
  ])('%s', (_, widths, total, gap, out) => {
    expect(fitColumns(widths, total, gap)).toEqual(out);
  });
});
