/**
 * The service worker, generated with workbox-build after Pagefind has written its index, so the
 * index is precached: after one visit, search works with the network cut. Above the first visit's
 * limit (src/lib/precache.ts) the index's word and result files are kept as searches fetch them,
 * and saved whole on request, instead. Pages are network-first
 * (a redeploy is seen at once; the cache is only the offline fallback) and kept as they are read;
 * `sw-offline.js` adds "save everything" on request. Assets are revisioned; old caches are removed.
 *
 * Workbox's bundling of the worker takes ~3 s and depends only on the configuration below, not on
 * the site: it is done once, with a placeholder for the precache list, and kept in the build cache
 * (`workerCode`, which after-build.ts starts beside Pagefind). After Pagefind, only the list is made
 * (getManifest: hashes of the files) and put in place of the placeholder.
 */
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Log } from './after-build.ts';
import { BASE } from '../lib/urls.ts';
import { offlineWorkerScript } from '../lib/offline.ts';
import { enginesInUse, planPrecache, precacheLimitKiB, SEARCH_ON_REQUEST, withoutUnusedEngines } from '../lib/precache.ts';
import { cacheRoot } from '../site.ts';

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
  globPatterns: ['_astro/**/*.{css,js}', 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-highlight.js', 'highlight.js',
    'pagefind/wasm.*.pagefind', 'pagefind/*.pf_meta', 'pagefind/pagefind-entry.json', 'pagefind/{index,filter,fragment}/*', 'search-words.json',
    // Not data/offline.json: it is read only to save the archive, which needs the network anyway, and it grows with every page.
    'index.html', 'search/index.html', '404.html', 'favicon.svg', 'manifest.webmanifest'],
  modifyURLPrefix: { '': BASE },
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
};

/** How the worker behaves. Everything here is in the bundled code (and in its cache key, with workbox-build's version). */
const behaviour = () => ({
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
  runtimeCaching: [{
    // The search index's files the first visit did not precache: kept as a search fetches them (their
    // names are hashes of their content), in the cache "Save the whole archive" fills.
    urlPattern: SEARCH_ON_REQUEST,
    handler: 'CacheFirst' as const,
    options: { cacheName: PAGE_CACHE },
  }, {
    urlPattern: ({ request }: { request: Request }) => request.mode === 'navigate' || request.destination === 'document',
    handler: 'NetworkFirst' as const,
    // no-cache: revalidate with the server, so a host's heuristic HTTP caching cannot hide a redeploy.
    options: { cacheName: PAGE_CACHE, networkTimeoutSeconds: 4, fetchOptions: { cache: 'no-cache' as const } },
  }, {
    urlPattern: ({ request }: { request: Request }) => request.destination === 'image',
    handler: 'StaleWhileRevalidate' as const,
    options: { cacheName: 'fc-images', expiration: { maxEntries: 300 } },
  }],
});

const PLACEHOLDER = '__FC_PRECACHE_LIST__';
/** The placeholder entry as it appears in the minified worker: an array holding one object. */
const PLACEHOLDER_IN_CODE = new RegExp(String.raw`\[\{\s*"?url"?\s*:\s*"${PLACEHOLDER}"\s*,\s*"?revision"?\s*:\s*"${PLACEHOLDER}"\s*\}\]`);

/** The bundled worker with a placeholder for its precache list: from the build cache, or made now (~3 s). */
export async function workerCode(): Promise<string> {
  const require = createRequire(import.meta.url);
  const workbox = (JSON.parse(await readFile(require.resolve('workbox-build/package.json'), 'utf8')) as { version: string }).version;
  const config = behaviour();
  const key = createHash('sha256')
    .update(await readFile(fileURLToPath(import.meta.url)))
    .update(JSON.stringify({ workbox, BASE, config, rules: config.runtimeCaching.map((r) => String(r.urlPattern)), ignore: config.ignoreURLParametersMatching.map(String) }))
    .digest('hex').slice(0, 24);
  const cached = path.resolve(cacheRoot, 'service-worker', `sw-${key}.js`);
  if (existsSync(cached)) return readFile(cached, 'utf8');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'fc-sw-'));
  // Named after the scratch folder, so that the copy Workbox leaves behind can be found (below).
  const name = `${path.basename(scratch)}.js`;
  try {
    await writeFile(path.join(scratch, 'placeholder'), '');
    // Imported when used: workbox-build weighs ~90 MB in the build's process, which waits beside Astro.
    const { generateSW } = await import('workbox-build');
    await generateSW({
      ...config,
      globDirectory: scratch,
      globPatterns: ['placeholder'],
      manifestTransforms: [() => ({ manifest: [{ url: PLACEHOLDER, revision: PLACEHOLDER, size: 0 }], warnings: [] })],
      swDest: path.join(scratch, name),
    });
    const code = await readFile(path.join(scratch, name), 'utf8');
    if (!PLACEHOLDER_IN_CODE.test(code)) throw new Error('service worker: the precache placeholder is not in the code Workbox generated (has its output changed?)');
    await mkdir(path.dirname(cached), { recursive: true });
    for (const old of await readdir(path.dirname(cached))) await rm(path.join(path.dirname(cached), old), { force: true }); // older configurations
    await writeFile(cached, code);
    return code;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await removeBundleInput(name);
  }
}

/**
 * Workbox bundles the worker from a copy of its code, which it writes (through tempy) into a new
 * folder under the system's temporary folder, named with 32 hex digits, and leaves there: ~80 KB
 * a cold build, 846 such folders here after two days of tests. The copy takes the name of the worker's
 * file, which is unique to this call, so the folder holding it is this build's and is removed.
 */
async function removeBundleInput(name: string): Promise<void> {
  const root = realpathSync(os.tmpdir());
  for (const folder of await readdir(root)) {
    if (/^[0-9a-f]{32}$/.test(folder) && existsSync(path.join(root, folder, name))) await rm(path.join(root, folder), { recursive: true, force: true });
  }
}

/** Writes sw.js and sw-offline.js into the built site in `dist`, once Pagefind has written its index. */
export async function writeServiceWorker(dist: string, code: Promise<string>, logger: Log): Promise<void> {
  const started = performance.now();
  await writeFile(path.join(dist, 'sw-offline.js'), offlineWorkerScript(PAGE_CACHE, `${BASE}${SEARCH_FILES_LIST}`, SEARCH_ON_REQUEST));
  const limitKiB = precacheLimit();
  const { getManifest } = await import('workbox-build');
  const engines = enginesInUse(JSON.parse(await readFile(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> });
  let onRequest: { url: string; size: number }[] = [];
  const { manifestEntries, count, size, warnings } = await getManifest({
    ...PRECACHE, globDirectory: dist,
    manifestTransforms: [(entries) => {
      const plan = planPrecache(withoutUnusedEngines(entries, engines), limitKiB * 1024);
      onRequest = plan.onRequest;
      return { manifest: plan.precache, warnings: [] };
    }],
  });
  for (const w of warnings) logger.warn(w);
  const list = JSON.stringify((manifestEntries ?? []).map(({ url, revision }) => ({ url, revision })));
  await writeFile(path.join(dist, 'sw.js'), (await code).replace(PLACEHOLDER_IN_CODE, () => list));
  await writeFile(path.join(dist, SEARCH_FILES_LIST), `${JSON.stringify({ files: onRequest.map((f) => f.url) })}\n`);
  const left = onRequest.length
    ? `; the search index's ${onRequest.length} word and result files (${Math.round(onRequest.reduce((s, f) => s + f.size, 0) / 1024)} KiB) are over the first visit's ${limitKiB} KiB: fetched as searches need them, or with "Save the whole archive"`
    : '';
  logger.info(`service worker precaches ${count} files, ${Math.round(size / 1024)} KiB${left} (${Math.round(performance.now() - started)} ms)`);
}
