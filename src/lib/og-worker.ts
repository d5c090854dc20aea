/**
 * Draws one preview card into the cache folder, in a worker thread of the build's pool
 * (src/integrations/generated-files.ts). Resolves true when it drew the card, false when the file was there.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { cardFile, type Card } from './og-card.ts';
import { drawCard } from './og-image.ts';

export default async function drawInto({ card, cacheDir }: { card: Card; cacheDir: string }): Promise<boolean> {
  const file = cardFile(card, cacheDir);
  if (existsSync(file)) return false;
  await mkdir(cacheDir, { recursive: true });
  // Written under a temporary name and renamed, so a reader never sees half a file.
  const partial = `${file}.${threadId}.tmp`;
  await writeFile(partial, drawCard(card));
  await rename(partial, file);
  return true;
}
