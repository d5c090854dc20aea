import { describe, expect, it } from 'vitest';
import { bylineOf, joinNames, type AuthorLike } from './authors.ts';

const authors: AuthorLike[] = [
  { id: 'newsroom', name: 'The Newsroom', type: 'team' },
  { id: 'ada', name: 'Ada Example', type: 'person' },
  { id: 'bo', name: 'Bo Example', type: 'person' },
];

describe('bylineOf: a piece is credited to the authors it names, in its order', () => {
  it.each([
    [
      'names two, in its order',
      ['bo', 'ada'],
      authors,
      [
        { id: 'bo', name: 'Bo Example', type: 'person' },
        { id: 'ada', name: 'Ada Example', type: 'person' },
      ],
    ],
    ['names none: the default author', [], authors, [{ id: 'newsroom', name: 'The Newsroom', type: 'team' }]],
    ['names none and there is no default author: the publication', [], authors.slice(1), [{ name: 'Frontier Commons', type: 'team' }]],
  ] as const)('%s', (_name, ids, list, want) => expect(bylineOf([...ids], [...list], 'newsroom', 'Frontier Commons')).toEqual(want));
});

describe('joinNames: names as a sentence writes them', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%o → %s', (names, want) => expect(joinNames(names)).toBe(want));
});
