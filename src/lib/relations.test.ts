import { describe, expect, it } from 'vitest';
import { referencing, relatedArticles, type ArticleLike } from './relations.ts';
import { readingMinutes } from './reading-time.ts';

const r = (...ids: string[]) => ids.map((id) => ({ id }));
const art = (id: string, published: string, f: Partial<Record<'labs' | 'models' | 'people' | 'topics' | 'milestones', string[]>>): ArticleLike => ({
  id, data: { published, labs: r(...(f.labs ?? [])), models: r(...(f.models ?? [])), people: r(...(f.people ?? [])), topics: r(...(f.topics ?? [])), milestones: r(...(f.milestones ?? [])) },
});

const a = art('a', '2026-01-01', { labs: ['deepseek'], models: ['deepseek-r1'], topics: ['markets'] });
const b = art('b', '2026-01-02', { labs: ['deepseek'], topics: ['markets'] });
const c = art('c', '2026-01-03', { models: ['deepseek-r1'] });
const d = art('d', '2026-01-04', { labs: ['meta'] });
const e = art('e', '2026-01-05', { topics: ['markets'] });

describe('referencing: coverage of an entity', () => {
  it.each([
    ['labs', 'deepseek', ['a', 'b']],
    ['models', 'deepseek-r1', ['a', 'c']],
    ['topics', 'nothing', []],
  ] as const)('%s=%s → %o', (facet, id, expected) => {
    expect(referencing([a, b, c, d, e], facet, id).map((x) => x.id)).toEqual(expected);
  });
});

describe('relatedArticles: shared specific entities first, then newer', () => {
  it.each([
    [a, ['b', 'c', 'e']], // b shares lab+topic (2), c shares a model (2, older than b? no: c is newer) → c, b; e shares topic (1)
    [d, []],
  ])('related to %o', (article, expected) => {
    const got = relatedArticles(article, [a, b, c, d, e]).map((x) => x.id);
    expect(new Set(got)).toEqual(new Set(expected));
    expect(got).not.toContain(article.id);
  });
  it('orders equal scores newest first', () => {
    expect(relatedArticles(a, [a, b, c, d, e]).map((x) => x.id)).toEqual(['c', 'b', 'e']);
  });
});

describe('readingMinutes', () => {
  it.each([['', 1], ['word '.repeat(220), 1], ['word '.repeat(1100), 5], ['word '.repeat(330), 2]])('%#', (body, minutes) => {
    expect(readingMinutes(body)).toBe(minutes);
  });
});
