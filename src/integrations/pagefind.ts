/**
 * Indexes the built site with Pagefind's Node API after `astro build` (run by after-build.ts). Unlike astro-pagefind,
 * any Pagefind error throws, so a build without a working index fails.
 *
 * The last build's index is reused. Pagefind names its fragment, word-index, filter and metadata
 * files by a hash of their content and does not write (nor compress, at gzip's best level) one that
 * is already there. So each build keeps its index in the build cache (`saveIndex`, run last by
 * after-build.ts), and the next one puts it back before Pagefind writes (`reuseIndex`). Files the
 * new index no longer uses are then removed: the metadata names every one in use (`pruneIndex`).
 * Pagefind alone, on a built site of 5,000 articles, takes ~19 s writing afresh and ~10 s this way.
 */
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Log } from './after-build.ts';
import { cborStrings } from '../lib/cbor.ts';
import { cacheRoot } from '../site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the last build's index waits while Astro builds. */
const kept = () => path.resolve(root, cacheRoot, 'pagefind');

/**
 * After a build: keeps the index in the build cache for the next one, as hard links (no bytes
 * copied; a copy where the cache is on another file system). Astro empties `dist` at the start of
 * the next build, and CI keeps only the cache between runs, so the index must be kept here.
 */
export async function saveIndex(dist: string): Promise<void> {
  const from = path.join(dist, 'pagefind');
  await rm(kept(), { recursive: true, force: true });
  for (const e of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const source = path.join(e.parentPath, e.name);
    const target = path.join(kept(), path.relative(from, source));
    await mkdir(path.dirname(target), { recursive: true });
    await link(source, target).catch(() => copyFile(source, target));
  }
}

/** After Astro: moves the kept index to where Pagefind will write. */
async function reuseIndex(dist: string): Promise<boolean> {
  const index = path.join(dist, 'pagefind');
  if (!existsSync(kept()) || existsSync(index)) return false;
  return rename(kept(), index).then(() => true, () => false);
}

/**
 * Removes the hashed files that the index just written does not use: a fragment, word index or
 * filter is in use when the language's metadata names it, and a metadata file when
 * pagefind-entry.json does. Returns how many it removed.
 */
export async function pruneIndex(index: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(index, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const live = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = gunzipSync(await readFile(path.join(index, `pagefind.${hash}.pf_meta`)));
    const prefix = Buffer.from('pagefind_dcd');
    if (!meta.subarray(0, prefix.length).equals(prefix)) throw new Error(`pagefind.${hash}.pf_meta: not the metadata format this build knows`);
    live.add(`pagefind.${hash}.pf_meta`);
    for (const s of cborStrings(meta.subarray(prefix.length))) live.add(s);
  }
  let removed = 0;
  for (const [folder, pattern] of [['fragment', /^(.+)\.pf_fragment$/], ['index', /^(.+)\.pf_index$/], ['filter', /^(.+)\.pf_filter$/], ['.', /^(pagefind\..+\.pf_meta)$/]] as const) {
    const dir = path.join(index, folder);
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) {
      const stem = pattern.exec(name)?.[1];
      if (stem !== undefined && !live.has(stem)) { await rm(path.join(dir, name)); removed++; }
    }
  }
  return removed;
}

/** Indexes the built site in `out` and writes pagefind/ into it. */
export async function indexSite(out: string, logger: Log): Promise<void> {
  const started = performance.now();
  const reused = await reuseIndex(out);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: out });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind indexed 0 pages: no page has data-pagefind-body');
    const indexed = performance.now();
    const outputPath = path.join(out, 'pagefind');
    const write = async () => {
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    };
    await write();
    let note = 'a fresh index';
    if (reused) {
      try {
        note = `the last index reused, ${await pruneIndex(outputPath)} files it no longer uses removed`;
      } catch (e) {
        // Metadata this code cannot read: start again from an empty folder rather than guess.
        logger.warn(`could not prune the reused index (${e instanceof Error ? e.message : e}); writing it afresh`);
        await rm(outputPath, { recursive: true, force: true });
        await write();
        note = 'a fresh index (the reused one could not be pruned)';
      }
    }
    logger.info(`Pagefind indexed ${added.page_count} pages, ${note} (read ${Math.round(indexed - started)} ms, written ${Math.round(performance.now() - indexed)} ms) (${Math.round(performance.now() - started)} ms)`);
  } finally {
    await pagefind.close();
  }
}
