/**
 * Indexes the built site with Pagefind's command line (the package's own runner), over `dist`, and
 * fails the build on an error exit or an index without pages. The last build's index is put back
 * first, so Pagefind writes only the files that changed (pagefind-reuse.ts).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepIndex, pruneIndex, restoreIndex } from './pagefind-reuse.ts';
import type { BuildContext, Log } from './steps.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The package's `pagefind` command (its package.json `bin`), which runs the binary for this platform.
const runner = path.join(root, 'node_modules/pagefind/lib/runner/bin.cjs');

/** Runs `pagefind --site <site>`; resolves with its output, or rejects with the end of it. */
export function runPagefind(site: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  // Freed memory goes back to the system after 1 s, not jemalloc's 10 s: ~400 MiB off the peak (docs/deploy.md, "Build machine: memory").
  const settings = { _RJEM_MALLOC_CONF: 'dirty_decay_ms:1000', ...env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, '--site', site, '--force-language', 'en'], { cwd: root, env: settings, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`Pagefind failed (exit ${code}):\n${output.trim().split('\n').slice(-12).join('\n')}`));
    });
  });
}

/** The pages in the index Pagefind wrote into `site`, from its pagefind-entry.json. */
export async function indexedPages(site: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

export async function indexSite({ dist }: BuildContext, log: Log): Promise<void> {
  const started = performance.now();
  const reused = await restoreIndex(dist);
  await runPagefind(dist);
  const pages = await indexedPages(dist);
  if (!pages) throw new Error('Pagefind indexed no page: does every article, profile and event mark its text with data-pagefind-body?');
  const note = reused ? `the last index reused, ${await pruneIndex(path.join(dist, 'pagefind'))} files it no longer uses removed` : 'a fresh index';
  await keepIndex(dist);
  log.info(`Pagefind indexed ${pages} pages, ${note} (${Math.round(performance.now() - started)} ms)`);
}
