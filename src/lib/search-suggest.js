// @ts-check
/**
 * "Did you mean …?" for both searches, from the site's own vocabulary (search-words.json). Kept
 * apart from search-words.js so that the search page loads it only for a query with a word no
 * result contains; the archive's search script includes it (src/integrations/offline-archive.ts).
 * Plain JavaScript for the same reason as search-words.js. Pure.
 */
import { key } from './search-words.js';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Damerau-Levenshtein distance (adjacent swaps count once), stopping early above `limit`.
 * @param {string} a @param {string} b @param {number} limit
 */
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const w = b.length + 1;
  /** @type {number[]} */
  const d = new Array((a.length + 1) * w).fill(0);
  /** @param {number} i @param {number} j @returns {number} */
  const at = (i, j) => d[i * w + j] ?? 0;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * w] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * w + j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
  }
  return at(a.length, b.length);
}

/**
 * "Did you mean …?": the query with each word `unseen` names replaced by the closest word the
 * vocabulary has (one edit for words of up to five letters, two for longer ones; the earlier word
 * of the vocabulary on a tie, which lists names first), or null when no word changes. Numbers, CJK
 * and one- or two-letter words are left alone, and so is a word the vocabulary has.
 * @param {string} q the query as typed
 * @param {string[]} vocabulary keyed words, most important first
 * @param {(word: string) => boolean} [unseen] the words that may be misspelt (by default, all)
 * @returns {string | null}
 */
export function suggest(q, vocabulary, unseen = () => true) {
  const known = new Set(vocabulary);
  let changed = false;
  const words = key(q).split(' ').filter(Boolean).map((w) => {
    if (!unseen(w) || known.has(w) || w.length < 3 || /\d/.test(w) || CJK.test(w)) return w;
    const limit = w.length <= 5 ? 1 : 2;
    let best = w;
    let bestD = limit + 1;
    for (const v of vocabulary) {
      const dist = distance(w, v, limit);
      if (dist < bestD) { best = v; bestD = dist; if (dist === 1) break; }
    }
    if (best !== w) changed = true;
    return best;
  });
  return changed ? words.join(' ') : null;
}

/**
 * Whether to offer `better` for `q`, which found `total` results: always when it found few, and
 * otherwise when every word it changes becomes a name (Pagefind finds "deepsek" in "DeepSeek-V3"
 * by prefix, but a reader typing it wants DeepSeek).
 * @param {string} q @param {string | null} better @param {number} total @param {number} few @param {Set<string>} names
 */
export function worthOffering(q, better, total, few, names) {
  if (!better) return false;
  if (total <= few) return true;
  const typed = new Set(key(q).split(' '));
  return better.split(' ').filter((w) => !typed.has(w)).every((w) => names.has(w));
}
