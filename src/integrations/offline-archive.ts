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
import type { AstroIntegrationLogger } from 'astro';
import { zipSync } from 'fflate';
import { filtersOf, indexScript, pageForDisk, relativeLink, searchableText, type IndexEntry } from '../lib/offline-archive.ts';
import { today } from '../lib/dates.ts';
import { BASE, paths } from '../lib/urls.ts';
import { site } from '../site.ts';

const SEARCH_JS = fileURLToPath(new URL('../archive/search.js', import.meta.url));

export const archiveName = (date: string) => `frontier-commons-archive-${date}`;

function pageTitle(html: string): string {
  return /data-pagefind-meta="title"[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim()
    ?? /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
}

export async function makeArchive(dist: string, base: string, date: string): Promise<{ zip: Uint8Array; name: string; entries: number; indexBytes: number }> {
  const name = archiveName(date);
  const out: Record<string, Uint8Array> = {};
  const index: IndexEntry[] = [];
  const enc = new TextEncoder();
  for (const rel of await distFiles(dist)) {
    if (/^(pagefind|og|downloads|_nginx)\//.test(rel) || /^(sw|sw-offline|highlight)\.js$|^_headers$|^_redirects$/.test(rel) || /^_astro\/.*\.js$/.test(rel)) continue;
    const full = path.join(dist, rel);
    if (!rel.endsWith('.html')) {
      if (/\.(css|svg|png|jpe?g|webp|avif|json|csv)$/.test(rel)) out[`${name}/${rel}`] = new Uint8Array(await readFile(full));
      continue;
    }
    const sitePath = sitePathOf(rel);
    const html = await readFile(full, 'utf8');
    const isSearch = sitePath === paths.search();
    let page = pageForDisk(html, sitePath, base);
    if (isSearch) {
      const up = relativeLink(sitePath, '/');
      page = page.replace('</body>', `<script src="${up.replace('index.html', '')}search-index.js"></script><script src="${up.replace('index.html', '')}archive-search.js"></script></body>`);
    }
    out[`${name}/${rel}`] = enc.encode(page);
    if (html.includes('data-pagefind-body')) {
      const text = searchableText(html);
      const f = filtersOf(html);
      const date = /data-pagefind-meta="date:([^"]+)"/.exec(html)?.[1] ?? '';
      const dek = /<p class="dek">([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? text.slice(0, 200);
      index.push({ u: rel, t: pageTitle(html), d: dek.trim(), x: text.normalize('NFKC').toLowerCase(), type: f.type?.[0] ?? '', date, f });
    }
  }
  const script = indexScript(index);
  out[`${name}/search-index.js`] = enc.encode(script);
  out[`${name}/archive-search.js`] = new Uint8Array(await readFile(SEARCH_JS));
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
  out[`${name}/README.txt`] = enc.encode(readme);
  const sums = Object.entries(out).map(([p, bytes]) => `${createHash('sha256').update(bytes).digest('hex')}  ${p.slice(name.length + 1)}`).join('\n');
  out[`${name}/SHA256SUMS`] = enc.encode(`${sums}\n`);
  const zip = zipSync(out, { level: 6, mtime: new Date(`${date}T00:00:00Z`) });
  return { zip, name, entries: Object.keys(out).length, indexBytes: Buffer.byteLength(script) };
}

/** Writes downloads/<archive>.zip into the built site in `dist`. */
export async function writeArchive(dist: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const { zip, name, entries } = await makeArchive(dist, BASE, today());
  await mkdir(path.join(dist, 'downloads'), { recursive: true });
  await writeFile(path.join(dist, `downloads/${name}.zip`), zip);
  logger.info(`archive: downloads/${name}.zip, ${entries} files, ${Math.round(zip.byteLength / 1024)} KiB (${Math.round(performance.now() - started)} ms)`);
}
