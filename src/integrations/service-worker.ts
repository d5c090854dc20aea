/**
 * The service worker, generated with Workbox's generateSW after Pagefind has written its index, so the
 * index is precached: after one visit, search works with the network cut. Above the first visit's
 * limit (src/lib/precache.ts) the index's word and result files are kept as searches fetch them,
 * and saved whole on request, instead. Pages are network-first (a redeploy is seen at once; the
 * cache is only the offline fallback) and kept as they are read; `sw-offline.js` adds "save
 * everything" on request. Assets are revisioned; old caches are removed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext, Log } from './steps.ts';
import { BASE } from '../lib/urls.ts';
import { offlineWorkerScript } from '../lib/offline.ts';
import { enginesInUse, planPrecache, precacheLimitKiB, SEARCH_ON_REQUEST, withoutUnusedEngines } from '../lib/precache.ts';

export const PAGE_CACHE = 'fc-pages';
/** The search index's files that the first visit left out (src/lib/precache.ts), for "Save the whole archive". */
export const SEARCH_FILES_LIST = 'offline-search.json';
/** The most a first visit precaches (KiB): 3,072, or FC_PRECACHE_LIMIT_KIB. Throws on a value that is not a whole number. */
export const precacheLimit = () => precacheLimitKiB(process.env.FC_PRECACHE_LIMIT_KIB, 3072);

/**
 * What is precached: the engine and the whole search index (not the unused UI bundles, nor the
 * WebAssembly of languages the index does not have), the styles and scripts, and the offline entry
 * points; above the first-visit limit, all but the index's word and result files (planPrecache).
 */
const PRECACHE = {
  globPatterns: [
    '_astro/**/*.{css,js}',
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-highlight.js',
    'highlight.js',
    'pagefind/wasm.*.pagefind',
    'pagefind/*.pf_meta',
    'pagefind/pagefind-entry.json',
    'pagefind/{index,filter,fragment}/*',
    'search-words.json',
    // Not data/offline.json: it is read only to save the archive, which needs the network anyway, and it grows with every page.
    'index.html',
    'search/index.html',
    '404.html',
    'favicon.svg',
    'manifest.webmanifest',
  ],
  modifyURLPrefix: { '': BASE },
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
};

/** How the worker behaves. */
const BEHAVIOUR = {
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
  importScripts: [`${BASE}sw-offline.js`],
  runtimeCaching: [
    {
      // The search index's files the first visit did not precache: kept as a search fetches them (their
      // names are hashes of their content), in the cache "Save the whole archive" fills.
      urlPattern: SEARCH_ON_REQUEST,
      handler: 'CacheFirst' as const,
      options: { cacheName: PAGE_CACHE },
    },
    {
      urlPattern: ({ request }: { request: Request }) => request.mode === 'navigate' || request.destination === 'document',
      handler: 'NetworkFirst' as const,
      // no-cache: revalidate with the server, so a host's heuristic HTTP caching cannot hide a redeploy.
      options: { cacheName: PAGE_CACHE, networkTimeoutSeconds: 4, fetchOptions: { cache: 'no-cache' as const } },
    },
    {
      urlPattern: ({ request }: { request: Request }) => request.destination === 'image',
      handler: 'StaleWhileRevalidate' as const,
      options: { cacheName: 'fc-images', expiration: { maxEntries: 300 } },
    },
  ],
};

/** Writes sw.js and sw-offline.js into the built site, once Pagefind has written its index. */
export async function writeServiceWorker({ dist }: BuildContext, logger: Log): Promise<void> {
  const started = performance.now();
  await writeFile(path.join(dist, 'sw-offline.js'), offlineWorkerScript(PAGE_CACHE, `${BASE}${SEARCH_FILES_LIST}`, SEARCH_ON_REQUEST));
  const limitKiB = precacheLimit();
  const entry = JSON.parse(await readFile(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const engines = enginesInUse(entry);
  let onRequest: { url: string; size: number }[] = [];
  // Loaded here, after Pagefind's memory peak, not with the build script: workbox-build holds ~90 MB.
  const { generateSW } = await import('workbox-build');
  const { count, size, warnings } = await generateSW({
    ...BEHAVIOUR,
    ...PRECACHE,
    globDirectory: dist,
    swDest: path.join(dist, 'sw.js'),
    manifestTransforms: [
      (entries) => {
        const plan = planPrecache(withoutUnusedEngines(entries, engines), limitKiB * 1024);
        onRequest = plan.onRequest;
        return { manifest: plan.precache, warnings: [] };
      },
    ],
  });
  for (const w of warnings) logger.warn(w);
  await writeFile(path.join(dist, SEARCH_FILES_LIST), `${JSON.stringify({ files: onRequest.map((f) => f.url) })}\n`);
  const kib = Math.round(onRequest.reduce((s, f) => s + f.size, 0) / 1024);
  const left = onRequest.length
    ? `; the search index's ${onRequest.length} word and result files (${kib} KiB) are over the first visit's ${limitKiB} KiB: fetched as searches need them`
    : '';
  logger.info(`service worker precaches ${count} files, ${Math.round(size / 1024)} KiB${left} (${Math.round(performance.now() - started)} ms)`);
}
