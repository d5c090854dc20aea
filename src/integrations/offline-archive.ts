/**
 * Makes the downloadable archive from a built site: every page rewritten to work from disk, the
 * stylesheets, the data files, a search that runs over file://, a README and a SHA-256 manifest,
 * zipped. The build puts it at /downloads/; `npm run archive` writes it to the current folder.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { distFiles, sitePathOf } from './dist-files.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Log } from './after-build.ts';
import { decode, filtersOf, indexScriptPieces, pageForDisk, relativeLink, searchableText, type IndexEntry } from '../lib/offline-archive.ts';
import { firstSentence } from '../lib/search-words.js';
import { today } from '../lib/dates.ts';
import { joinPieces, packEntry, packPiece, zipChunks, type Packed } from '../lib/zip.ts';
import { BASE, paths } from '../lib/urls.ts';
import { archiveCacheDir, site } from '../site.ts';

const SEARCH_JS = fileURLToPath(new URL('../archive/search.js', import.meta.url));
const WORDS_MODULES = ['../lib/search-words.js', '../lib/search-suggest.js'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

/**
 * The archive's search script: the query-word modules the site's search uses (src/lib/search-words.js
 * and search-suggest.js, in that order), each in a scope of its own with its `export`s returned and
 * its imports taken from the modules before it, as window.FC_WORDS_LIB; the site's synonyms and
 * vocabulary (search-words.json) as window.FC_WORDS; then src/archive/search.js. One classic script,
 * since file:// pages can neither import modules nor fetch JSON.
 */
export function archiveSearchScript(modules: string[], wordsJson: string, search: string): string {
  let lib = '';
  for (const source of modules) {
    const names = [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]!);
    const body = source.replace(/^import .*$/gm, '').replace(/^export function /gm, 'function ');
    lib += `Object.assign(lib, (function () {\n${body}\nreturn { ${names.join(', ')} };\n}()));\nvar ${names.map((n) => `${n} = lib.${n}`).join(', ')};\n`;
  }
  return `(function () {\nvar lib = {};\n${lib}window.FC_WORDS_LIB = lib;\n}());\n`
    + `window.FC_WORDS = ${wordsJson.trim().replace(/</g, '\\u003c')};\n${search}`;
}

export const archiveName = (date: string) => `frontier-commons-archive-${date}`;

function pageTitle(html: string): string {
  return /data-pagefind-meta="title"[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim()
    ?? /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
}

/**
 * What a file contributes to the archive, kept between builds under a hash of everything it is
 * made from: its SHA-256 line, its deflated bytes and, for a searchable page, its index entry.
 * A warm build then compresses only the files that changed.
 */
interface CachedFile { sum: string; crc: number; size: number; entry?: IndexEntry }

class PackCache {
  #dir: string | undefined;
  #before: Record<string, CachedFile> = {};
  #now: Record<string, CachedFile> = {};
  constructor(dir?: string) { this.#dir = dir; }
  async load() {
    if (!this.#dir) return;
    try { this.#before = JSON.parse(await readFile(path.join(this.#dir, 'files.json'), 'utf8')); } catch { this.#before = {}; }
  }
  /** The file for `key`: from the cache, or made by `make` and deflated by `pack` (and its deflated bytes stored). */
  async get(key: string, make: () => Promise<{ bytes: Uint8Array; entry?: IndexEntry | undefined }>, pack = packEntry): Promise<{ meta: CachedFile; packed: Packed }> {
    const hit = this.#before[key];
    if (hit && this.#dir) {
      const data = await readFile(path.join(this.#dir, `${key}.z`)).catch(() => undefined);
      if (data) { this.#now[key] = hit; return { meta: hit, packed: { crc: hit.crc, size: hit.size, data } }; }
    }
    const { bytes, entry } = await make();
    const packed = await pack(bytes);
    const meta: CachedFile = { sum: createHash('sha256').update(bytes).digest('hex'), crc: packed.crc, size: packed.size, ...(entry ? { entry } : {}) };
    if (this.#dir) { await mkdir(this.#dir, { recursive: true }); await writeFile(path.join(this.#dir, `${key}.z`), packed.data); }
    this.#now[key] = meta;
    return { meta, packed };
  }
  /**
   * Keeps what this build used and drops the rest, so the cache does not grow forever. files.json
   * (JSON.stringify of the map, every page's full text in it) is written an entry at a time, without
   * the one string of it all.
   */
  async save() {
    if (!this.#dir) return;
    for (const key of Object.keys(this.#before)) if (!(key in this.#now)) await rm(path.join(this.#dir, `${key}.z`), { force: true });
    const now = this.#now;
    await writeFile(path.join(this.#dir, 'files.json'), (function* () {
      yield '{';
      let comma = '';
      for (const [key, meta] of Object.entries(now)) { yield `${comma}${JSON.stringify(key)}:${JSON.stringify(meta)}`; comma = ','; }
      yield '}';
    })());
  }
}

const keyOf = (...parts: (string | Uint8Array)[]) => { const h = createHash('sha256'); for (const p of parts) h.update(p).update('\0'); return h.digest('hex').slice(0, 40); };

/** The code that shapes an archive file: a change to any of it must not reuse files packed before. */
const ARCHIVE_CODE = ['./offline-archive.ts', '../lib/offline-archive.ts', '../lib/zip.ts', '../lib/search-words.js', '../lib/search-suggest.js'].map((f) => fileURLToPath(new URL(f, import.meta.url)));
const codeVersion = async () => keyOf(...(await Promise.all(ARCHIVE_CODE.map((f) => readFile(f)))));

export async function makeArchive(dist: string, base: string, date: string, cacheDir?: string): Promise<{ zip: Uint8Array[]; bytes: number; name: string; entries: number; indexBytes: number }> {
  const name = archiveName(date);
  const cache = new PackCache(cacheDir);
  await cache.load();
  const code = await codeVersion();
  const files: [string, Packed][] = [];
  const sums: string[] = [];
  const index: IndexEntry[] = [];
  const enc = new TextEncoder();
  const add = (rel: string, sum: string, packed: Packed) => { files.push([`${name}/${rel}`, packed]); sums.push(`${sum}  ${rel}`); };
  const fresh = async (rel: string, bytes: Uint8Array) => { const { meta, packed } = await cache.get(keyOf('file', code, bytes), async () => ({ bytes })); add(rel, meta.sum, packed); };
  const packPage = async (rel: string, raw: Buffer) =>
    // A page's archive copy depends on its HTML, its path, the base it was built under and the code that rewrites it.
    cache.get(keyOf('page', code, rel, base, raw), async () => {
      const html = raw.toString('utf8');
      const sitePath = sitePathOf(rel);
      let page = pageForDisk(html, sitePath, base);
      if (sitePath === paths.search()) {
        const up = relativeLink(sitePath, '/');
        page = page.replace('</body>', `<script src="${up.replace('index.html', '')}search-index.js"></script><script src="${up.replace('index.html', '')}archive-search.js"></script></body>`);
      }
      let entry: IndexEntry | undefined;
      if (html.includes('data-pagefind-body')) {
        const text = searchableText(html);
        const f = filtersOf(html);
        const published = /data-pagefind-meta="date:([^"]+)"/.exec(html)?.[1] ?? '';
        const dekHtml = /<p class="dek"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
        const dek = dekHtml === undefined ? text.slice(0, 200) : decode(dekHtml.replace(/<[^>]+>/g, '')).trim();
        // An entity's result says what it is in one sentence, as on the site (its summary is its dek).
        const d = html.includes('data-pagefind-meta="summary"') ? firstSentence(dek) : dek;
        entry = { u: rel, t: decode(pageTitle(html)), d, x: text.normalize('NFKC').toLowerCase(), type: f.type?.[0] ?? '', date: published, f };
      }
      return { bytes: enc.encode(page), entry };
    });
  const wanted = (await distFiles(dist)).filter((rel) =>
    !(/^(pagefind|og|downloads|_nginx)\//.test(rel) || /^(sw|sw-offline|highlight)\.js$|^_headers$|^_redirects$|^offline-search\.json$/.test(rel) || /^_astro\/.*\.js$/.test(rel))
    // theme.js is a classic script, so the theme switch works from disk too.
    && (rel.endsWith('.html') || rel === 'theme.js' || /\.(css|svg|png|jpe?g|webp|avif|json|csv)$/.test(rel)));
  // Files are read, rewritten and deflated 16 at a time (the deflating runs on libuv's threads, the
  // cache reads and writes overlap), and added in the listing's order, so the zip is the same every time.
  for (let i = 0; i < wanted.length; i += 16) {
    const batch = await Promise.all(wanted.slice(i, i + 16).map(async (rel) => {
      const raw = await readFile(path.join(dist, rel));
      return { rel, ...(rel.endsWith('.html') ? await packPage(rel, raw) : await cache.get(keyOf('file', code, raw), async () => ({ bytes: new Uint8Array(raw) }))) };
    }));
    for (const { rel, meta, packed } of batch) {
      add(rel, meta.sum, packed);
      if (meta.entry) index.push(meta.entry);
    }
  }
  // The search index, ~45 MB at 5,000 articles, is deflated in pieces kept apart: a build where one
  // page changed deflates that page's piece, not the whole file (src/lib/offline-archive.ts). One
  // piece at a time, as the whole file was: in a cold build this runs beside Pagefind's writing,
  // which has one core, and ~21 pieces at once on libuv's four threads would take that core from it.
  const pieces = indexScriptPieces(index);
  const packedPieces: { bytes: Buffer; packed: Packed }[] = [];
  for (const bytes of pieces) packedPieces.push({ bytes, packed: (await cache.get(keyOf('piece', code, bytes), async () => ({ bytes }), packPiece)).packed });
  const scriptSum = pieces.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');
  add('search-index.js', scriptSum, joinPieces(packedPieces));
  const indexBytes = pieces.reduce((n, p) => n + p.byteLength, 0);
  const words = await readFile(path.join(dist, paths.searchWords().slice(1)), 'utf8');
  const modules = await Promise.all(WORDS_MODULES.map((f) => readFile(f, 'utf8')));
  await fresh('archive-search.js', enc.encode(archiveSearchScript(modules, words, await readFile(SEARCH_JS, 'utf8'))));
  const readme = `${site.title}: archive of ${date}

${site.description}

This folder is the whole site as it stood on ${date}: every article, every timeline event and
every profile, with their sources. It needs no network and no server.

Open index.html in a web browser. Links between pages work from disk. Search also works from disk:
open search/index.html (or use the search box at the top of any page). It searches titles,
standfirsts and full text, with the same filters as the online site (type, lab, topic, year).

Verify the files against the checksum manifest:
  Linux:  sha256sum -c SHA256SUMS
  macOS:  shasum -a 256 -c SHA256SUMS
Every line should end in OK.

Reuse: data/milestones.json, data/milestones.csv and data/models.json hold the timeline and the
models with their sources.
`;
  await fresh('README.txt', enc.encode(readme));
  const manifest = enc.encode(`${sums.join('\n')}\n`);
  files.push([`${name}/SHA256SUMS`, await packEntry(manifest)]);
  await cache.save();
  const zip = zipChunks(files, new Date(`${date}T00:00:00Z`));
  return { zip, bytes: zip.reduce((n, c) => n + c.byteLength, 0), name, entries: files.length, indexBytes };
}

/** Writes downloads/<archive>.zip into the built site in `dist`. */
export async function writeArchive(dist: string, logger: Log): Promise<void> {
  const started = performance.now();
  const { zip, bytes, name, entries } = await makeArchive(dist, BASE, today(), archiveCacheDir);
  await mkdir(path.join(dist, 'downloads'), { recursive: true });
  await writeFile(path.join(dist, `downloads/${name}.zip`), zip);
  logger.info(`archive: downloads/${name}.zip, ${entries} files, ${Math.round(bytes / 1024)} KiB (${Math.round(performance.now() - started)} ms)`);
}
