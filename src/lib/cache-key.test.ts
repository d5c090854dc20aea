import { describe, expect, it } from 'vitest';
import { cacheKey } from './cache-key.ts';

const article = { id: 'a', data: { title: 'T', labs: [{ id: 'deepseek' }] }, body: 'Text.' };

describe('cacheKey: equal for what renders the same, different for any change', () => {
  it.each([
    ['the same values', [article, '2026-11-28'], [structuredClone(article), '2026-11-28'], true],
    ['a changed title', [article], [{ ...article, data: { ...article.data, title: 'U' } }], false],
    ['a changed body', [article], [{ ...article, body: 'Text!' }], false],
    ['a changed reference', [article], [{ ...article, data: { ...article.data, labs: [{ id: 'meta' }] } }], false],
    ['another build date', [article, '2026-11-28'], [article, '2026-11-29'], false],
    ['parts split differently', ['ab', 'c'], ['a', 'bc'], false],
    ['undefined against absent', [{ a: 1, b: undefined }], [{ a: 1 }], true],
  ])('%s', (_, a, b, same) => expect(cacheKey(...a) === cacheKey(...b)).toBe(same));
});
