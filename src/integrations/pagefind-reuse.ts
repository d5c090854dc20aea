/**
 * Reusing the last build's search index: Pagefind names its files by a hash of their content and
 * skips writing (and compressing) one that is already there, which takes most of a warm build's
 * Pagefind time (BENCHMARKS.md, "Speed mechanisms kept"). The index is kept in the build cache, since
 * Astro empties `dist`; afterwards, the files the new index no longer names are removed.
 */
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { cacheRoot } from '../site.ts';

const kept = () => path.resolve(fileURLToPath(new URL('../..', import.meta.url)), cacheRoot, 'pagefind');

/** Keeps the index in the build cache for the next build, as hard links (a copy on another file system). */
export async function keepIndex(dist: string): Promise<void> {
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

/** Moves the kept index to where Pagefind will write; false when there is none. */
export async function restoreIndex(dist: string): Promise<boolean> {
  const index = path.join(dist, 'pagefind');
  if (!existsSync(kept()) || existsSync(index)) return false;
  return rename(kept(), index).then(
    () => true,
    () => false,
  );
}

/** Every string in a decoded CBOR value: the names of the index files the metadata uses are among them. */
function strings(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (value instanceof Map) for (const entry of value) strings(entry, out);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) for (const v of Object.values(value)) strings(v, out);
  return out;
}

/**
 * Removes the hashed files the index just written does not use: a fragment, word index or filter is
 * in use when its language's metadata (gzipped CBOR after a `pagefind_dcd` prefix) names it, and a
 * metadata file when pagefind-entry.json does. Throws on metadata it cannot read. Returns how many it removed.
 */
export async function pruneIndex(index: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(index, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const live = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = gunzipSync(await readFile(path.join(index, `pagefind.${hash}.pf_meta`)));
    const prefix = Buffer.from('pagefind_dcd');
    if (!meta.subarray(0, prefix.length).equals(prefix)) throw new Error(`pagefind.${hash}.pf_meta: not the metadata format this build knows`);
    live.add(`pagefind.${hash}.pf_meta`);
    strings(decode(meta.subarray(prefix.length), { useMaps: true }), live);
  }
  let removed = 0;
  const kinds = [
    ['fragment', /^(.+)\.pf_fragment$/],
    ['index', /^(.+)\.pf_index$/],
    ['filter', /^(.+)\.pf_filter$/],
    ['.', /^(pagefind\..+\.pf_meta)$/],
  ] as const;
  for (const [folder, pattern] of kinds) {
    const dir = path.join(index, folder);
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) {
      const stem = pattern.exec(name)?.[1];
      if (stem !== undefined && !live.has(stem)) {
        await rm(path.join(dir, name));
        removed++;
      }
    }
  }
  return removed;
}
