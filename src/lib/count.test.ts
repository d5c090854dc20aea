import { describe, expect, it } from 'vitest';
import { pieces } from './count.ts';

describe('pieces: a count in words', () => {
  it.each([
    [0, 'no pieces yet'],
    [1, '1 piece'],
    [2, '2 pieces'],
    [1234, '1,234 pieces'],
  ])('%i → %s', (n, text) => expect(pieces(n)).toBe(text));
});
