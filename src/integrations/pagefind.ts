/**
 * Indexes the built site with Pagefind's Node API after `astro build` (run by after-build.ts). Unlike astro-pagefind,
 * any Pagefind error throws, so a build without a working index fails.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Log } from './after-build.ts';

/** Indexes the built site in `out` and writes pagefind/ into it. */
export async function indexSite(out: string, logger: Log): Promise<void> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: out });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind indexed 0 pages: no page has data-pagefind-body');
    const indexed = performance.now();
    const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    logger.info(`Pagefind indexed ${added.page_count} pages (read ${Math.round(indexed - started)} ms, written ${Math.round(performance.now() - indexed)} ms) (${Math.round(performance.now() - started)} ms)`);
  } finally {
    await pagefind.close();
  }
}
