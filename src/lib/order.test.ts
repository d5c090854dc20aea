import { describe, expect, it } from 'vitest';
import { editorsOrder, type Orderable } from './order.ts';

const p = (title: string, published: string, order?: number): Orderable => ({ title, published, order });
const sorted = (list: Orderable[]) => [...list].sort(editorsOrder).map((x) => x.title);

describe("editorsOrder: newest day first, then the editor's order within a day", () => {
  it.each([
    ['a later day comes first, whatever the order', [p('Old lead', '2026-11-27', 1), p('New', '2026-11-28')], ['New', 'Old lead']],
    ['order 1 leads its day', [p('Alpha', '2026-11-28', 2), p('Zulu', '2026-11-28', 1)], ['Zulu', 'Alpha']],
    ['ordered pieces come before unordered ones of the same day', [p('Alpha', '2026-11-28'), p('Zulu', '2026-11-28', 3)], ['Zulu', 'Alpha']],
    ['unordered pieces of a day go by title', [p('Beta', '2026-11-28'), p('Alpha', '2026-11-28')], ['Alpha', 'Beta']],
    ['equal orders fall back to the title', [p('Beta', '2026-11-28', 1), p('Alpha', '2026-11-28', 1)], ['Alpha', 'Beta']],
    [
      'a mix of days and orders',
      [p('C', '2026-11-28'), p('B', '2026-11-28', 2), p('A', '2026-11-28', 1), p('D', '2026-12-01'), p('E', '2026-11-27', 1)],
      ['D', 'A', 'B', 'C', 'E'],
    ],
  ])('%s', (_rule, list, expected) => {
    expect(sorted(list)).toEqual(expected);
    expect(sorted([...list].reverse())).toEqual(expected);
  });
});
