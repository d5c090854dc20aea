/**
 * The incremental build (cache kept between builds) must make exactly the site a cold build makes.
 * Two builds share a cache: the second follows edits that touch a page, its preview image, its
 * BibTeX and the "Related" box of another page. A third, cold build of the edited content is the
 * reference: every page, image and file must match it byte for byte, and untouched pieces must
 * have been copied from the cache rather than rendered (pages) or drawn (preview images) again.
 */
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, root, tmp } from '../helpers/run.ts';

const work = path.join(tmp, 'incremental');
const content = path.join(work, 'content');
const env = { FC_TODAY: '2026-01-01' };

/** A plain-Markdown piece related to the fixture's alpha article (same lab, model and person). */
const piece = (slug: string, title: string, body: string) =>
  [
    slug,
    `---
title: "${title}"
dek: "A piece for the incremental-build test."
published: '2025-03-0${slug.endsWith('one') ? 1 : 2}'
kind: analysis
labs: [deepseek]
models: [deepseek-r1]
people: [liang-wenfeng]
topics: [markets]
sources:
  - title: DeepSeek-R1 repository
    url: https://github.com/deepseek-ai/DeepSeek-R1
---

${body}
`,
  ] as const;

async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), await readFile(path.join(e.parentPath, e.name)));
  }
  return out;
}

let warmLog = '';
let cardsAfterFirst: string[] = [];
let cardsAfterWarm: string[] = [];
let warm: Map<string, Buffer>;
let cold: Map<string, Buffer>;

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await cp(path.join(root, 'tests/fixtures/good/content'), content, { recursive: true });
  for (const [slug, text] of [piece('incremental-one', 'Incremental one', 'First body.'), piece('incremental-two', 'Incremental two', 'Second body.')]) {
    await writeFile(path.join(content, 'articles', `${slug}.md`), text);
  }
  const outDir = path.join(work, 'dist');
  const first = await astroBuild({ content, outDir, env });
  expect(first.code, first.output).toBe(0);
  const cards = async () => (await readdir(`${outDir}-cache/og-images`)).filter((f) => f.endsWith('.png')); // astroBuild's FC_CACHE_DIR
  cardsAfterFirst = await cards();

  // Edits: a new title for "one" (its page, preview, BibTeX, and the Related box of the others), a new body for "two".
  const one = path.join(content, 'articles/incremental-one.md');
  await writeFile(one, (await readFile(one, 'utf8')).replace('title: "Incremental one"', 'title: "Incremental one, renamed"'));
  const two = path.join(content, 'articles/incremental-two.md');
  await writeFile(two, (await readFile(two, 'utf8')).replace('Second body.', 'Second body, edited.'));

  const second = await astroBuild({ content, outDir, env });
  expect(second.code, second.output).toBe(0);
  warmLog = second.output;
  cardsAfterWarm = await cards();
  warm = await files(outDir);

  const reference = await astroBuild({ content, outDir: path.join(work, 'cold'), env });
  expect(reference.code, reference.output).toBe(0);
  cold = await files(path.join(work, 'cold'));
}, 300_000);

describe('incremental build: the same site as a cold build', () => {
  it('makes the same files', () => expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort()));

  it('every file has the same bytes as in the cold build', () => {
    const differ = [...cold].filter(([f, bytes]) => !warm.get(f)?.equals(bytes)).map(([f]) => f);
    expect(differ).toEqual([]);
  });

  it('shows the edits: new title on the page, its preview, its BibTeX and the Related box of another piece; new body', () => {
    const text = (f: string) => warm.get(f)!.toString('utf8');
    expect(text('articles/incremental-one/index.html')).toContain('<h1 data-pagefind-meta="title">Incremental one, renamed</h1>');
    expect(text('articles/incremental-one/cite.bib')).toContain('Incremental one, renamed');
    expect(text('articles/alpha-fixture-article/index.html')).toMatch(/id="related-heading"[\s\S]*Incremental one, renamed/);
    expect(text('articles/incremental-two/index.html')).toContain('Second body, edited.');
  });

  it('copies what did not change from the cache instead of rendering or drawing it', () => {
    expect(warmLog).toMatch(/\/articles\/[\w-]+\/index\.html \(restored\)/);
    expect(warmLog).not.toMatch(/\/articles\/incremental-one\/index\.html \(restored\)/);
    // Only the renamed piece's card is new in the cache; its old card is pruned, the others are kept.
    expect(cardsAfterWarm.filter((f) => !cardsAfterFirst.includes(f))).toHaveLength(1);
    expect(cardsAfterFirst.filter((f) => !cardsAfterWarm.includes(f))).toHaveLength(1);
    // The search index is written over the last one, and what the edits made obsolete is removed
    // (the byte-for-byte comparison above shows nothing stale or missing is left).
    expect(warmLog).toMatch(/Pagefind indexed \d+ pages, the last index reused, [1-9]\d* files it no longer uses removed/);
  });

  it("renders from the content store kept in the build cache, this build's (src/integrations/content-store.ts)", async () => {
    const store = await readFile(path.join(work, 'dist-cache/content-store.json'), 'utf8');
    expect(store).toContain('Incremental one, renamed');
    expect(warmLog).not.toContain('content store module is not in the shape');
  });
});
