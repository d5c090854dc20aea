/**
 * The service worker, generated with workbox-build after Pagefind has written its index, so the
 * index is precached: after one visit, search works with the network cut. Pages are network-first
 * (a redeploy is seen at once; the cache is only the offline fallback) and kept as they are read;
 * `sw-offline.js` adds "save everything" on request. Assets are revisioned; old caches are removed.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from './after-build.ts';
import { generateSW } from 'workbox-build';
import { BASE } from '../lib/urls.ts';
import { offlineWorkerScript } from '../lib/offline.ts';

export const PAGE_CACHE = 'fc-pages';

/** Writes sw.js and sw-offline.js into the built site in `dist`, once Pagefind has written its index. */
export async function writeServiceWorker(dist: string, logger: Log): Promise<void> {
  const started = performance.now();
  await writeFile(path.join(dist, 'sw-offline.js'), offlineWorkerScript(PAGE_CACHE));
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    swDest: path.join(dist, 'sw.js'),
    // The engine and the whole index (not the unused UI bundles), the styles and scripts, and the offline entry points.
    globPatterns: ['_astro/**/*.{css,js}', 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-highlight.js', 'highlight.js',
      'pagefind/wasm.*.pagefind', 'pagefind/*.pf_meta', 'pagefind/pagefind-entry.json', 'pagefind/{index,filter,fragment}/*',
      'index.html', 'search/index.html', '404.html', 'favicon.svg', 'manifest.webmanifest', 'data/offline.json'],
    modifyURLPrefix: { '': BASE },
    directoryIndex: 'index.html',
    // Pagefind asks for pagefind-entry.json?ts=<now>; without this, offline search fails to load.
    ignoreURLParametersMatching: [/^utm_/, /^ts$/, /^q$/, /^pagefind-highlight$/],
    navigateFallback: null,
    cleanupOutdatedCaches: true,
    skipWaiting: true,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    importScripts: [`${BASE}sw-offline.js`],
    runtimeCaching: [{
      urlPattern: ({ request }) => request.mode === 'navigate' || request.destination === 'document',
      handler: 'NetworkFirst',
      // no-cache: revalidate with the server, so a host's heuristic HTTP caching cannot hide a redeploy.
      options: { cacheName: PAGE_CACHE, networkTimeoutSeconds: 4, fetchOptions: { cache: 'no-cache' } },
    }, {
      urlPattern: ({ request }) => request.destination === 'image',
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'fc-images', expiration: { maxEntries: 300 } },
    }],
  });
  for (const w of warnings) logger.warn(w);
  logger.info(`service worker precaches ${count} files, ${Math.round(size / 1024)} KiB (${Math.round(performance.now() - started)} ms)`);
}
