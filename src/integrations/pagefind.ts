/**
 * Indexes the built site with Pagefind after `astro build` (run by after-build.ts). Any Pagefind
 * error fails the build, and so does a site where no page marks its searchable part.
 *
 * Pagefind runs as its command line (the binary the npm package installs for this platform, found
 * as the package's own runner finds it), not through its Node API: the same index, byte for byte,
 * but at 5,000 articles of real prose the API's writing step took ~10 s longer (38 s against 28 s
 * for the whole run, measured alone on the same built site). The binary is started directly, not
 * through the package's Node runner, whose process held ~48 MiB through Pagefind's peak.
 *
 * The last build's index is reused. Pagefind names its fragment, word-index, filter and metadata
 * files by a hash of their content and does not write (nor compress, at gzip's best level) one that
 * is already there. So each build keeps its index in the build cache (`saveIndex`, run last by
 * after-build.ts), and the next one puts it back before Pagefind writes (`reuseIndex`). Files the
 * new index no longer uses are then removed: the metadata names every one in use (`pruneIndex`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Log } from './after-build.ts';
import { cborStrings } from '../lib/cbor.ts';
import { cacheRoot } from '../site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the last build's index waits while Astro builds. */
const kept = () => path.resolve(root, cacheRoot, 'pagefind');

/**
 * After a build: keeps the index in the build cache for the next one, as hard links (no bytes
 * copied; a copy where the cache is on another file system). Astro empties `dist` at the start of
 * the next build, and CI keeps only the cache between runs, so the index must be kept here.
 */
export async function saveIndex(dist: string): Promise<void> {
  const from = path.join(dist, 'pagefind');
  await rm(kept(), { recursive: true, force: true });
  for (const e of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const source = path.join(e.parentPath, e.name);
    const target = path.join(kept(), path.relative(from, source));
    await mkdir(path.dirname(target), { recursive: true });
    await link(source, target).catch(() => copyFile(source, target));
  }
}

/** After Astro: moves the kept index to where Pagefind will write. */
async function reuseIndex(dist: string): Promise<boolean> {
  const index = path.join(dist, 'pagefind');
  if (!existsSync(kept()) || existsSync(index)) return false;
  return rename(kept(), index).then(() => true, () => false);
}

/**
 * Removes the hashed files that the index just written does not use: a fragment, word index or
 * filter is in use when the language's metadata names it, and a metadata file when
 * pagefind-entry.json does. Returns how many it removed.
 */
export async function pruneIndex(index: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(index, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const live = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = gunzipSync(await readFile(path.join(index, `pagefind.${hash}.pf_meta`)));
    const prefix = Buffer.from('pagefind_dcd');
    if (!meta.subarray(0, prefix.length).equals(prefix)) throw new Error(`pagefind.${hash}.pf_meta: not the metadata format this build knows`);
    live.add(`pagefind.${hash}.pf_meta`);
    for (const s of cborStrings(meta.subarray(prefix.length))) live.add(s);
  }
  let removed = 0;
  for (const [folder, pattern] of [['fragment', /^(.+)\.pf_fragment$/], ['index', /^(.+)\.pf_index$/], ['filter', /^(.+)\.pf_filter$/], ['.', /^(pagefind\..+\.pf_meta)$/]] as const) {
    const dir = path.join(index, folder);
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) {
      const stem = pattern.exec(name)?.[1];
      if (stem !== undefined && !live.has(stem)) { await rm(path.join(dir, name)); removed++; }
    }
  }
  return removed;
}

/**
 * The Pagefind binary, found as the pagefind package's runner finds it (its PAGEFIND_BINARY_PATH
 * or PAGEFIND_EXTENDED_BINARY_PATH, else the package for this platform), the extended build first.
 * The package exports only its Node API, so its resolver is loaded by its path.
 */
async function pagefindBinary(): Promise<string> {
  const resolver = pathToFileURL(path.join(root, 'node_modules/pagefind/lib/resolveBinary.js')).href;
  const { resolveBinaryPath } = (await import(resolver)) as { resolveBinaryPath(names: string[]): string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** What a run of Pagefind reports: pages indexed, and how long it read, built the index in memory and wrote it. */
export interface PagefindRun { pages: number; readMs: number; indexedMs: number; writtenMs: number }

/**
 * What Pagefind's output says of a run that exited with `code`, or why the build must stop: an
 * error exit, a site where no page has `data-pagefind-body` (Pagefind would then index every
 * page's whole body, navigation and footers included), or no page indexed.
 */
export function pagefindOutcome(code: number | null, output: string): { pages: number } | { error: string } {
  const tail = output.trim().split('\n').slice(-12).join('\n');
  if (code !== 0) return { error: `Pagefind failed (exit ${code}):\n${tail}` };
  if (!output.includes('Found a data-pagefind-body element on the site')) return { error: `Pagefind found no page with data-pagefind-body, and would index whole pages:\n${tail}` };
  const pages = Number(/Indexed (\d+) pages?\b/.exec(output)?.[1] ?? 0);
  if (!pages) return { error: `Pagefind indexed no page:\n${tail}` };
  return { pages };
}

/**
 * Pagefind's allocator setting. Its Linux build allocates with jemalloc, which by default keeps the
 * pages it frees for 10 s before it gives them back. On the 5,000-article site of real prose, run
 * alone: a peak of 2,782 MiB by default, 2,365 MiB with freed pages given back after 1 s, 2,287
 * MiB after 0 s (but 2 s slower); while it writes, ~2,100 MiB by default and ~1,000 MiB after 1 s.
 * The index is the same, byte for byte, and 1 s takes as long as the default (BENCHMARKS.md,
 * session 9). Builds of Pagefind that use another allocator ignore it. An operator's own value is kept.
 */
export const PAGEFIND_ALLOCATOR = { _RJEM_MALLOC_CONF: 'dirty_decay_ms:1000' };

/**
 * The environment Pagefind runs in: ours without PAGEFIND_* settings (but the binary's path), so
 * that no variable of the machine changes what is indexed, and with the allocator setting above
 * unless the operator set one.
 */
export function pagefindEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...PAGEFIND_ALLOCATOR, ...Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('PAGEFIND_') || k.endsWith('_BINARY_PATH'))) };
}

/**
 * Runs Pagefind over `site`, writing the index to `outputPath`, from an empty folder of its own (so
 * that no pagefind.yml is read) and in `pagefindEnv`. `onIndexed` is called once Pagefind has built
 * its index in memory (it prints its totals) and only writes files: past its peak, it then holds
 * ~1 GiB at 5,000 articles.
 */
async function runPagefind(site: string, outputPath: string, onIndexed: () => void): Promise<PagefindRun> {
  const started = performance.now();
  const binary = await pagefindBinary();
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'fc-pagefind-'));
  const env = pagefindEnv(process.env);
  try {
    return await new Promise<PagefindRun>((resolve, reject) => {
      const child = spawn(binary, ['--site', site, '--output-path', outputPath, '--force-language', 'en'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let building: number | undefined;
      let indexed: number | undefined;
      child.stdout.on('data', (d) => {
        output += d;
        if (building === undefined && output.includes('[Building search indexes]')) building = performance.now();
        if (building !== undefined && indexed === undefined && /\[Building search indexes\][\s\S]*\nTotal:/.test(output)) { indexed = performance.now(); onIndexed(); }
      });
      child.stderr.on('data', (d) => { output += d; });
      child.on('error', reject);
      child.on('close', (code) => {
        const outcome = pagefindOutcome(code, output);
        if ('error' in outcome) { reject(new Error(outcome.error)); return; }
        const now = performance.now();
        const b = building ?? now;
        const i = indexed ?? now;
        resolve({ pages: outcome.pages, readMs: b - started, indexedMs: i - b, writtenMs: now - i });
      });
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * Indexes the built site in `out` and writes pagefind/ into it. `onIndexed` is called once, when
 * Pagefind has built its index and only writes files (after-build.ts starts the archive then).
 */
export async function indexSite(out: string, logger: Log, onIndexed: () => void = () => {}): Promise<void> {
  const started = performance.now();
  let told = false;
  const indexed = () => { if (!told) { told = true; onIndexed(); } };
  const reused = await reuseIndex(out);
  const outputPath = path.join(out, 'pagefind');
  let run = await runPagefind(out, outputPath, indexed);
  let note = 'a fresh index';
  if (reused) {
    try {
      note = `the last index reused, ${await pruneIndex(outputPath)} files it no longer uses removed`;
    } catch (e) {
      // Metadata this code cannot read: start again from an empty folder rather than guess.
      logger.warn(`could not prune the reused index (${e instanceof Error ? e.message : e}); writing it afresh`);
      await rm(outputPath, { recursive: true, force: true });
      run = await runPagefind(out, outputPath, indexed);
      note = 'a fresh index (the reused one could not be pruned)';
    }
  }
  // "read": until Pagefind starts building the index (walking, parsing, languages); "indexed": building
  // it in memory, until its totals; "written": the rest.
  logger.info(`Pagefind indexed ${run.pages} pages, ${note} (read ${Math.round(run.readMs)} ms, indexed ${Math.round(run.indexedMs)} ms, written ${Math.round(run.writtenMs)} ms) (${Math.round(performance.now() - started)} ms)`);
}
