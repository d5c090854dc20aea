import { describe, expect, it } from 'vitest';
import { wrap } from './card-layout.ts';

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
