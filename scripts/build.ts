// npm run build [-- --outDir <dir>]: the whole production build. The content check (every problem
// at once, with file:line) and `astro build` (pages, feeds, host files, and the list of BibTeX files
// and preview images) each run in their own process, so their memory never adds up; then the steps
// over the built site run here (src/integrations/after-build.ts): the BibTeX files and preview
// images, Pagefind, the service worker and the archive. Preview cards draw in worker threads from
// the start (src/previews.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterBuild } from '../src/integrations/after-build.ts';
import { previewCacheDir } from '../src/integrations/generated-files.ts';
import { startPreviews } from '../src/previews.ts';
import { contentDir } from '../src/site.ts';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
// Resolved once, against the project root where every step runs, and passed on absolute, so Astro and the after-build steps agree.
const dist = path.resolve(root, at >= 0 ? args[at + 1]! : 'dist');
if (at >= 0) args[at + 1] = dist;

function step(argv: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(argv[0]!)} exited with ${code}`))));
  });
}

try {
  // Preview cards start drawing now, on one worker, from the articles' frontmatter: Astro renders
  // on one core and leaves the other free. After Astro, the pool gets the exact list (src/previews.ts).
  const previews = startPreviews(path.resolve(root, contentDir, 'articles'), previewCacheDir());
  await step([path.join(root, 'scripts/check.ts')]);
  // FC_CONTENT_CHECKED: the check has just run; the integration need not run it again inside Astro.
  await step([path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], { FC_CONTENT_CHECKED: '1' });
  await afterBuild(dist, previews);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
