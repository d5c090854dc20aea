/** Joins between entries, on plain shapes so they can be tested without Astro. */

export interface Ref {
  id: string;
}
export interface ArticleLike {
  id: string;
  data: { published: string; labs: Ref[]; models: Ref[]; people: Ref[]; topics: Ref[]; milestones: Ref[] };
}
export type Facet = 'labs' | 'models' | 'people' | 'topics' | 'milestones';
type Referencer = { id?: string; data: Partial<Record<Facet, Ref[]>> };

const FACETS: Facet[] = ['labs', 'models', 'people', 'topics', 'milestones'];

/**
 * Entries that reference `id` under `facet`, order kept. Answered from an index of the list, built
 * on first use: pages ask this of the same 5,000 articles for every milestone of every timeline
 * page, and a scan each time cost seconds.
 */
export function referencing<T extends Referencer>(list: T[], facet: Facet, id: string): T[] {
  return (indexOf(list).get(`${facet}:${id}`) ?? []).map((i) => list[i]!);
}

/**
 * Related pieces: those sharing the most labs, models, people and topics with this one
 * (a shared model or person counts double: it is the more specific link). Ties go to the newer.
 */
export function relatedArticles<T extends ArticleLike>(article: T, all: T[], limit = 3): T[] {
  if (limit < 1) return [];
  const index = indexOf(all);
  // Scores by position in `all`, in an array reused across calls: at scale a piece shares
  // something with thousands of others, and a Map of them per piece cost seconds.
  const score = scratch(all.length);
  const touched: number[] = [];
  const best: [T, number][] = [];
  try {
    for (const [facet, weight] of WEIGHTS) {
      for (const id of new Set(article.data[facet].map((r) => r.id))) {
        for (const i of index.get(`${facet}:${id}`) ?? []) {
          if (score[i] === 0) touched.push(i);
          score[i] = score[i]! + weight;
        }
      }
    }
    // The piece itself (wherever it is in the list) is not related to itself.
    for (const i of index.get(`id:${article.id}`) ?? []) score[i] = 0;
    // The best `limit` in one pass, without sorting them all: most score below the last of the
    // best so far and are passed over without comparing dates.
    for (const i of touched) {
      const s = score[i]!;
      if (s === 0 || (best.length === limit && s < best[limit - 1]![1])) continue;
      const entry: [T, number] = [all[i]!, s];
      let at = best.length;
      while (at > 0 && before(entry, best[at - 1]!)) at--;
      if (at < limit) {
        best.splice(at, 0, entry);
        if (best.length > limit) best.pop();
      }
    }
  } finally {
    // Zeroed again even if a malformed entry threw, so the next call (in dev, the next page) starts clean.
    for (const i of touched) score[i] = 0;
  }
  return best.map(([a]) => a);
}

/** Higher score first, then the newer piece, then by id. Dates are ISO strings and ids ASCII, so plain comparison orders them. */
function before<T extends ArticleLike>([x, sx]: [T, number], [y, sy]: [T, number]): boolean {
  if (sx !== sy) return sx > sy;
  if (x.data.published !== y.data.published) return x.data.published > y.data.published;
  return x.id < y.id;
}

const WEIGHTS: [Facet, number][] = [
  ['models', 2],
  ['people', 2],
  ['labs', 1],
  ['topics', 1],
  ['milestones', 2],
];

let scores = new Float64Array(0);
/** A zeroed score array of at least `n` places; relatedArticles leaves it zeroed again. */
function scratch(n: number): Float64Array {
  if (scores.length < n) scores = new Float64Array(n);
  return scores;
}

/**
 * Positions of the entries of a list by the entities they reference ("labs:deepseek" → [0, 7, …],
 * ascending), built once per list and kept while the list lives. A list is not expected to change
 * after it is first joined (data.ts builds each once); one that changed length is indexed again.
 */
const indexes = new WeakMap<object, { length: number; index: Map<string, number[]> }>();
function indexOf(list: Referencer[]): Map<string, number[]> {
  const known = indexes.get(list);
  if (known && known.length === list.length) return known.index;
  const index = new Map<string, number[]>();
  list.forEach((entry, i) => {
    if (entry.id !== undefined) {
      const self = `id:${entry.id}`;
      const at = index.get(self);
      if (at) at.push(i);
      else index.set(self, [i]);
    }
    for (const facet of FACETS) {
      // An entry that lists an entity twice is still found once.
      for (const id of new Set((entry.data[facet] ?? []).map((r) => r.id))) {
        const key = `${facet}:${id}`;
        const at = index.get(key);
        if (at) at.push(i);
        else index.set(key, [i]);
      }
    }
  });
  indexes.set(list, { length: list.length, index });
  return index;
}
