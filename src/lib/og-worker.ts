/**
 * A worker thread that draws preview cards into the cache folder: src/previews.ts sends it
 * `{ id, card, cacheDir }` and gets `{ id, drew }` back once the card's file is there (or `{ id, error }`).
 * The file name is the card's hash, computed here, from this source tree.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { cardFile, type Card } from './og-card.ts';
import { drawCard } from './og-image.ts';

export interface Job { id: number; card: Card; cacheDir: string }
export interface Done { id: number; drew?: boolean; error?: string }

parentPort?.on('message', async ({ id, card, cacheDir }: Job) => {
  try {
    const file = cardFile(card, cacheDir);
    const drew = !existsSync(file);
    if (drew) {
      const png = drawCard(card);
      await mkdir(cacheDir, { recursive: true });
      // Written under a temporary name and renamed, so a reader never sees half a file.
      await writeFile(`${file}.${id}.tmp`, png);
      await rename(`${file}.${id}.tmp`, file);
    }
    parentPort!.postMessage({ id, drew } satisfies Done);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies Done);
  }
});
