// npm run build [-- --outDir <dir>]: the whole production build, one step after the other:
//   1. the content check (scripts/check.ts): every problem at once, with file:line; a problem stops the build;
//   2. `astro build`: pages, feeds, host files, and the list of BibTeX files and preview images to write;
//   3. the steps over the built site (src/integrations/): stages in order, the steps of a stage side by side.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGeneratedFiles } from '../src/integrations/generated-files.ts';
import { writeArchive } from '../src/integrations/offline-archive.ts';
import { indexSite } from '../src/integrations/pagefind.ts';
import { precacheLimit, writeServiceWorker } from '../src/integrations/service-worker.ts';
import { runSteps, type Step } from '../src/integrations/steps.ts';
import { basePath, siteUrl } from '../src/lib/settings.ts';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
// Resolved against the project root and passed on absolute, so Astro and the steps agree.
const dist = path.resolve(root, at >= 0 ? args[at + 1]! : 'dist');
if (at >= 0) args[at + 1] = dist;

const STAGES: Step[][] = [
  // Cards are drawn on the cores that Pagefind, mostly single-threaded while it writes, leaves free.
  [
    { name: 'generated-files', run: writeGeneratedFiles },
    { name: 'pagefind', run: indexSite },
  ],
  // The service worker precaches the search index, so it follows Pagefind.
  [
    { name: 'service-worker', run: writeServiceWorker },
    { name: 'offline-archive', run: writeArchive },
  ],
];

/** Runs a Node script in its own process, sharing our terminal; rejects unless it exits with 0. */
function run(script: string, argv: string[], failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, script), ...argv], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${failure} (exit ${code})`))));
  });
}

try {
  // Settings read only at the end of the build are checked first, so a bad one stops it at once.
  precacheLimit();
  siteUrl(process.env.SITE_URL);
  basePath(process.env.BASE_PATH);
  await run('scripts/check.ts', [], 'content check failed: nothing was built');
  await run('node_modules/astro/bin/astro.mjs', ['build', ...args], 'astro build failed');
  await runSteps({ dist }, STAGES);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
