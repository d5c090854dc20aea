/**
 * The W3C Nu HTML checker (vnu-jar, run on Java) over one built page of every template: 0 errors.
 * It is stricter than html-validate on structure: nothing may follow </html>, headings may not skip levels.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { pageFile } from '../helpers/dist.ts';

const site = inject('siteDist');
const fixture = inject('fixtureDist');
const vnuJar = String(createRequire(import.meta.url)('vnu-jar')); // the package exports the jar's path

const first = async (dir: string) =>
  (await readdir(path.join(site, dir), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()[0]!;

async function templates(): Promise<[string, string][]> {
  const pages: [string, string][] = [
    ['article (.md)', pageFile(site, '/articles/how-a-hedge-fund-built-deepseek/')],
    ['article (.mdx, with a component and a correction)', pageFile(fixture, '/articles/alpha-fixture-article/')],
    ['home', pageFile(site, '/')],
    ['archive', pageFile(site, '/archive/')],
    ['archive year', pageFile(site, `/archive/${(await readdir(path.join(site, 'archive'))).filter((d) => /^\d{4}$/.test(d)).sort()[0]}/`)],
    ['labs', pageFile(site, '/labs/')],
    ['lab', pageFile(site, '/labs/deepseek/')],
    ['models', pageFile(site, '/models/')],
    ['model', pageFile(site, `/models/${await first('models')}/`)],
    ['people', pageFile(site, '/people/')],
    ['person', pageFile(site, `/people/${await first('people')}/`)],
    ['topics', pageFile(site, '/topics/')],
    ['topic', pageFile(site, `/topics/${await first('topics')}/`)],
    ['timeline', pageFile(site, '/timeline/')],
    ['timeline event', pageFile(site, '/timeline/2025-01-20-deepseek-r1/')],
    ['timeline year', pageFile(site, '/timeline/year/2025/')],
    ['timeline by lab', pageFile(site, '/timeline/lab/deepseek/')],
    ['timeline by kind', pageFile(site, '/timeline/kind/model-release/')],
    ['search', pageFile(site, '/search/')],
    ['about', pageFile(site, '/about/')],
    ['404', path.join(site, '404.html')],
    ['redirect stub', pageFile(fixture, '/articles/old-alpha/')],
  ];
  if (existsSync(pageFile(site, '/corrections/'))) pages.push(['corrections', pageFile(site, '/corrections/')]);
  return pages;
}

/** vnu's JSON report (it writes it on stderr) for many files in one Java start. */
function vnu(files: string[]): Promise<{ messages: { type: string; subType?: string; url: string; lastLine?: number; message: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-jar', vnuJar, '--format', 'json', ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    let out = '';
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', (e) => reject(new Error(`could not run java (${e.message}): install default-jre-headless (.ci/run does)`)));
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`vnu did not report JSON:\n${out}`));
      }
    });
  });
}

describe('W3C Nu HTML checker: one page of every template', () => {
  it('0 errors', async () => {
    const pages = await templates();
    for (const [name, file] of pages) expect(existsSync(file), `${name}: ${file}`).toBe(true);
    const report = await vnu(pages.map(([, f]) => f));
    const name = (url: string) => pages.find(([, f]) => url.endsWith(f))?.[0] ?? url;
    const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${name(m.url)}:${m.lastLine ?? '?'}: ${m.message}`);
    expect(errors).toEqual([]);
  }, 180_000);
});
