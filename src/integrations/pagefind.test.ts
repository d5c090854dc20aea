import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

// The kept index goes to a build cache of this test's own (site.ts reads FC_CACHE_DIR when first imported).
const cache = await mkdtemp(path.join(os.tmpdir(), 'fc-pagefind-cache-'));
process.env.FC_CACHE_DIR = cache;
const { indexSite } = await import('./pagefind.ts');

const dirs: string[] = [cache];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A built site of `pages`, with no index of its own. */
async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fc-pagefind-test-'));
  dirs.push(dir);
  for (const [rel, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${html}</body></html>`);
  }
  return dir;
}
const page = (title: string, text: string) => `<main data-pagefind-body><h1>${title}</h1><p>${text}</p></main>`;
const files = async (dir: string) => (await readdir(path.join(dir, 'pagefind'), { recursive: true })).sort();
const lines: string[] = [];
const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };

describe('indexSite: the real Pagefind over a built site', () => {
  test('pages with data-pagefind-body are indexed and counted', async () => {
    await rm(path.join(cache, 'pagefind'), { recursive: true, force: true });
    const dir = await site({
      'index.html': '<nav>menu</nav>',
      'a/index.html': page('DeepSeek R1', 'MIT licence.'),
      'b/index.html': page('Qwen3', 'Apache 2.0.'),
    });
    await indexSite({ dist: dir }, log);
    expect(lines.at(-1)).toMatch(/^Pagefind indexed 2 pages, a fresh index \(\d+ ms\)$/);
    expect(existsSync(path.join(dir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  test('the next build reuses the kept index and removes every file the new index does not use', async () => {
    await rm(path.join(cache, 'pagefind'), { recursive: true, force: true });
    const before = {
      'a/index.html': page('DeepSeek R1', 'MIT licence.'),
      'b/index.html': page('Qwen3', 'Apache 2.0.'),
      'c/index.html': page('Llama 4', 'Community licence.'),
    };
    await indexSite({ dist: await site(before) }, log);
    // One page edited, one removed: their fragments and the old word index must go.
    const after = { 'a/index.html': page('DeepSeek R1', 'MIT licence, weights open.'), 'b/index.html': before['b/index.html'] };
    const reused = await site(after);
    await indexSite({ dist: reused }, log);
    expect(lines.at(-1)).toMatch(/the last index reused, [1-9]\d* files it no longer uses removed/);
    // Exactly the files a fresh index of the same pages has.
    await rm(path.join(cache, 'pagefind'), { recursive: true, force: true });
    const fresh = await site(after);
    await indexSite({ dist: fresh }, log);
    expect(await files(reused)).toEqual(await files(fresh));
  });

  test('a site with no HTML stops the build with what Pagefind said', async () => {
    await expect(indexSite({ dist: await site({}) }, log)).rejects.toThrow(/Pagefind failed \(exit 1\)[\s\S]*not able to build an index/);
  });

  test("the operator's PAGEFIND_EXTENDED_BINARY_PATH is the binary that runs (one that does not exist stops the build)", async () => {
    const dir = await site({ 'a/index.html': page('A', 'text') });
    const before = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = path.join(dir, 'no-such-pagefind');
    try {
      await expect(indexSite({ dist: dir }, log)).rejects.toThrow(/Pagefind failed/);
    } finally {
      if (before === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
      else process.env.PAGEFIND_EXTENDED_BINARY_PATH = before;
    }
  });
});
