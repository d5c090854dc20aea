// npm run build [-- --outDir <dir>]: the whole production build. The content check (every problem
// at once, with file:line) and `astro build` (pages, feeds, host files, and the list of BibTeX files
// and preview images) run in their own processes (side by side in a warm build, Astro waiting for the
// check's verdict before it builds); then the steps over the built site run here (src/integrations/after-build.ts):
// the BibTeX files and preview images, Pagefind, the service worker and the archive. Preview cards
// draw in worker threads from the start (src/previews.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterBuild } from '../src/integrations/after-build.ts';
import { GATE } from '../src/integrations/content-check.ts';
import { previewCacheDir } from '../src/integrations/generated-files.ts';
import { startPreviews } from '../src/previews.ts';
import { contentDir } from '../src/site.ts';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
// Resolved once, against the project root where every step runs, and passed on absolute, so Astro and the after-build steps agree.
const dist = path.resolve(root, at >= 0 ? args[at + 1]! : 'dist');
if (at >= 0) args[at + 1] = dist;

/**
 * Runs a Node script; with `quiet`, its output is kept and returned instead of printed as it comes.
 * Otherwise it shares our terminal and gets an IPC channel (the check gate uses it; unused, it holds nothing open).
 */
function run(argv: string[], env: Record<string, string> = {}, quiet = false): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  const child = spawn(process.execPath, argv, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  return { child, done: new Promise((resolve, reject) => { child.on('error', reject); child.on('close', (code) => resolve({ code, output })); }) };
}

try {
  // Whether earlier builds left preview cards in the cache: if not (a cold build), the card pool
  // below keeps the second core busy from the start.
  const cardsCached = existsSync(previewCacheDir()) && readdirSync(previewCacheDir()).some((f) => f.endsWith('.png'));
  // Preview cards start drawing now, on one worker, from the articles' frontmatter: Astro renders
  // on one core and leaves the other free. After Astro, the pool gets the exact list (src/previews.ts).
  const previews = startPreviews(path.resolve(root, contentDir, 'articles'), previewCacheDir());
  const checkArgv = [path.join(root, 'scripts/check.ts')];
  const astroArgv = [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args];
  let astro: ReturnType<typeof run>;
  if (!cardsCached) {
    // Cold: the check first, then Astro (which need not run it again). Beside Astro's content sync
    // and the card pool, at 20,000 articles, the check slowed the sync from ~20 s to ~52 s.
    const { code, output } = await run(checkArgv, {}, true).done;
    process.stdout.write(output);
    if (code !== 0) throw new Error('content check failed: nothing was built');
    astro = run(astroArgv, { FC_CONTENT_CHECKED: '1' });
  } else {
    // Warm: the check (every problem at once, with file:line) runs beside Astro's start, on the core
    // no card needs. Astro loads its config and syncs the content layer meanwhile, then asks for the
    // verdict and waits for it before it empties dist or builds anything
    // (src/integrations/content-check.ts). A failed check stops Astro there: nothing is built.
    console.log("content check: beside Astro's start (preview cards are cached)");
    const check = run(checkArgv, {}, true);
    astro = run(astroArgv, { FC_CONTENT_CHECK_GATE: '1' });
    const verdict = check.done.then(({ code, output }) => {
      process.stdout.write(output);
      return code === 0;
    });
    astro.child.on('message', (m) => {
      if (m !== GATE.ask) return;
      void verdict.then((passed) => { if (passed && astro.child.connected) astro.child.send(GATE.passed); });
    });
    if (!(await verdict)) {
      astro.child.kill('SIGTERM');
      await astro.done;
      throw new Error('content check failed: nothing was built');
    }
  }
  const built = await astro.done;
  if (built.code !== 0) throw new Error(`astro build exited with ${built.code}`);
  await afterBuild(dist, previews);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
