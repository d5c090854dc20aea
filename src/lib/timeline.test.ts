import { describe, expect, it } from 'vitest';
import { contextWindow, facetCounts, filterMilestones, groupByYear, type MilestoneLike } from './timeline.ts';

const m = (id: string, date: string, lab: string, kind = 'model-release', access?: string): MilestoneLike => ({
  id,
  data: { date, lab: { id: lab }, kind, ...(access ? { access } : {}) },
});
const list = [
  m('2016-02-high-flyer-founded', '2016-02', 'high-flyer', 'founding'),
  m('2023-07-17-deepseek-spin-off', '2023-07-17', 'deepseek', 'founding'),
  m('2023-11-02-deepseek-coder', '2023-11-02', 'deepseek', 'model-release', 'open-weights'),
  m('2024-02-01-ai2-olmo', '2024-02-01', 'ai2', 'model-release', 'open-source'),
  m('2024-12-26-deepseek-v3', '2024-12-26', 'deepseek', 'model-release', 'open-weights'),
  m('2025-01-20-deepseek-r1', '2025-01-20', 'deepseek', 'model-release', 'open-weights'),
  m('2025-04-05-meta-llama-4', '2025-04-05', 'meta', 'model-release', 'open-weights'),
];

describe('groupByYear', () => {
  it('keeps order and splits at year boundaries', () => {
    expect(groupByYear(list, (x) => x.data.date).map((g) => [g.year, g.items.length])).toEqual([
      [2016, 1],
      [2023, 2],
      [2024, 2],
      [2025, 2],
    ]);
  });
});

describe('filterMilestones: each facet of the timeline filter', () => {
  it.each([
    ['lab', 'deepseek', 4],
    ['kind', 'founding', 2],
    ['access', 'open-source', 1],
    ['year', '2025', 2],
    ['lab', 'nobody', 0],
  ] as const)('%s=%s → %i', (facet, value, n) => expect(filterMilestones(list, facet, value)).toHaveLength(n));
});

describe('facetCounts', () => {
  it.each([
    [
      'lab',
      [
        ['deepseek', 4],
        ['ai2', 1],
        ['high-flyer', 1],
        ['meta', 1],
      ],
    ],
    [
      'year',
      [
        ['2016', 1],
        ['2023', 2],
        ['2024', 2],
        ['2025', 2],
      ],
    ],
    [
      'access',
      [
        ['open-weights', 4],
        ['open-source', 1],
      ],
    ],
  ] as const)('%s', (facet, expected) => {
    expect(facetCounts(list, facet).map((c) => [c.value, c.count])).toEqual(expected);
  });
});

describe('contextWindow: the events around what a piece covers', () => {
  it.each([
    [['deepseek'], ['2024-12-26-deepseek-v3'], '2026-11-28', 1, ['2023-11-02-deepseek-coder', '2024-12-26-deepseek-v3', '2025-01-20-deepseek-r1']],
    [['meta'], [], '2026-11-28', 2, ['2025-04-05-meta-llama-4']],
    [['deepseek'], [], '2024-01-01', 1, ['2023-07-17-deepseek-spin-off', '2023-11-02-deepseek-coder', '2024-12-26-deepseek-v3']],
    [[], ['2024-02-01-ai2-olmo'], '2026-01-01', 2, ['2024-02-01-ai2-olmo']],
    [['openai'], [], '2026-01-01', 2, []],
  ])('labs %o covering %o', (labs, covered, date, around, expected) => {
    expect(contextWindow(list, labs, covered, date, around).map((x) => x.id)).toEqual(expected);
  });
  it('never exceeds the limit: keeps the latest covered events', () => {
    const covered = ['2023-07-17-deepseek-spin-off', '2023-11-02-deepseek-coder', '2024-12-26-deepseek-v3', '2025-01-20-deepseek-r1'];
    expect(contextWindow(list, ['deepseek'], covered, '2026-01-01', 2, 3).map((x) => x.id)).toEqual(covered.slice(-3));
  });
});
