/**
 * A worker thread that draws preview cards into the cache folder: src/integrations/generated-files.ts sends it
 * `{ id, card, file }` and gets `{ id }` back once the file is written (or `{ id, error }`).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { drawCard, type Card } from './og-image.ts';

export interface Job { id: number; card: Card; file: string }
export interface Done { id: number; error?: string }

parentPort?.on('message', async ({ id, card, file }: Job) => {
  try {
    const png = drawCard(card);
    await mkdir(path.dirname(file), { recursive: true });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    await writeFile(`${file}.${id}.tmp`, png);
    await rename(`${file}.${id}.tmp`, file);
    parentPort!.postMessage({ id } satisfies Done);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies Done);
  }
});
