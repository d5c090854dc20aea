/**
 * npm run bench -- [--articles 5000] [--no-bare] [--no-browser] [--cold-only] [--repeat N] [--prose sampled|template]
 * Builds a synthetic corpus exactly like production (check, Astro, Pagefind, preview images, feeds,
 * service worker, archive) and a bare Astro site from the same articles as the reference, then
 * measures: cold build, warm rebuild after one edit, peak memory, dist size, bytes per template,
 * Pagefind index size, search bytes and time for a first and a second query in Chromium (served
 * gzipped by nginx), and the archive's size, index and time to first results from disk.
 * A benchmark, not a test: it reports; BENCHMARKS.md records the numbers.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { writeCorpus } from './corpus.ts';
import { serveWithNginx } from '../scripts/nginx.ts';
import { launch } from '../tests/helpers/browser.ts';

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--articles') + 1] || 1000) || 1000;
const withBare = !args.includes('--no-bare');
const withBrowser = !args.includes('--no-browser');
// --cold-only: the cold build alone (for the largest corpora, where the question is whether it fits in memory).
const withRebuilds = !args.includes('--cold-only');
// --repeat N: the cold build and the bare builds N times each, interleaved, and the best of each
// compared. On a shared machine one run of either can be 20% slow; the fastest is the least disturbed.
const repeat = args.includes('--repeat') ? Math.max(1, Number(args[args.indexOf('--repeat') + 1]) || 1) : 1;
// --prose: how articles are written (bench/corpus.ts): `sampled` (the default from session 8:
// sentences of the launch edition) or `template` (the corpus of sessions 1 to 7, kept to compare
// with their numbers). Each kind has its own folder and result file.
const proseArg = args.includes('--prose') ? args[args.indexOf('--prose') + 1] : 'sampled';
if (proseArg !== 'template' && proseArg !== 'sampled') throw new Error(`--prose: "sampled" or "template", not ${JSON.stringify(proseArg)}`);
const prose: 'template' | 'sampled' = proseArg;
const runName = prose === 'sampled' ? `n${n}` : `n${n}-template`;
const work = path.resolve('.bench', runName);
const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');
const BUILD = path.resolve('scripts/build.ts');

/** Which part of a build a process is, by its command line: the peak's table names them. */
const partOf = (cmd: string) =>
  /pagefind/.test(cmd)
    ? 'Pagefind'
    : /astro\.mjs/.test(cmd)
      ? 'Astro'
      : /scripts\/build\.ts/.test(cmd)
        ? 'build script'
        : /scripts\/check\.ts/.test(cmd)
          ? 'check'
          : 'other';

/** Sums the RSS of a process and its descendants (Pagefind and esbuild run as children), and by part. */
async function treeRss(pid: number): Promise<{ total: number; parts: Record<string, number> }> {
  let total = 0;
  const parts: Record<string, number> = {};
  const walk = async (p: number) => {
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const part = partOf((await readFile(`/proc/${p}/cmdline`, 'utf8')).replaceAll('\0', ' '));
      total += rss;
      parts[part] = (parts[part] ?? 0) + rss;
      for (const t of await readdir(`/proc/${p}/task`)) {
        const kids = (await readFile(`/proc/${p}/task/${t}/children`, 'utf8')).trim();
        for (const k of kids ? kids.split(/\s+/) : []) await walk(Number(k));
      }
    } catch {
      /* exited */
    }
  };
  await walk(pid);
  return { total, parts };
}

/**
 * The CPU time (user + system, seconds) of every child this process has waited for, and of theirs:
 * Linux adds a process's own and its waited-for children's times to its parent's when the parent
 * waits for it (/proc/self/stat, cutime and cstime). A build's CPU time is the difference across
 * it, Pagefind, worker threads and esbuild included. On a shared machine it moves less than the
 * wall time, and it tells what a build would take on one core.
 */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
async function childrenCpuSeconds(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
  return (Number(fields[13]) + Number(fields[14])) / TICKS; // fields 16 and 17: cutime, cstime
}

async function timed(label: string, argv: string[], env: Record<string, string>, cwd = process.cwd()) {
  const cpuBefore = await childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(process.execPath, argv, { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  let peak = 0;
  let peakParts: Record<string, number> = {};
  const timer = setInterval(async () => {
    const now = await treeRss(child.pid!);
    if (now.total > peak) {
      peak = now.total;
      peakParts = now.parts;
    }
  }, 250);
  const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (await childrenCpuSeconds()) - cpuBefore;
  if (code !== 0) throw new Error(`${label} failed (${code}):\n${log.slice(-4000)}`);
  // At the peak: MiB by part, largest first.
  const peakByPart = Object.fromEntries(
    Object.entries(peakParts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => [k, Math.round(v / 2 ** 20)]),
  );
  const byPart = Object.entries(peakByPart)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  process.stdout.write(`  ${label}: ${seconds.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s, peak ${(peak / 2 ** 20).toFixed(0)} MiB (${byPart})\n`);
  return { seconds, cpuSeconds, peakMiB: Math.round(peak / 2 ** 20), peakByPart, log };
}

/** The service worker step's account of what it precaches, from a build's log. */
function precacheOf(log: string) {
  const m = /service worker precaches (\d+) files, (\d+) KiB(?:; the search index's (\d+) word and result files \((\d+) KiB\))?/.exec(log);
  return m ? { files: Number(m[1]), kib: Number(m[2]), onRequestFiles: Number(m[3] ?? 0), onRequestKiB: Number(m[4] ?? 0) } : null;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  return total;
}

async function pageWeight(dist: string, page: string) {
  const html = await readFile(path.join(dist, page), 'utf8');
  const refs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script[^>]* src="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  let css = 0,
    js = 0;
  for (const r of refs) {
    const size = (await stat(path.join(dist, r.replace(/^\/news\//, '')))).size;
    if (r.endsWith('.css')) css += size;
    else js += size;
  }
  return { html: Buffer.byteLength(html), css, js, total: Buffer.byteLength(html) + css + js };
}

/**
 * A bare Astro site: one page per article, nothing else. `allMdx` builds every article as MDX (the
 * reference the issue measured); otherwise the articles keep their own format, as in our build.
 */
async function bareSite(corpus: string, allMdx: boolean): Promise<string> {
  const root = path.join(work, allMdx ? 'bare-mdx' : 'bare');
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, 'src/pages'), { recursive: true });
  if (allMdx) {
    const articles = path.join(root, 'articles');
    await mkdir(articles);
    for (const f of await readdir(path.join(corpus, 'articles'))) await cp(path.join(corpus, 'articles', f), path.join(articles, f.replace(/\.mdx?$/, '.mdx')));
    corpus = root;
  }
  await writeFile(
    path.join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n`,
  );
  await writeFile(
    path.join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: ${JSON.stringify(path.join(corpus, 'articles'))} }) }) };\n`,
  );
  await writeFile(
    path.join(root, 'src/pages/[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang="en"><head><title>{Astro.props.entry.data.title}</title></head><body><Content /></body></html>\n`,
  );
  return root;
}

async function main() {
  console.log(
    `Benchmark: ${n} synthetic articles (${prose} prose) on ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const corpus = path.join(work, 'content');
  await writeCorpus(n, corpus, prose);
  const env = {
    FC_CONTENT_DIR: corpus,
    FC_CACHE_DIR: path.join(work, 'cache'),
    FC_TODAY: '2026-11-28',
    BASE_PATH: '/news/',
    SITE_URL: 'https://frontier-commons.example',
  };
  const dist = path.join(work, 'dist');
  await rm(env.FC_CACHE_DIR, { recursive: true, force: true });
  await rm(path.join(corpus, 'urls.lock'), { force: true });

  const check = await timed('content check', ['scripts/check.ts'], env);
  type Run = Awaited<ReturnType<typeof timed>>;
  const colds: Run[] = [],
    bares: Run[] = [],
    bareMdxs: Run[] = [];
  for (let i = 1; i <= repeat; i++) {
    const nth = repeat > 1 ? ` (${i} of ${repeat})` : '';
    // Cold: no cache and no earlier output, as on a fresh clone (the bare sites, too, start from an
    // empty folder). Astro empties an existing outDir first, ~2 s for the 20,000 files of the last build.
    await rm(env.FC_CACHE_DIR, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
    // scripts/build.ts is `npm run build`: the check, astro build and the after-build steps.
    colds.push(await timed(`cold build${nth}`, [BUILD, '--outDir', dist], env));
    if (withBare) {
      bares.push(
        await timed(`bare Astro, same files (one page per article)${nth}`, [ASTRO, 'build', '--root', await bareSite(corpus, false)], { NO_COLOR: '1' }),
      );
      bareMdxs.push(await timed(`bare Astro, every article as .mdx${nth}`, [ASTRO, 'build', '--root', await bareSite(corpus, true)], { NO_COLOR: '1' }));
    }
  }
  const best = (runs: Run[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const cold = best(colds);
  const bare = withBare ? best(bares) : undefined;
  const bareMdx = withBare ? best(bareMdxs) : undefined;
  const first = (await readdir(path.join(corpus, 'articles'))).sort()[0]!;
  let warm: Awaited<ReturnType<typeof timed>> | undefined;
  let full: Awaited<ReturnType<typeof timed>> | undefined;
  let warmRuns: number[] = [];
  if (withRebuilds) {
    const warms: Run[] = [];
    for (let i = 1; i <= repeat; i++) {
      await appendFile(path.join(corpus, 'articles', first), '\nOne more sentence, added to measure a warm rebuild.\n');
      warms.push(await timed(`warm rebuild (one article changed)${repeat > 1 ? ` (${i} of ${repeat})` : ''}`, [BUILD, '--outDir', dist], env));
    }
    warm = best(warms);
    warmRuns = warms.map((r) => +r.seconds.toFixed(1));
    // Every page rendered again (as after a code change), with the content layer and the preview images kept.
    await rm(path.join(env.FC_CACHE_DIR, 'incremental-build.json'));
    full = await timed('full rebuild, previews and content layer cached', [BUILD, '--outDir', dist], env);
  }
  for (const [name, run] of Object.entries({ cold, warm, full })) if (run) await writeFile(path.join(work, `${name}.log`), run.log);
  const pages = (await readdir(dist, { recursive: true })).filter((f) => String(f).endsWith('.html')).length;
  const phases = Object.fromEntries([...cold.log.matchAll(/\[frontier-commons:([\w-]+)\][^\n]*?\((\d+) ms\)/g)].map((m) => [m[1]!, Number(m[2])]));

  const templates: Record<string, Awaited<ReturnType<typeof pageWeight>>> = {};
  const articleSlug = first.replace(/\.mdx?$/, '');
  for (const [name, p] of Object.entries({
    home: 'index.html',
    article: `articles/${articleSlug}/index.html`,
    archive: 'archive/index.html',
    timeline: 'timeline/index.html',
    lab: 'labs/deepseek/index.html',
    search: 'search/index.html',
  })) {
    if (existsSync(path.join(dist, p))) templates[name] = await pageWeight(dist, p);
  }
  const zips = (await readdir(path.join(dist, 'downloads'))).filter((f) => f.endsWith('.zip'));
  const zipBytes = (await stat(path.join(dist, 'downloads', zips[0]!))).size;

  let search: Record<string, number> | undefined;
  let archive: Record<string, number> | undefined;
  if (withBrowser) {
    const served = await serveWithNginx({ dist, base: '/news/' }, path.join(work, 'nginx'));
    const browser = await launch();
    try {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      // Bytes are counted from nginx's access log: Pagefind fetches its index from a web worker,
      // whose requests a page's DevTools session does not see (runs 1-14 counted only the page's).
      const sentSince = async (mark: number) => (await served.sent()).slice(mark).reduce((sum, r) => sum + r.bytes, 0);
      // Until nginx has logged no new request for half a second: the page's network idle does
      // not see the web worker's fetches.
      const quiet = async () => {
        for (let n = -1, since = Date.now(); Date.now() - since < 500;) {
          const now = (await served.sent()).length;
          if (now !== n) {
            n = now;
            since = Date.now();
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      let mark = (await served.sent()).length;
      await page.goto(`${served.origin}/news/search/`);
      await page.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
      await page.waitForLoadState('networkidle');
      await quiet();
      const pageBytes = await sentSince(mark);
      const query = async (q: string) => {
        mark = (await served.sent()).length;
        const t0 = Date.now();
        await page.locator('#q').fill(q);
        // Done when the URL names this query and the list is no longer busy: its results are shown.
        // (Until run 28 the wait was for the URL and a status with "result" in it, which the
        // previous query's status already had: the second query's bytes were counted in part.)
        await page.waitForFunction(
          (qq) => new URL(location.href).searchParams.get('q') === qq && document.querySelector('#results')?.getAttribute('aria-busy') === 'false',
          q,
        );
        const ms = Date.now() - t0;
        await quiet();
        return { bytes: await sentSince(mark), ms };
      };
      const q1 = await query('licence');
      const q2 = await query('attention experts');
      search = { searchPageBytes: pageBytes, firstQueryBytes: pageBytes + q1.bytes, firstQueryMs: q1.ms, secondQueryBytes: q2.bytes, secondQueryMs: q2.ms };

      const out = path.join(work, 'archive');
      await rm(out, { recursive: true, force: true });
      for (const [name, data] of Object.entries(unzipSync(new Uint8Array(await readFile(path.join(dist, 'downloads', zips[0]!)))))) {
        await mkdir(path.dirname(path.join(out, name)), { recursive: true });
        await writeFile(path.join(out, name), data);
      }
      const root = path.join(out, zips[0]!.replace(/\.zip$/, ''));
      const disk = await browser.newPage();
      const t0 = Date.now();
      await disk.goto(`${pathToFileURL(path.join(root, 'search/index.html')).href}?q=licence`);
      await disk.waitForFunction(() => document.documentElement.dataset.searchReady === 'true');
      archive = { zipBytes, indexBytes: (await stat(path.join(root, 'search-index.js'))).size, firstResultsMsFromDisk: Date.now() - t0 };
    } finally {
      await browser.close();
      await served.stop();
    }
  }

  const result = {
    date: new Date().toISOString(),
    articles: n,
    prose,
    pages,
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    contentCheckSeconds: +check.seconds.toFixed(2),
    coldBuildSeconds: +cold.seconds.toFixed(1),
    pagesPerSecond: +(pages / cold.seconds).toFixed(1),
    peakMemoryMiB: Math.max(...colds.map((r) => r.peakMiB)),
    // The highest cold peak, by part (MiB): which process holds the memory when it peaks.
    peakMemoryByPart: colds.reduce((a, b) => (b.peakMiB > a.peakMiB ? b : a)).peakByPart,
    warmRebuildSeconds: warm ? +warm.seconds.toFixed(1) : null,
    warmToCold: warm ? +(warm.seconds / cold.seconds).toFixed(2) : null,
    warmPeakMiB: warm?.peakMiB ?? null,
    fullCachedSeconds: full ? +full.seconds.toFixed(1) : null,
    fullCachedPeakMiB: full?.peakMiB ?? null,
    fullCachedToBare: bare && full ? +(full.seconds / bare.seconds).toFixed(2) : null,
    fullCachedToBareMdx: bareMdx && full ? +(full.seconds / bareMdx.seconds).toFixed(2) : null,
    phasesMsWarm: Object.fromEntries([...(warm?.log ?? '').matchAll(/\[frontier-commons:([\w-]+)\][^\n]*?\((\d+) ms\)/g)].map((m) => [m[1]!, Number(m[2])])),
    bareAstroSeconds: bare ? +bare.seconds.toFixed(1) : null,
    bareAstroPeakMiB: bare?.peakMiB ?? null,
    featuresToBare: bare ? +(cold.seconds / bare.seconds).toFixed(2) : null,
    bareMdxSeconds: bareMdx ? +bareMdx.seconds.toFixed(1) : null,
    bareMdxPeakMiB: bareMdx?.peakMiB ?? null,
    featuresToBareMdx: bareMdx ? +(cold.seconds / bareMdx.seconds).toFixed(2) : null,
    mdxArticles: Math.floor(n / 10),
    // CPU seconds (user + system, the whole process tree) of the builds reported above.
    cpuSeconds: {
      cold: +cold.cpuSeconds.toFixed(1),
      bare: bare ? +bare.cpuSeconds.toFixed(1) : null,
      bareMdx: bareMdx ? +bareMdx.cpuSeconds.toFixed(1) : null,
      warm: warm ? +warm.cpuSeconds.toFixed(1) : null,
      full: full ? +full.cpuSeconds.toFixed(1) : null,
    },
    runs: {
      coldSeconds: colds.map((r) => +r.seconds.toFixed(1)),
      bareSeconds: bares.map((r) => +r.seconds.toFixed(1)),
      bareMdxSeconds: bareMdxs.map((r) => +r.seconds.toFixed(1)),
      warmSeconds: warmRuns,
    },
    distBytes: await dirSize(dist),
    pagefindBytes: await dirSize(path.join(dist, 'pagefind')),
    phasesMs: phases,
    templates,
    search: search ?? null,
    archive: archive ?? { zipBytes },
    // What a reader's first visit downloads in the background for offline use (the service worker's log line).
    firstVisitPrecache: precacheOf(cold.log),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile(`bench/results/${runName}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const rows: [string, string][] = [
    ['articles / pages built', `${n} / ${pages}`],
    ['content check', `${result.contentCheckSeconds} s`],
    [
      'cold build (everything)',
      `${result.coldBuildSeconds} s (${result.pagesPerSecond} pages/s)${repeat > 1 ? `, best of ${result.runs.coldSeconds.join(' · ')} s; bare builds best of ${result.runs.bareSeconds.join(' · ')} and ${result.runs.bareMdxSeconds.join(' · ')} s` : ''}`,
    ],
    ['bare Astro, same files', bare ? `${result.bareAstroSeconds} s, peak ${result.bareAstroPeakMiB} MiB → ours ×${result.featuresToBare}` : 'skipped'],
    ['bare Astro, all .mdx', bareMdx ? `${result.bareMdxSeconds} s, peak ${result.bareMdxPeakMiB} MiB → ours ×${result.featuresToBareMdx}` : 'skipped'],
    [
      'warm rebuild, one article changed',
      `${result.warmRebuildSeconds} s (×${result.warmToCold} of cold), peak ${result.warmPeakMiB} MiB${warmRuns.length > 1 ? `, best of ${warmRuns.join(' · ')} s` : ''}`,
    ],
    [
      'full rebuild, previews cached (every page rendered)',
      `${result.fullCachedSeconds} s, peak ${result.fullCachedPeakMiB} MiB → ×${result.fullCachedToBare} / ×${result.fullCachedToBareMdx} of the bare builds`,
    ],
    [
      'CPU time, user + system: cold · bare same files · bare .mdx · warm',
      [result.cpuSeconds.cold, result.cpuSeconds.bare, result.cpuSeconds.bareMdx, result.cpuSeconds.warm].map((v) => (v === null ? '—' : `${v} s`)).join(' · '),
    ],
    [
      'peak memory (cold)',
      `${result.peakMemoryMiB} MiB (${Object.entries(result.peakMemoryByPart)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    ],
    [
      'after-build steps (cold)',
      Object.entries(phases)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ') || 'n/a',
    ],
    ['dist size', `${(result.distBytes / 2 ** 20).toFixed(1)} MiB`],
    ['Pagefind index', `${(result.pagefindBytes / 2 ** 20).toFixed(2)} MiB`],
    ...Object.entries(templates).map(
      ([k, v]) => [`page weight: ${k}`, `${kb(v.total)} (HTML ${kb(v.html)}, CSS ${kb(v.css)}, JS ${kb(v.js)})`] as [string, string],
    ),
    [
      'first visit, precached in the background',
      result.firstVisitPrecache
        ? `${result.firstVisitPrecache.files} files, ${result.firstVisitPrecache.kib} KiB${result.firstVisitPrecache.onRequestFiles ? ` (the index's ${result.firstVisitPrecache.onRequestFiles} word and result files, ${result.firstVisitPrecache.onRequestKiB} KiB, as searches need them)` : ''}`
        : 'n/a',
    ],
    ['search: first query (incl. search page assets)', search ? `${kb(search.firstQueryBytes!)} in ${search.firstQueryMs} ms` : 'skipped'],
    ['search: second query', search ? `${kb(search.secondQueryBytes!)} in ${search.secondQueryMs} ms` : 'skipped'],
    [
      'archive zip / search index / first results from disk',
      archive ? `${kb(archive.zipBytes!)} / ${kb(archive.indexBytes!)} / ${archive.firstResultsMsFromDisk} ms` : kb(zipBytes),
    ],
  ];
  console.log(`\n| measure | ${n} articles |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n\nJSON: bench/results/${runName}.json`);
}

await main();
