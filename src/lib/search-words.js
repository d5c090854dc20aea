// @ts-check
/**
 * Query words shared by both searches: the site's (src/scripts/search.ts, on Pagefind) and the
 * downloadable archive's (src/archive/search.js, over file://). Plain JavaScript with JSDoc types,
 * because the archive loads it as a classic script: the build drops the `export` keywords and
 * wraps it (src/integrations/offline-archive.ts). Pure: no DOM, no imports.
 *
 * - `variants`: the query in every spelling the synonym list (content/synonyms.yaml) allows.
 * - `unseenWords`: the words of a query no result contains, which "Did you mean …?" may correct
 *   (src/lib/search-suggest.js, loaded by the search page only when there are such words).
 */

/** A form as compared: NFKC, lower case, hyphens and runs of spaces as one space. @param {string} s */
export function key(s) {
  return norm(s).replace(/[\u2010-\u2015_-]/g, ' ').replace(/ +/g, ' ').trim();
}

/** NFKC, lower case, runs of white space as one space: two queries Pagefind reads alike. @param {string} s */
export function norm(s) {
  return String(s).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Where `form` (keyed) occurs in `q` (keyed) as whole words, or anywhere for a CJK form (written
 * without spaces). -1 when it does not.
 * @param {string} q @param {string} form
 */
function find(q, form) {
  if (CJK.test(form)) return q.indexOf(form);
  for (let at = q.indexOf(form); at >= 0; at = q.indexOf(form, at + 1)) {
    const end = at + form.length;
    if ((at === 0 || q[at - 1] === ' ') && (end === q.length || q[end] === ' ')) return at;
  }
  return -1;
}

/**
 * The query and its other spellings, the typed one first: each synonym entry with a form in the
 * query adds the query with that form replaced by each other form (as the list spells it). At most
 * `max` in all, lower case.
 * @param {string} q the query as typed
 * @param {string[][]} synonyms entries of forms (content/synonyms.yaml)
 * @param {number} [max]
 * @returns {string[]}
 */
export function variants(q, synonyms, max = 8) {
  /** @type {Set<string>} */
  const out = new Set([norm(q)]);
  for (const entry of synonyms) {
    const forms = entry.map(norm);
    const longestFirst = [...forms].sort((a, b) => b.length - a.length);
    for (const v of [...out]) {
      // Positions in key(v) are positions in v: key only turns a hyphen into a space, in a normalised string.
      const k = key(v);
      const form = longestFirst.find((f) => find(k, key(f)) >= 0);
      if (form === undefined) continue;
      const at = find(k, key(form));
      for (const other of forms) if (out.size < max) out.add(v.slice(0, at) + other + v.slice(at + key(form).length));
    }
  }
  return [...out];
}

/**
 * The words of the query that none of `texts` (the results' titles and text) contains, the ones
 * "Did you mean …?" may correct: a word the site uses is no typo, whatever the vocabulary says.
 * @param {string} q @param {string[]} texts
 * @returns {string[]}
 */
export function unseenWords(q, texts) {
  const all = texts.map(key).join(' ');
  return key(q).split(' ').filter((w) => w.length >= 3 && !/\d/.test(w) && !CJK.test(w) && !all.includes(w));
}

/**
 * The words of `texts` for the vocabulary: keyed, split at anything but letters, digits, dots and
 * apostrophes (so "gpt-oss" gives "gpt" and "oss", as a typed query is split), in order, distinct.
 * @param {string[]} texts
 * @returns {string[]}
 */
export function vocabularyOf(texts) {
  /** @type {Set<string>} */
  const out = new Set();
  for (const t of texts) {
    for (const raw of key(t).split(/[^\p{L}\p{N}.']+/u)) {
      const w = raw.replace(/^[.']+|[.']+$/g, '').replace(/'s$/, '');
      if (w.length >= 3 && !CJK.test(w)) out.add(w);
    }
  }
  return [...out];
}

/** The query as Pagefind reads it: a currency sign before a number stops it matching ("$5.6M" finds nothing, "5.6M" does). @param {string} q */
export function forPagefind(q) {
  return q.replace(/[$€£¥](?=\d)/g, '');
}

/** The first sentence of a summary, for an entity's search result. @param {string} text */
export function firstSentence(text) {
  const m = /^[\s\S]+?[.!?](?=\s+[A-Z"\u201c(]|$)/.exec(text.trim());
  return (m ? m[0] : text).trim();
}

/**
 * The results of one query searched in several spellings, as one list. Scores of different
 * searches do not compare (a one-word spelling such as "opensource" scores its pages far higher
 * than the two words "open source" score theirs), so each list's scores are taken relative to its
 * best; a page keeps its best relative score, and ties keep the order of `lists` (the typed spelling first).
 * @template {{ id: string, score: number }} R
 * @param {R[][]} lists
 * @returns {R[]}
 */
export function mergeSpellings(lists) {
  /** @type {Map<string, { r: R, s: number }>} */
  const best = new Map();
  for (const list of lists) {
    const top = list.reduce((m, r) => Math.max(m, r.score), 0) || 1;
    for (const r of list) {
      const s = r.score / top;
      const had = best.get(r.id);
      if (!had || had.s < s) best.set(r.id, { r, s });
    }
  }
  return [...best.values()].sort((a, b) => b.s - a.s).map((x) => x.r);
}
