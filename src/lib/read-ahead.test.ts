import { describe, expect, it } from 'vitest';
import { batchReady, batchesOf, changedSince, expectedArticles, type Stamp } from './read-ahead.ts';

const article = (published: string, title: string, extra = '') => `---\ntitle: ${title}\npublished: ${published}\n${extra}---\nBody.\n`;

describe('expectedArticles: the order Astro writes article pages in (newest first, then title), from frontmatter alone', () => {
  const cases: { name: string; files: { rel: string; text: string }[]; want: string[] }[] = [
    { name: 'newest first', files: [{ rel: 'a.md', text: article('2025-01-02', 'A') }, { rel: 'b.mdx', text: article('2026-03-04', 'B') }], want: ['b', 'a'] },
    { name: 'same day: by title', files: [{ rel: 'z.md', text: article('2026-01-01', 'Beta') }, { rel: 'y.md', text: article('2026-01-01', 'Alpha') }], want: ['y', 'z'] },
    { name: 'quoted values', files: [{ rel: 'q.md', text: article("'2026-01-01'", '"Quoted: title"') }], want: ['q'] },
    { name: 'a folder with index.md takes the folder name', files: [{ rel: 'dir/index.md', text: article('2026-01-01', 'D') }], want: ['dir'] },
    { name: 'drafts are left out', files: [{ rel: 'd.md', text: article('2026-01-01', 'D', 'draft: true\n') }, { rel: 'e.md', text: article('2026-01-01', 'E', 'draft: false\n') }], want: ['e'] },
    { name: 'scheduled after today are left out', files: [{ rel: 'later.md', text: article('2026-12-01', 'L') }, { rel: 'now.md', text: article('2026-11-28', 'N') }], want: ['now'] },
    { name: 'unreadable without YAML: left out (read after Astro)', files: [{ rel: 'block.md', text: '---\ntitle: >\n  Folded\npublished: 2026-01-01\n---\n' }, { rel: 'nofront.md', text: 'no frontmatter' }, { rel: 'partial.md', text: article('2026-01', 'P') }], want: [] },
  ];
  for (const c of cases) it(c.name, () => expect(expectedArticles(c.files, '2026-11-28')).toEqual(c.want));
});

describe('batchesOf: fixed runs in order', () => {
  const cases: [number[], number, number[][]][] = [
    [[], 3, []],
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
    [[1, 2, 3], 3, [[1, 2, 3]]],
    [[1, 2], 5, [[1, 2]]],
  ];
  for (const [list, size, want] of cases) it(`${list.length} in runs of ${size}`, () => expect(batchesOf(list, size)).toEqual(want));
  it('rejects a size below 1 (or not a number)', () => {
    expect(() => batchesOf([1], 0)).toThrow(/at least 1/);
    expect(() => batchesOf([1], Number('x'))).toThrow(/at least 1/);
  });
});

describe('batchReady: a batch is read during Astro only when its last page is surely complete', () => {
  const on = (...files: [string, number][]) => (f: string) => { const hit = files.find(([name]) => name === f); return hit ? { mtimeMs: hit[1] } : undefined; };
  const cases: { name: string; batch: string[]; following: string | undefined; stamp: ReturnType<typeof on>; want: boolean }[] = [
    { name: 'all there, and the next batch started', batch: ['a', 'b'], following: 'c', stamp: on(['a', 1], ['b', 2], ['c', 3]), want: true },
    { name: 'all there, next not started: the last page may be half written', batch: ['a', 'b'], following: 'c', stamp: on(['a', 1], ['b', 2]), want: false },
    { name: 'a page missing (written out of the expected order)', batch: ['a', 'b'], following: 'c', stamp: on(['a', 1], ['c', 3]), want: false },
    { name: 'the last batch: all there and untouched for 1 s', batch: ['a', 'b'], following: undefined, stamp: on(['a', 8_000], ['b', 9_000]), want: true },
    { name: 'the last batch: its newest page written 0.5 s ago', batch: ['a', 'b'], following: undefined, stamp: on(['a', 8_000], ['b', 9_500]), want: false },
    { name: 'the last batch: a page missing', batch: ['a', 'b'], following: undefined, stamp: on(['a', 1]), want: false },
  ];
  for (const c of cases) it(c.name, () => expect(batchReady(c.batch, c.following, c.stamp, 10_000)).toBe(c.want));
});

describe('changedSince: pages rewritten after Pagefind read them', () => {
  const s = (ino: number, size: number, mtimeMs: number): Stamp => ({ ino, size, mtimeMs });
  const read = new Map([['a', s(1, 10, 100)], ['b', s(2, 20, 200)], ['c', s(3, 30, 300)], ['d', s(4, 40, 400)], ['e', s(5, 50, 500)]]);
  const now = new Map([['a', s(1, 10, 100)], ['b', s(2, 21, 200)], ['c', s(9, 30, 300)], ['d', s(4, 40, 401)]]);
  it('names each file whose size, inode or time moved, and each that is gone', () => expect(changedSince(read, (f) => now.get(f))).toEqual(['b', 'c', 'd', 'e']));
  it('nothing when every stamp holds', () => expect(changedSince(read, (f) => read.get(f))).toEqual([]));
});
