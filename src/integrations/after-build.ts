/**
 * What runs over the built site once Astro has finished and exited (scripts/build.ts): Pagefind (a
 * child process) indexes while the BibTeX files and preview images Astro listed are written (preview
 * cards drawn in worker threads), and the archive is zipped here once Pagefind has built its index;
 * the service worker follows Pagefind, because it precaches the index. Run apart from Astro, these
 * steps do not add their memory to Astro's (at 5,000 articles Pagefind alone holds ~2.35 GiB at
 * its peak). Any failure fails the build.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { indexSite, saveIndex } from './pagefind.ts';
import { workerCode, writeServiceWorker } from './service-worker.ts';
import { writeArchive } from './offline-archive.ts';
import { takeList, writeGeneratedFiles } from './generated-files.ts';
import type { CardPool } from '../previews.ts';

/** Where a step reports: the lines read `[frontier-commons:<step>] … (<ms> ms)`, as the bench expects. */
export interface Log { info(message: string): void; warn(message: string): void }
export const stepLog = (step: string): Log => ({
  info: (m) => console.log(`[frontier-commons:${step}] ${m}`),
  warn: (m) => console.warn(`[frontier-commons:${step}] ${m}`),
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Collects this process's garbage now and gives the freed heap back to the system. V8 does that on
 * its own only once the process has been quiet for a while: after the preview images at 5,000
 * articles, the build script held ~500 MiB for ~8 s, through Pagefind's peak, of which ~180 MiB went
 * at once with this call (~0.25 s). The call blocks this thread; Pagefind runs in its own process.
 */
export function releaseMemory(): void {
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export async function afterBuild(dist: string, previews: CardPool): Promise<void> {
  const started = performance.now();
  const generated = await takeList(dist);
  // The service worker's code does not depend on the site: it is made (or read from the cache) while Pagefind indexes.
  const code = workerCode();
  code.catch(() => { /* thrown where it is awaited */ });
  // The archive starts once Pagefind has built its index and only writes it: while Pagefind builds
  // it holds most memory (at 5,000 articles ~2.3 GiB for a few seconds, ~1 GiB while it writes), and
  // while it reads pages it uses both cores. Alone, the archive takes ~7 s cold and ~2 s warm at
  // 5,000 articles, which Pagefind's writing covers (BENCHMARKS.md, session 9).
  let startArchive!: () => void;
  const indexed = new Promise<void>((resolve) => { startArchive = resolve; });
  const index = indexSite(dist, stepLog('pagefind'), startArchive);
  // Should Pagefind end without printing its totals, the archive starts when it ends; if it fails, the build stops.
  index.then(startArchive, () => {});
  await Promise.all([
    index.then(() => writeServiceWorker(dist, code, stepLog('service-worker'))),
    indexed.then(() => writeArchive(dist, stepLog('offline-archive'))),
    // Its garbage is collected as soon as it is done: Pagefind reaches its peak a few seconds later.
    writeGeneratedFiles(dist, generated, previews, stepLog('generated-files')).then(releaseMemory),
  ]);
  // Last, once the service worker has hashed it: the search index, kept for the next build to reuse.
  await saveIndex(dist);
  stepLog('after-build').info(`after-build steps done (${Math.round(performance.now() - started)} ms)`);
}
