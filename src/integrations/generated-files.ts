/**
 * Files the build writes after Astro: every piece's BibTeX entry and every preview image. Astro
 * renders one JSON file listing them (src/pages/build-files.json.ts, from data.ts), because as pages
 * these ~10,000 small files cost Astro ~5 ms each; this step writes them and removes that list.
 *
 * Preview images are drawn by a pool of worker threads (src/lib/og-worker.ts) into a cache folder,
 * named by a hash of the card: drawing every card again would take much of a warm build
 * (BENCHMARKS.md, "Speed mechanisms kept"). In dev, the og and cite.bib routes serve the same files on request.
 */
import { constants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pMap from 'p-map';
import { Piscina } from 'piscina';
import { cardFile, type Card } from '../lib/og-card.ts';
import { ogCacheDir } from '../site.ts';
import { paths } from '../lib/urls.ts';
import type { BuildContext, Log } from './steps.ts';

/** The list Astro writes, removed before the files on it are written. */
const LIST = paths.buildFiles().slice(1);
export interface GeneratedFiles {
  texts: { path: string; text: string }[];
  previews: { path: string; card: Card }[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The preview-image cache, absolute (FC_CACHE_DIR may be relative to the project root). */
export const previewCacheDir = () => path.resolve(root, ogCacheDir);

/** Reads Astro's list and removes it from `dist`, so no later step sees it (the archive packs every JSON file). */
async function takeList(dist: string): Promise<GeneratedFiles> {
  const listFile = path.join(dist, LIST);
  if (!existsSync(listFile)) throw new Error(`${listFile} is missing: build with npm run build (scripts/build.ts), whose Astro step writes it`);
  const list = JSON.parse(await readFile(listFile, 'utf8')) as GeneratedFiles;
  await rm(listFile);
  return list;
}

/** Draws every card not yet in `cacheDir`, each once, on a worker per core. Returns how many it drew. */
export async function drawCards(cards: Card[], cacheDir: string): Promise<number> {
  await mkdir(cacheDir, { recursive: true });
  const missing = new Map<string, Card>();
  for (const card of cards) {
    const file = cardFile(card, cacheDir);
    if (!missing.has(file) && !existsSync(file)) missing.set(file, card);
  }
  if (missing.size === 0) return 0;
  const pool = new Piscina({
    filename: fileURLToPath(new URL('../lib/og-worker.ts', import.meta.url)),
    maxThreads: os.availableParallelism(),
    // A small heap: a worker then collects a card's buffers often instead of growing.
    resourceLimits: { maxOldGenerationSizeMb: 96 },
  });
  try {
    await Promise.all(
      [...missing.values()].map((card) =>
        pool.run({ card, cacheDir }).catch((e: unknown) => {
          throw new Error(`a preview image could not be drawn ("${card.title}"): ${e instanceof Error ? e.message : e}`);
        }),
      ),
    );
  } finally {
    await pool.destroy();
  }
  return missing.size;
}

/** Writes every file on Astro's list into `dist`, drawing the preview images not yet cached. */
export async function writeGeneratedFiles({ dist }: BuildContext, log: Log): Promise<void> {
  const started = performance.now();
  const { texts, previews } = await takeList(dist);
  const target = (sitePath: string) => {
    const file = path.join(dist, decodeURIComponent(sitePath));
    if (!file.startsWith(dist + path.sep)) throw new Error(`${LIST}: ${sitePath} is outside the site`);
    return file;
  };
  const cacheDir = previewCacheDir();
  const drawn = await drawCards(
    previews.map((p) => p.card),
    cacheDir,
  );
  const write = async (file: string, put: (file: string) => Promise<void>) => {
    await mkdir(path.dirname(file), { recursive: true });
    await put(file);
  };
  await pMap(texts, ({ path: p, text }) => write(target(p), (f) => writeFile(f, text)), { concurrency: 64 });
  // A hard link copies no bytes; where links are not possible (another file system), a copy.
  const place = (from: string) => (f: string) => link(from, f).catch(() => copyFile(from, f, constants.COPYFILE_FICLONE));
  await pMap(previews, ({ path: p, card }) => write(target(p), place(cardFile(card, cacheDir))), { concurrency: 64 });
  // Cards no page shows any more (an old title, an old design) leave the cache, so it does not grow without end.
  const used = new Set(previews.map((p) => cardFile(p.card, cacheDir)));
  let pruned = 0;
  for (const name of await readdir(cacheDir)) {
    const file = path.join(cacheDir, name);
    // (.tmp: a card a stopped worker had not finished writing.)
    if (name.endsWith('.tmp') || (name.endsWith('.png') && !used.has(file))) {
      await rm(file, { force: true });
      pruned++;
    }
  }
  const ms = Math.round(performance.now() - started);
  log.info(`${texts.length} BibTeX files, ${previews.length} preview images (${drawn} drawn, the rest cached; ${pruned} unused cards removed) (${ms} ms)`);
}
