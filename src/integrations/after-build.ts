/**
 * What runs over the built site, in one hook so independent steps overlap: Pagefind (a child
 * process) indexes while the archive is zipped here; the service worker follows Pagefind, because
 * it precaches the index. Any failure fails the build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexSite } from './pagefind.ts';
import { writeServiceWorker } from './service-worker.ts';
import { writeArchive } from './offline-archive.ts';

export function afterBuild(): AstroIntegration {
  return {
    name: 'frontier-commons:after-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const started = performance.now();
        await Promise.all([
          indexSite(dist, logger.fork('frontier-commons:pagefind')).then(() => writeServiceWorker(dist, logger.fork('frontier-commons:service-worker'))),
          writeArchive(dist, logger.fork('frontier-commons:offline-archive')),
        ]);
        logger.info(`after-build steps done (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
