/**
 * The plan for reading the search index ahead (src/integrations/pagefind.ts): while Astro writes
 * the article pages, Pagefind reads them in batches, in the order Astro is expected to write them.
 *
 * Pagefind numbers pages in the order they are added, so the order must not depend on timing: the
 * batches are fixed by the content alone (newest first, as the site lists articles), each is added
 * whole and in turn, whether during Astro or after it, and every other page is added last. A cold
 * and a warm build of the same content therefore write the same index, byte for byte.
 */
import { FRONTMATTER, peekValue } from './frontmatter-peek.ts';
import { entryId } from './check.ts';
import { isDay, newestFirst } from './dates.ts';

/** What the order of articles needs from one file: its slug, date and title. */
export interface Peeked { slug: string; published: string; title: string }

/**
 * One article file (its path relative to the articles folder, and its text) as the order needs it,
 * or undefined for a piece that is not live on `today` (a draft, or scheduled later) and for a file
 * whose date or title this cannot read without parsing YAML: those pages are read after Astro.
 */
export function peekArticle(rel: string, text: string, today: string): Peeked | undefined {
  const front = FRONTMATTER.exec(text)?.[1];
  if (front === undefined) return undefined;
  const published = peekValue(front, 'published');
  const title = peekValue(front, 'title');
  const draft = peekValue(front, 'draft');
  if (published === undefined || title === undefined || !isDay(published) || published > today) return undefined;
  if (draft !== undefined && draft !== 'false') return undefined;
  return { slug: entryId(rel), published, title };
}

/** The slugs of the live articles among `files`, newest first: the order Astro renders their pages in. */
export function expectedArticles(files: { rel: string; text: string }[], today: string): string[] {
  return orderOf(files.map((f) => peekArticle(f.rel, f.text, today)));
}

/** Slugs, newest first, of the articles peekArticle could read. */
export function orderOf(peeked: (Peeked | undefined)[]): string[] {
  return peeked.filter((a): a is Peeked => a !== undefined).sort(newestFirst).map((a) => a.slug);
}

/** `list` cut into runs of `size`, in order. */
export function batchesOf<T>(list: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`batch size must be at least 1, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Whether a batch can be read while Astro still writes: every file of it is there, and so is the
 * first file of the next batch (Astro writes one page at a time, so a file that follows this
 * batch means its last file is complete). The last batch has no next one: it is read once none of
 * its files has been written to for `settle` ms. A guess wrong either way costs time, not
 * correctness: what was read is checked after Astro (changedSince).
 */
export function batchReady(batch: readonly string[], following: string | undefined, stamp: (file: string) => { mtimeMs: number } | undefined, now: number, settle = 1000): boolean {
  if (following !== undefined) return stamp(following) !== undefined && batch.every((f) => stamp(f) !== undefined);
  let newest = -Infinity;
  for (const f of batch) {
    const s = stamp(f);
    if (!s) return false;
    newest = Math.max(newest, s.mtimeMs);
  }
  return batch.length > 0 && now - newest >= settle;
}

/** What identifies the bytes of a file Pagefind read: a page rewritten since has a new inode, size or time. */
export interface Stamp { ino: number; size: number; mtimeMs: number }

/** The files whose stamp now differs from the one taken when Pagefind read them (or that are gone). */
export function changedSince(read: ReadonlyMap<string, Stamp>, now: (file: string) => Stamp | undefined): string[] {
  const changed: string[] = [];
  for (const [file, then] of read) {
    const s = now(file);
    if (!s || s.ino !== then.ino || s.size !== then.size || s.mtimeMs !== then.mtimeMs) changed.push(file);
  }
  return changed;
}
