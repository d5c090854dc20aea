/** Joins between entries, on plain shapes so they can be tested without Astro. */

export interface Ref { id: string }
export interface ArticleLike {
  id: string;
  data: { published: string; labs: Ref[]; models: Ref[]; people: Ref[]; topics: Ref[]; milestones: Ref[] };
}
export type Facet = 'labs' | 'models' | 'people' | 'topics' | 'milestones';

/** Entries that reference `id` under `facet`, order kept. */
export function referencing<T extends { data: Partial<Record<Facet, Ref[]>> }>(list: T[], facet: Facet, id: string): T[] {
  return list.filter((x) => (x.data[facet] ?? []).some((r) => r.id === id));
}

/**
 * Related pieces: those sharing the most labs, models, people and topics with this one
 * (a shared model or person counts double: it is the more specific link). Ties go to the newer.
 */
export function relatedArticles<T extends ArticleLike>(article: T, all: T[], limit = 3): T[] {
  const weights: [Facet, number][] = [['models', 2], ['people', 2], ['labs', 1], ['topics', 1], ['milestones', 2]];
  const mine = new Map(weights.map(([f]) => [f, new Set(article.data[f].map((r) => r.id))]));
  return all
    .filter((a) => a.id !== article.id)
    .map((a) => ({ a, score: weights.reduce((s, [f, w]) => s + w * a.data[f].filter((r) => mine.get(f)!.has(r.id)).length, 0) }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || y.a.data.published.localeCompare(x.a.data.published) || x.a.id.localeCompare(y.a.id))
    .slice(0, limit)
    .map((x) => x.a);
}
