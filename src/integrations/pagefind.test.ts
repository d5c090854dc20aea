// The search index read ahead while Astro writes (SiteIndex), with the real Pagefind on a small
// site written page by page as Astro would: the index must equal one read after the fact, and a
// page rewritten after Pagefind read it must not leave its old text in the index. (Pagefind counts
// every HTML file it reads as a page, the home page here too; only data-pagefind-body pages are searchable.)
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let tmp: string;
let SiteIndex: typeof import('./pagefind.ts').SiteIndex;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fc-pagefind-'));
  vi.stubEnv('FC_CACHE_DIR', path.join(tmp, 'cache'));
  vi.stubEnv('FC_SEARCH_BATCH', '1');
  ({ SiteIndex } = await import('./pagefind.ts'));
});
afterAll(() => { vi.unstubAllEnvs(); rmSync(tmp, { recursive: true, force: true }); });

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${text}</p></main></body></html>`;
const pages: [string, string][] = [
  ['articles/newest/index.html', page('Newest', 'alpha weights released')],
  ['articles/middle/index.html', page('Middle', 'beta licence terms')],
  ['articles/oldest/index.html', page('Oldest', 'gamma benchmark scores')],
  ['labs/x/index.html', page('Lab X', 'a lab page')],
  ['index.html', '<!doctype html><html lang="en"><body>home, not searchable</body></html>'],
];
const write = (dist: string, rel: string, html: string) => { mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true }); writeFileSync(path.join(dist, rel), html); };
const expected = Promise.resolve(['newest', 'middle', 'oldest']);
const files = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString('base64')]));
const log = () => { const lines: string[] = []; return { lines, info: (m: string) => lines.push(m), warn: (m: string) => lines.push(`WARN ${m}`) }; };

/** The index of the finished site in `dist`, read after the fact (no read-ahead). */
async function after(dist: string) {
  const index = await SiteIndex.start(dist, expected, false);
  const l = log();
  await index.finish(l);
  expect(l.lines.join('\n')).toMatch(/Pagefind indexed 5 pages, 0 of them read while Astro built/);
  return files(path.join(dist, 'pagefind'));
}

describe('SiteIndex: reading the search index ahead of Astro', () => {
  it('reads batches while pages are written, and writes the same index as reading after the fact', async () => {
    const dist = path.join(tmp, 'ahead');
    const index = await SiteIndex.start(dist, expected, true);
    for (const [rel, html] of pages) write(dist, rel, html);
    // "oldest" has no batch after it: it is read once its file has been still for a second.
    await new Promise((r) => setTimeout(r, 2000));
    const l = log();
    await index.finish(l);
    expect(l.lines.join('\n')).toMatch(/Pagefind indexed 5 pages, 3 of them read while Astro built; a fresh index/);
    const ahead = files(path.join(dist, 'pagefind'));
    rmSync(path.join(dist, 'pagefind'), { recursive: true });
    expect(ahead).toEqual(await after(dist));
  });

  it('a page rewritten after Pagefind read it: reads every page again, so the index has only the new text', async () => {
    const dist = path.join(tmp, 'rewritten');
    const index = await SiteIndex.start(dist, expected, true);
    for (const [rel, html] of pages) write(dist, rel, html);
    await new Promise((r) => setTimeout(r, 2000));
    write(dist, pages[0]![0], page('Newest', 'alpha weights withdrawn, a longer text than before'));
    const l = log();
    await index.finish(l);
    expect(l.lines.join('\n')).toMatch(/WARN 1 page\(s\) changed after Pagefind read them \(first: articles\/newest\/index\.html\); reading every page again/);
    const reread = files(path.join(dist, 'pagefind'));
    rmSync(path.join(dist, 'pagefind'), { recursive: true });
    expect(reread).toEqual(await after(dist));
  });
});
