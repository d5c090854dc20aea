/**
 * What the service worker downloads at a reader's first visit. Everything it lists is fetched in
 * the background as soon as a page has loaded, so offline reading and search work after one visit.
 * For a small archive that is all of Pagefind's index (~0.5 MiB with the launch edition). At 5,000
 * articles the index's word and result files are ~19 MiB, too much to take from a reader who
 * followed one link: above a limit they are left out of the first visit and fetched as a search
 * needs them (and kept, so a search made online works again offline), or all at once when the
 * reader asks to save the whole archive. The engine, the metadata and the filters are always
 * precached: without them no search starts.
 */
export interface PrecacheFile {
  url: string;
  size: number;
}

/** Pagefind's word-index and result files: the part of the search that grows with the archive. */
export const SEARCH_ON_REQUEST = /(^|\/)pagefind\/(index|fragment)\/[^/]+\.pf_(index|fragment)$/;

/** Splits the list the worker would precache: all of it when it weighs at most `limitBytes`, else all but the search index's files. */
export function planPrecache<T extends PrecacheFile>(files: T[], limitBytes: number): { precache: T[]; onRequest: T[] } {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= limitBytes) return { precache: files, onRequest: [] };
  return { precache: files.filter((f) => !SEARCH_ON_REQUEST.test(f.url)), onRequest: files.filter((f) => SEARCH_ON_REQUEST.test(f.url)) };
}

/**
 * Pagefind writes a WebAssembly engine for each language it indexed and one more, "unknown", for
 * languages it has no stemmer for. A search loads the one its language's entry names ("unknown" when
 * it names none): pagefind.js reads `languages[lang].wasm` from pagefind-entry.json. The others are
 * never fetched, and at ~55 KiB each they were a tenth of what the launch edition's first visit precached.
 */
export function enginesInUse(entry: { languages: Record<string, { wasm?: string | undefined }> }): Set<string> {
  return new Set(Object.values(entry.languages).map((l) => l.wasm || 'unknown'));
}
const ENGINE = /(^|\/)pagefind\/wasm\.([^/]+)\.pagefind$/;
/** `files` without the Pagefind engines no search loads. */
export function withoutUnusedEngines<T extends PrecacheFile>(files: T[], inUse: Set<string>): T[] {
  return files.filter((f) => {
    const m = ENGINE.exec(f.url);
    return !m || inUse.has(m[2]!);
  });
}

/** The limit as an operator sets it (FC_PRECACHE_LIMIT_KIB, a whole number of KiB), or the default. */
export function precacheLimitKiB(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value.trim())) throw new Error(`FC_PRECACHE_LIMIT_KIB: "${value}" is not a whole number of KiB (e.g. 3072)`);
  return Number(value.trim());
}
