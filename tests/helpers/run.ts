/** Runs the project's own CLIs (astro, scripts) on the Node that runs the tests (Node 24). */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const tmp = path.resolve(root, process.env.FC_TEST_TMP ?? 'tests/.tmp/run');

export interface RunResult {
  code: number;
  output: string;
}

/** Vitest sets these to emulate import.meta.env; a child build must not inherit them. */
const TEST_ONLY = /^(VITEST.*|NODE_ENV|TEST|MODE|DEV|PROD|SSR|BASE_URL)$/;

export function run(args: string[], env: Record<string, string> = {}, cwd = root): Promise<RunResult> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !TEST_ONLY.test(k)));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...clean, ...env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** `npm run build` (scripts/build.ts: check, astro build, after-build steps) for a content folder and an output folder. */
export async function astroBuild(opts: { content: string; outDir: string; base?: string; site?: string; env?: Record<string, string> }): Promise<RunResult> {
  const env = {
    FC_CACHE_DIR: `${opts.outDir}-cache`,
    FC_CONTENT_DIR: opts.content,
    BASE_PATH: opts.base ?? '/',
    SITE_URL: opts.site ?? 'https://frontier-commons.example',
    ...opts.env,
  };
  return run([path.join(root, 'scripts/build.ts'), '--outDir', opts.outDir], env);
}
