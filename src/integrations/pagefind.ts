/**
 * The search index, with Pagefind's Node API (unlike astro-pagefind, any Pagefind error throws, so
 * a build without a working index fails). scripts/build.ts starts it before Astro builds
 * (`SiteIndex.start`), so that it reads the article pages as Astro writes them, and after-build.ts
 * finishes it once Astro has exited (`SiteIndex.finish`).
 *
 * The last build's index is reused. Pagefind names its fragment, word-index, filter and metadata
 * files by a hash of their content and does not write (nor compress, at gzip's best level) one that
 * is already there. So each build keeps its index in the build cache (`saveIndex`, run last by
 * after-build.ts), and the next one puts it back before Pagefind writes (`reuseIndex`). Files the
 * new index no longer uses are then removed: the metadata names every one in use (`pruneIndex`).
 * Pagefind alone, on a built site of 5,000 articles, takes ~19 s writing afresh and ~10 s this way.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { Log } from './after-build.ts';
import { cborStrings } from '../lib/cbor.ts';
import { batchReady, batchesOf, changedSince, orderOf, peekArticle, type Peeked, type Stamp } from '../lib/read-ahead.ts';
import { today } from '../lib/dates.ts';
import { paths } from '../lib/urls.ts';
import { distFileOf, distFiles } from './dist-files.ts';
import { cacheRoot } from '../site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the last build's index waits while Astro builds. */
const kept = () => path.resolve(root, cacheRoot, 'pagefind');
/** Pages a batch of the read-ahead holds: 20 batches at 5,000 articles (FC_SEARCH_BATCH sets it, for tests). */
const readAheadBatch = () => Number(process.env.FC_SEARCH_BATCH ?? 250);

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

/** Where the pages Pagefind reads are gathered, as hard links, batch by batch. */
const stageRoot = () => path.resolve(root, cacheRoot, 'pagefind-stage');
const stampOf = (file: string): Stamp | undefined => {
  try { const s = statSync(file); return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs }; } catch { return undefined; }
};

/**
 * The slugs of the articles in `articlesDir`, in the order Astro is expected to write their pages.
 * Files are read 64 at a time and only their slug, date and title kept.
 */
export async function expectedOrder(articlesDir: string): Promise<string[]> {
  const sources = (await readdir(articlesDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  const day = today();
  const peeked: (Peeked | undefined)[] = [];
  for (let i = 0; i < sources.length; i += 64) {
    peeked.push(...await Promise.all(sources.slice(i, i + 64).map(async (f) => peekArticle(path.relative(articlesDir, f).split(path.sep).join('/'), await readFile(f, 'utf8'), day))));
  }
  return orderOf(peeked);
}

/**
 * While Astro renders (on one thread), Pagefind's reading (on as many as there are cores) would take
 * time from it: the Pagefind service is kept to one core until `finish`, with taskset (util-linux),
 * on Linux with two cores or more. Returns the undo, or undefined where it could not pin.
 */
function pinService(): (() => void) | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    let pid: number | undefined;
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(readFileSync(`/proc/${d}/stat`, 'utf8'));
      if (m && m[1]!.startsWith('pagefind') && Number(m[2]) === process.pid) pid = Number(d);
    }
    const allowed = pid && /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    const last = allowed ? allowed.split(',').at(-1)!.split('-').at(-1)! : undefined;
    if (!pid || !allowed || !last || allowed === last) return undefined;
    const set = (cpus: string) => spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' }).status === 0;
    return set(last) ? () => { set(allowed); } : undefined;
  } catch { return undefined; }
}

/**
 * Indexes the site with Pagefind and writes pagefind/ into it. It starts before Astro
 * (scripts/build.ts): while Astro writes the article pages, it reads them in fixed batches, in
 * the order they are expected (src/lib/read-ahead.ts), on the core Astro leaves idle; `finish`,
 * once Astro is done, checks that no page it read has changed since, reads the rest and writes.
 * Each batch is gathered as hard links in a folder of its own, so a page's URL is its path there.
 */
export class SiteIndex {
  readonly #dist: string;
  readonly #batches: string[][];
  readonly #read = new Map<string, Stamp>();
  #index: PagefindIndex | undefined;
  #next = 0;
  #pages = 0;
  #aheadPages = 0;
  #busy: Promise<void> | undefined;
  #error: unknown;
  #timer: NodeJS.Timeout | undefined;
  /** Undoes pinService(), if it pinned. */
  #pinned: (() => void) | undefined;

  private constructor(dist: string, batches: string[][]) { this.#dist = dist; this.#batches = batches; }

  /**
   * Starts the index for the site Astro is about to write into `dist` (emptied already);
   * `expected` is expectedOrder(). With `ahead` false (FC_SEARCH_READ_AHEAD=0), nothing is read
   * until `finish`, in the same order: the same index.
   */
  static async start(dist: string, expected: Promise<string[]>, ahead: boolean): Promise<SiteIndex> {
    const files = (await expected).map((slug) => distFileOf(paths.article(slug)));
    const site = new SiteIndex(dist, batchesOf(files, readAheadBatch()));
    await rm(stageRoot(), { recursive: true, force: true });
    site.#index = await site.#create();
    if (ahead) {
      site.#timer = setInterval(() => site.#poll(), 250);
      site.#pinned = pinService();
    }
    return site;
  }

  async #create(): Promise<PagefindIndex> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    return index;
  }

  #poll() {
    if (this.#busy || this.#error !== undefined) return;
    const batch = this.#batches[this.#next];
    if (!batch || !batchReady(batch, this.#batches[this.#next + 1]?.[0], (f) => stampOf(path.join(this.#dist, f)), Date.now())) return;
    const n = this.#next++;
    this.#busy = this.#add(`ahead-${n}`, batch)
      .then((pages) => { this.#aheadPages += pages; }, (e: unknown) => { this.#error = e; })
      // The next batch may be ready already (Pagefind behind Astro): no wait for the next tick.
      .finally(() => { this.#busy = undefined; if (this.#timer) this.#poll(); });
  }

  /**
   * Gathers `files` (those that exist) into stage folder `name` and has Pagefind read it. Returns
   * the pages it indexed. The links are made synchronously: after Astro, the archive keeps this
   * process's event loop busy, and a wait per file there cost seconds.
   */
  async #add(name: string, files: string[]): Promise<number> {
    const stage = path.join(stageRoot(), name);
    for (const rel of files) {
      const source = path.join(this.#dist, rel);
      const stamp = stampOf(source);
      if (!stamp) continue;
      const target = path.join(stage, rel);
      mkdirSync(path.dirname(target), { recursive: true });
      try { linkSync(source, target); } catch { copyFileSync(source, target); }
      this.#read.set(rel, stamp);
    }
    mkdirSync(stage, { recursive: true });
    const added = await this.#index!.addDirectory({ path: stage });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    this.#pages += added.page_count;
    return added.page_count;
  }

  /** After Astro: reads what is left, checks what was read ahead, writes the index into dist/pagefind. */
  async finish(logger: Log): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#pinned?.();
    const called = performance.now();
    try {
      await this.#busy;
      if (this.#error !== undefined) throw this.#error;
      const changed = changedSince(this.#read, (f) => stampOf(path.join(this.#dist, f)));
      if (changed.length > 0) {
        // Read while Astro was still writing it (a guess of the order that was wrong): start again, in the same order.
        logger.warn(`${changed.length} page(s) changed after Pagefind read them (first: ${changed[0]}); reading every page again`);
        await this.#index!.deleteIndex();
        this.#index = await this.#create();
        this.#read.clear();
        [this.#next, this.#pages, this.#aheadPages] = [0, 0, 0];
      }
      for (; this.#next < this.#batches.length; this.#next++) await this.#add(`after-${this.#next}`, this.#batches[this.#next]!);
      await this.#add('rest', (await distFiles(this.#dist)).filter((f) => f.endsWith('.html') && !this.#read.has(f)));
      if (this.#pages === 0) throw new Error('Pagefind indexed 0 pages: no page has data-pagefind-body');
      const indexed = performance.now();
      const reused = await reuseIndex(this.#dist);
      const outputPath = path.join(this.#dist, 'pagefind');
      const write = async () => {
        const written = await this.#index!.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
      };
      await write();
      let note = 'a fresh index';
      if (reused) {
        try {
          note = `the last index reused, ${await pruneIndex(outputPath)} files it no longer uses removed`;
        } catch (e) {
          // Metadata this code cannot read: start again from an empty folder rather than guess.
          logger.warn(`could not prune the reused index (${e instanceof Error ? e.message : e}); writing it afresh`);
          await rm(outputPath, { recursive: true, force: true });
          await write();
          note = 'a fresh index (the reused one could not be pruned)';
        }
      }
      const done = performance.now();
      logger.info(`Pagefind indexed ${this.#pages} pages, ${this.#aheadPages} of them read while Astro built; ${note} (reading done ${Math.round(indexed - called)} ms after Astro, written in ${Math.round(done - indexed)} ms) (${Math.round(done - called)} ms)`);
    } finally {
      await pagefind.close();
      await rm(stageRoot(), { recursive: true, force: true });
    }
  }

  /** Stops reading, for a build that failed before `finish`. */
  async abandon(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#busy;
    await pagefind.close();
    await rm(stageRoot(), { recursive: true, force: true });
  }
}
