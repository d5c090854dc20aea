import { describe, expect, it } from 'vitest';
import { lastDayOf, staleNews } from './news-age.ts';

describe('lastDayOf: the latest day a partial date can mean', () => {
  it.each([
    ['2025-01-20', '2025-01-20'],
    ['2025-02', '2025-02-28'],
    ['2024-02', '2024-02-29'],
    ['2025', '2025-12-31'],
  ])('%s → %s', (d, want) => expect(lastDayOf(d)).toBe(want));
});

describe('staleNews: a news piece more than 30 days after the newest event it covers', () => {
  it.each([
    ['the same week', '2025-01-27', ['2025-01-20'], undefined],
    ['exactly 30 days after', '2025-02-19', ['2025-01-20'], undefined],
    ['31 days after', '2025-02-20', ['2025-01-20'], { newest: '2025-01-20', days: 31 }],
    ['judged by the newest of several events', '2026-11-28', ['2025-01-20', '2026-11-20'], undefined],
    ['a year-old event', '2026-11-28', ['2025-01-20', '2025-01-27'], { newest: '2025-01-27', days: 670 }],
    ['a month-precision event, read as its last day', '2025-03-03', ['2025-01'], { newest: '2025-01-31', days: 31 }],
    ['a month-precision event within its window', '2025-03-02', ['2025-01'], undefined],
    ['no events named: nothing to judge by', '2026-11-28', [], undefined],
  ])('%s', (_name, published, events, want) => expect(staleNews(published, events)).toEqual(want));
});
