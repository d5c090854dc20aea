import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { indexSite, PAGEFIND_ALLOCATOR, pagefindEnv, pagefindOutcome } from './pagefind.ts';

const run = (lines: string[]) => `\nRunning Pagefind v1.6.0 (Extended)\n[Walking source directory]\nFound 12 files matching **/*.{html}\n\n[Parsing files]\n${lines.join('\n')}\n`;
const BODY = 'Found a data-pagefind-body element on the site.\n↳ Ignoring pages without this tag.';
const NO_BODY = 'Did not find a data-pagefind-body element on the site.\n↳ Indexing all <body> elements on the site.';
const TOTAL = (pages: string) => `[Building search indexes]\nTotal: \n  Indexed 1 language\n  ${pages}\n  Indexed 120 words\n\nFinished in 0.2 seconds`;

describe('pagefindOutcome: a Pagefind run the build accepts, or why it stops', () => {
  test.each([
    ['a normal run', 0, run([BODY, TOTAL('Indexed 9 pages')]), { pages: 9 }],
    ['one page', 0, run([BODY, TOTAL('Indexed 1 page')]), { pages: 1 }],
  ])('%s is accepted', (_case, code, output, expected) => {
    expect(pagefindOutcome(code, output)).toEqual(expected);
  });
  test.each([
    ['an error exit stops the build, with what Pagefind said', 1, run(['Error: Pagefind was not able to build an index.']), /Pagefind failed \(exit 1\):[\s\S]*not able to build an index/],
    ['a killed run stops the build', null, run([BODY]), /Pagefind failed \(exit null\)/],
    ['no page with data-pagefind-body stops the build (Pagefind would index navigation and footers)', 0, run([NO_BODY, TOTAL('Indexed 12 pages')]), /no page with data-pagefind-body/],
    ['no page indexed stops the build', 0, run([BODY, TOTAL('Indexed 0 pages')]), /indexed no page/],
    ['a run without a total stops the build', 0, run([BODY]), /indexed no page/],
  ])('%s', (_case, code, output, error) => {
    const outcome = pagefindOutcome(code, output);
    expect('error' in outcome && outcome.error).toMatch(error);
  });
});

describe('indexSite runs the real Pagefind and reads what it really prints', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  /** A built site of `pages`; its pagefind/ folder exists, so no index kept in the build cache is moved into it. */
  const site = async (pages: Record<string, string>) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fc-pagefind-test-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'pagefind'));
    for (const [rel, html] of Object.entries(pages)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${html}</body></html>`);
    }
    return dir;
  };
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };

  test('pages with data-pagefind-body are indexed and counted', async () => {
    const dir = await site({
      'index.html': '<nav>menu</nav>',
      'a/index.html': '<main data-pagefind-body><h1>DeepSeek R1</h1><p>Released under the MIT licence.</p></main>',
      'b/index.html': '<main data-pagefind-body><h1>Qwen3</h1><p>Released under Apache 2.0.</p></main>',
    });
    // The archive waits for this call (after-build.ts): it must come once, before the index is done.
    const calls: string[] = [];
    await indexSite(dir, log, () => calls.push('indexed')).then(() => calls.push('done'));
    expect(calls).toEqual(['indexed', 'done']);
    expect(lines.at(-1)).toMatch(/^Pagefind indexed 2 pages, a fresh index \(read \d+ ms, indexed \d+ ms, written \d+ ms\)/);
    expect(existsSync(path.join(dir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });
  test("the operator's PAGEFIND_EXTENDED_BINARY_PATH is the binary that runs (here one that does not exist: the build stops)", async () => {
    const dir = await site({ 'a/index.html': '<main data-pagefind-body><p>text</p></main>' });
    const before = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = path.join(dir, 'no-such-pagefind');
    try {
      await expect(indexSite(dir, log)).rejects.toThrow(/no-such-pagefind/);
    } finally {
      if (before === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH; else process.env.PAGEFIND_EXTENDED_BINARY_PATH = before;
    }
  });
  test('a site where no page has data-pagefind-body stops the build', async () => {
    const dir = await site({ 'index.html': '<nav>menu</nav><p>Some text on the page.</p>' });
    await expect(indexSite(dir, log)).rejects.toThrow(/no page with data-pagefind-body/);
  });
  test('a site with no HTML stops the build with what Pagefind said', async () => {
    const dir = await site({});
    await expect(indexSite(dir, log)).rejects.toThrow(/Pagefind failed \(exit 1\)[\s\S]*not able to build an index/);
  });
});

describe('pagefindEnv: what of our environment Pagefind sees', () => {
  test.each([
    ['PAGEFIND_* settings are dropped, so the machine cannot change what is indexed', { PAGEFIND_SITE: 'elsewhere', PAGEFIND_EXCLUDE_SELECTORS: 'main', PATH: '/bin' }, { ...PAGEFIND_ALLOCATOR, PATH: '/bin' }],
    ["the binary's path is kept", { PAGEFIND_BINARY_PATH: '/opt/pagefind', PAGEFIND_EXTENDED_BINARY_PATH: '/opt/pf' }, { ...PAGEFIND_ALLOCATOR, PAGEFIND_BINARY_PATH: '/opt/pagefind', PAGEFIND_EXTENDED_BINARY_PATH: '/opt/pf' }],
    ['the allocator setting is added', {}, PAGEFIND_ALLOCATOR],
    ["an operator's own allocator setting wins", { _RJEM_MALLOC_CONF: 'narenas:1' }, { _RJEM_MALLOC_CONF: 'narenas:1' }],
  ])('%s', (_case, env, expected) => {
    expect(pagefindEnv(env)).toEqual(expected);
  });
});
