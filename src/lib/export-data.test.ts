import { describe, expect, it } from 'vitest';
import { precisionOf, toCsv } from './export-data.ts';

describe('toCsv: RFC 4180 quoting', () => {
  it.each([
    [{ a: 'plain', b: 1 }, 'plain,1'],
    [{ a: 'with, comma', b: 'say "hi"' }, '"with, comma","say ""hi"""'],
    [{ a: 'two\nlines', b: null }, '"two\nlines",'],
    [{ a: ['x', 'y'], b: true }, 'x y,true'],
    [{ a: '梁文锋', b: '' }, '梁文锋,'],
  ])('%o', (row, line) => expect(toCsv([row], ['a', 'b'])).toBe(`a,b\r\n${line}\r\n`));
});

describe('precisionOf: the form of a partial date is its precision', () => {
  it.each([
    ['2016', 'year'],
    ['2023-07', 'month'],
    ['2023-07-17', 'day'],
  ])('%s → %s', (d, p) => expect(precisionOf(d)).toBe(p));
});
