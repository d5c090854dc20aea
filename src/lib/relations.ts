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
  const index = indexOf(all);
  const score = new Map<T, number>();
  for (const [facet, weight] of WEIGHTS) {
    for (const id of new Set(article.data[facet].map((r) => r.id))) {
      for (const other of index.get(`${facet}:${id}`) ?? []) if (other.id !== article.id) score.set(other, (score.get(other) ?? 0) + weight);
    }
  }
  // The best `limit` in one pass (a piece shares something with hundreds of others at scale; sorting them all cost seconds).
  const best: [T, number][] = [];
  for (const entry of score) {
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1]!)) at--;
    if (at < limit) { best.splice(at, 0, entry); if (best.length > limit) best.pop(); }
  }
  return best.map(([a]) => a);
}

/** Higher score first, then the newer piece, then by id. Dates are ISO strings and ids ASCII, so plain comparison orders them. */
function before<T extends ArticleLike>([x, sx]: [T, number], [y, sy]: [T, number]): boolean {
  if (sx !== sy) return sx > sy;
  if (x.data.published !== y.data.published) return x.data.published > y.data.published;
  return x.id < y.id;
}

const WEIGHTS: [Facet, number][] = [['models', 2], ['people', 2], ['labs', 1], ['topics', 1], ['milestones', 2]];

/** Articles by the entities they reference ("labs:deepseek" → […]), built once per list: related pieces for n articles cost n lookups, not n². */
const indexes = new WeakMap<object, Map<string, ArticleLike[]>>();
function indexOf<T extends ArticleLike>(all: T[]): Map<string, T[]> {
  let index = indexes.get(all) as Map<string, T[]> | undefined;
  if (!index) {
    index = new Map();
    for (const a of all) {
      for (const [facet] of WEIGHTS) {
        // A piece that lists an entity twice still counts it once.
        for (const id of new Set(a.data[facet].map((r) => r.id))) {
          const key = `${facet}:${id}`;
          const list = index.get(key);
          if (list) list.push(a);
          else index.set(key, [a]);
        }
      }
    }
    indexes.set(all, index);
  }
  return index;
}
