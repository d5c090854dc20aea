/**
 * Makes the downloadable archive from a built site: every page rewritten to work from disk, the
 * stylesheets, the data files, a search that runs over file://, a README and a SHA-256 manifest,
 * zipped. The build puts it at /downloads/; `npm run archive` writes it to the current folder.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { distFiles, sitePathOf } from './dist-files.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pMap from 'p-map';
import type { BuildContext, Log } from './steps.ts';
import { decode, filtersOf, indexScript, pageForDisk, relativeLink, searchableText, type IndexEntry } from '../lib/offline-archive.ts';
import { firstSentence } from '../lib/search-words.js';
import { today } from '../lib/dates.ts';
import { packEntry, zipChunks, type Packed } from '../lib/zip.ts';
import { BASE, paths } from '../lib/urls.ts';
import { site } from '../site.ts';

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
  return (
    `(function () {\nvar lib = {};\n${lib}window.FC_WORDS_LIB = lib;\n}());\n` + `window.FC_WORDS = ${wordsJson.trim().replace(/</g, '\\u003c')};\n${search}`
  );
}

export const archiveName = (date: string) => `frontier-commons-archive-${date}`;

function pageTitle(html: string): string {
  return (
    /data-pagefind-meta="title"[^>]*>([\s\S]*?)<\/h1>/
      .exec(html)?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim() ??
    /<title>([^<]*)<\/title>/.exec(html)?.[1] ??
    ''
  );
}

export async function makeArchive(
  dist: string,
  base: string,
  date: string,
): Promise<{ zip: Uint8Array[]; bytes: number; name: string; entries: number; indexBytes: number }> {
  const name = archiveName(date);
  const files: [string, Packed][] = [];
  const sums: string[] = [];
  const index: IndexEntry[] = [];
  const enc = new TextEncoder();
  const pack = async (bytes: Uint8Array) => ({ packed: await packEntry(bytes), sum: createHash('sha256').update(bytes).digest('hex') });
  const push = (rel: string, { packed, sum }: { packed: Packed; sum: string }) => {
    files.push([`${name}/${rel}`, packed]);
    sums.push(`${sum}  ${rel}`);
  };
  const add = async (rel: string, bytes: Uint8Array) => push(rel, await pack(bytes));
  /** A page rewritten to work from disk, and its search entry when it has searchable text. */
  const forDisk = (rel: string, html: string): { bytes: Uint8Array; entry?: IndexEntry } => {
    const sitePath = sitePathOf(rel);
    let page = pageForDisk(html, sitePath, base);
    if (sitePath === paths.search()) {
      const up = relativeLink(sitePath, '/').replace('index.html', '');
      page = page.replace('</body>', `<script src="${up}search-index.js"></script><script src="${up}archive-search.js"></script></body>`);
    }
    if (!html.includes('data-pagefind-body')) return { bytes: enc.encode(page) };
    const text = searchableText(html);
    const f = filtersOf(html);
    const published = /data-pagefind-meta="date:([^"]+)"/.exec(html)?.[1] ?? '';
    const dekHtml = /<p class="dek"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
    const dek = dekHtml === undefined ? text.slice(0, 200) : decode(dekHtml.replace(/<[^>]+>/g, '')).trim();
    // An entity's result says what it is in one sentence, as on the site (its summary is its dek).
    const d = html.includes('data-pagefind-meta="summary"') ? firstSentence(dek) : dek;
    const entry = { u: rel, t: decode(pageTitle(html)), d, x: text.normalize('NFKC').toLowerCase(), type: f.type?.[0] ?? '', date: published, f };
    return { bytes: enc.encode(page), entry };
  };
  const wanted = (await distFiles(dist)).filter(
    (rel) =>
      !(
        /^(pagefind|og|downloads|_nginx)\//.test(rel) ||
        /^(sw|sw-offline|highlight)\.js$|^_headers$|^_redirects$|^offline-search\.json$/.test(rel) ||
        /^_astro\/.*\.js$/.test(rel)
      ) &&
      // theme.js is a classic script, so the theme switch works from disk too.
      (rel.endsWith('.html') || rel === 'theme.js' || /\.(css|svg|png|jpe?g|webp|avif|json|csv)$/.test(rel)),
  );
  // Read, rewritten and deflated 16 at a time, and added in the listing's order, so the zip is the same every time.
  const made = await pMap(
    wanted,
    async (rel) => {
      const raw = await readFile(path.join(dist, rel));
      const { bytes, entry } = rel.endsWith('.html') ? forDisk(rel, raw.toString('utf8')) : { bytes: new Uint8Array(raw), entry: undefined };
      return { rel, entry, ...(await pack(bytes)) };
    },
    { concurrency: 16 },
  );
  for (const { rel, entry, ...packed } of made) {
    push(rel, packed);
    if (entry) index.push(entry);
  }
  const script = indexScript(index);
  await add('search-index.js', script);
  const words = await readFile(path.join(dist, paths.searchWords().slice(1)), 'utf8');
  const modules = await Promise.all(WORDS_MODULES.map((f) => readFile(f, 'utf8')));
  await add('archive-search.js', enc.encode(archiveSearchScript(modules, words, await readFile(SEARCH_JS, 'utf8'))));
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
  await add('README.txt', enc.encode(readme));
  const manifest = enc.encode(`${sums.join('\n')}\n`);
  files.push([`${name}/SHA256SUMS`, await packEntry(manifest)]);
  const zip = zipChunks(files, new Date(`${date}T00:00:00Z`));
  return { zip, bytes: zip.reduce((n, c) => n + c.byteLength, 0), name, entries: files.length, indexBytes: script.byteLength };
}

/** Writes downloads/<archive>.zip into the built site. */
export async function writeArchive({ dist }: BuildContext, logger: Log): Promise<void> {
  const started = performance.now();
  const { zip, bytes, name, entries } = await makeArchive(dist, BASE, today());
  await mkdir(path.join(dist, 'downloads'), { recursive: true });
  await writeFile(path.join(dist, `downloads/${name}.zip`), zip);
  logger.info(`archive: downloads/${name}.zip, ${entries} files, ${Math.round(bytes / 1024)} KiB (${Math.round(performance.now() - started)} ms)`);
}
