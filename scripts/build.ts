// npm run build [-- --outDir <dir>]: the whole production build. The content check (every problem
// at once, with file:line) and `astro build` (pages, feeds, host files, and the list of BibTeX files
// and preview images) run in their own processes, side by side, Astro waiting for the check's verdict
// before it builds; then the steps over the built site run here (src/integrations/after-build.ts):
// the BibTeX files and preview images, Pagefind, the service worker and the archive. Preview cards
// draw in worker threads once the check has passed (src/previews.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterBuild } from '../src/integrations/after-build.ts';
import { GATE } from '../src/integrations/content-check.ts';
import { previewCacheDir } from '../src/integrations/generated-files.ts';
import { precacheLimit } from '../src/integrations/service-worker.ts';
import { startPreviews } from '../src/previews.ts';
import { basePath, siteUrl } from '../src/lib/settings.ts';
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
  // Settings read only at the end of the build are checked first, so a bad one stops it at once.
  precacheLimit();
  siteUrl(process.env.SITE_URL);
  basePath(process.env.BASE_PATH);
  // The check (every problem at once, with file:line) runs beside Astro's start. Astro loads its
  // config and syncs the content layer meanwhile, then asks for the verdict and waits for it before
  // it empties dist or builds anything (src/integrations/content-check.ts). A failed check stops
  // Astro there: nothing is built. Astro's start uses one core and the check the other.
  console.log("content check: beside Astro's start, which waits for its verdict");
  const check = run([path.join(root, 'scripts/check.ts')], {}, true);
  const astro = run([path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], { FC_CONTENT_CHECK_GATE: '1' });
  const verdict = check.done.then(({ code, output }) => {
    process.stdout.write(output);
    return code === 0;
  });
  astro.child.on('message', (m) => {
    if (m !== GATE.ask) return;
    void verdict.then((passed) => { if (passed && astro.child.connected) astro.child.send(GATE.passed); });
  });
  // Preview cards draw on one worker from the articles' frontmatter, once the check has passed:
  // Astro renders on one core and leaves the other to them. Started beside the check, they made it
  // a third process on two cores (a cold build then ran the check first, ~2.5 s at 5,000 articles,
  // with nothing else of the build moving). After Astro, the pool gets the exact list (src/previews.ts).
  const previews = startPreviews(path.resolve(root, contentDir, 'articles'), previewCacheDir(), verdict);
  if (!(await verdict)) {
    astro.child.kill('SIGTERM');
    await astro.done;
    await previews.close();
    throw new Error('content check failed: nothing was built');
  }
  const built = await astro.done;
  if (built.code !== 0) throw new Error(`astro build exited with ${built.code}`);
  await afterBuild(dist, previews);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
