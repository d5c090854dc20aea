import { describe, expect, it } from 'vitest';
import { paginate, yearsOf } from './archive.ts';

const a = (published: string) => ({ data: { published } });

describe('yearsOf: newest year first, order within a year kept', () => {
  it('groups', () => {
    expect(yearsOf([a('2026-01-02'), a('2025-05-01'), a('2026-01-01')]).map((y) => [y.year, y.articles.length])).toEqual([
      ['2026', 2],
      ['2025', 1],
    ]);
  });
});

describe('paginate: listing pages stay under the byte budget', () => {
  it.each([
    [0, 50, [0]],
    [1, 50, [1]],
    [50, 50, [50]],
    [51, 50, [50, 1]],
    [120, 50, [50, 50, 20]],
  ])('%i items by %i', (n, size, lengths) => {
    expect(
      paginate(
        Array.from({ length: n }, (_, i) => i),
        size,
      ).map((p) => p.length),
    ).toEqual(lengths);
  });
});
