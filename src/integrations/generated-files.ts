/**
 * Files the build writes after Astro: every piece's BibTeX entry and every preview image. Astro
 * renders one JSON file listing them (src/pages/build-files.json.ts, from data.ts); this step
 * writes them and removes that list. As pages, ~10,000 small files cost Astro ~5 ms each.
 *
 * Preview images are drawn in worker threads (src/previews.ts) into the cache folder, keyed by a
 * hash of the card, so a card drawn by an earlier build, or early in this one, is only linked. In
 * dev, the og and cite.bib routes serve the same files on request.
 */
import { constants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardFile, type Card } from '../lib/og-card.ts';
import type { CardPool } from '../previews.ts';
import { ogCacheDir } from '../site.ts';
import { paths } from '../lib/urls.ts';
import type { Log } from './after-build.ts';

/** The list Astro writes, removed before the files on it are written. */
const LIST = paths.buildFiles().slice(1);
export interface GeneratedFiles { texts: { path: string; text: string }[]; previews: { path: string; card: Card }[] }

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The preview-image cache, absolute (FC_CACHE_DIR may be relative to the project root). */
export const previewCacheDir = () => path.resolve(root, ogCacheDir);

/**
 * Reads Astro's list and removes it from `dist`. Done before the steps that read `dist` start, so
 * none of them sees the list (the archive packs every JSON file it finds).
 */
export async function takeList(dist: string): Promise<GeneratedFiles> {
  const listFile = path.join(dist, LIST);
  if (!existsSync(listFile)) throw new Error(`${listFile} is missing: build with npm run build (scripts/build.ts), whose Astro step writes it`);
  const list = JSON.parse(await readFile(listFile, 'utf8')) as GeneratedFiles;
  await rm(listFile);
  return list;
}

/** Writes every file on Astro's list into `dist`, drawing the preview images not yet cached. */
export async function writeGeneratedFiles(dist: string, { texts, previews }: GeneratedFiles, pool: CardPool, log: Log): Promise<void> {
  const started = performance.now();
  const target = (sitePath: string) => {
    const file = path.join(dist, decodeURIComponent(sitePath));
    if (!file.startsWith(dist + path.sep)) throw new Error(`${LIST}: ${sitePath} is outside the site`);
    return file;
  };
  // Each folder made once; files written at the same time into one folder wait for the same mkdir.
  const folders = new Map<string, Promise<unknown>>();
  const folder = (file: string) => {
    const dir = path.dirname(file);
    let made = folders.get(dir);
    if (!made) folders.set(dir, made = mkdir(dir, { recursive: true }));
    return made;
  };

  const cacheDir = previewCacheDir();
  await mkdir(cacheDir, { recursive: true });
  // Every card once (cards may repeat). The pool already holds the ones scripts/build.ts queued
  // before Astro; now it gets the rest and a worker per core.
  pool.grow(Math.max(1, os.availableParallelism() - pool.size));
  const cached = new Map<string, Promise<void>>();
  for (const { card } of previews) {
    const file = cardFile(card, cacheDir);
    if (!cached.has(file)) cached.set(file, existsSync(file) ? Promise.resolve() : pool.draw(card, cacheDir));
  }

  try {
    for (let i = 0; i < texts.length; i += 64) {
      await Promise.all(texts.slice(i, i + 64).map(async ({ path: p, text }) => {
        const file = target(p);
        await folder(file);
        await writeFile(file, text);
      }));
    }
    for (let i = 0; i < previews.length; i += 64) {
      await Promise.all(previews.slice(i, i + 64).map(async ({ path: p, card }) => {
        const from = cardFile(card, cacheDir);
        await cached.get(from);
        const file = target(p);
        await folder(file);
        // A hard link: no bytes copied (~150 MB at 5,000 articles). Astro's next build unlinks
        // dist's name, not the cached file; where links are not possible (another file system), a copy.
        await link(from, file).catch(() => copyFile(from, file, constants.COPYFILE_FICLONE));
      }));
    }
  } finally {
    await pool.close();
  }
  // Cards no page shows any more (an old title, an old design) leave the cache, so it does not grow without end.
  let pruned = 0;
  for (const name of await readdir(cacheDir)) {
    // (.tmp: a card a stopped worker had not finished writing.)
    if (name.endsWith('.tmp') || (name.endsWith('.png') && !cached.has(path.join(cacheDir, name)))) { await rm(path.join(cacheDir, name), { force: true }); pruned++; }
  }
  log.info(`${texts.length} BibTeX files, ${previews.length} preview images (${pool.drawn} drawn in this build, the rest from the cache; ${pruned} unused cards removed from it) (${Math.round(performance.now() - started)} ms)`);
}
