import { describe, expect, it } from 'vitest';
import { enginesInUse, planPrecache, precacheLimitKiB, SEARCH_ON_REQUEST, withoutUnusedEngines } from './precache.ts';

const files = [
  { url: '/news/index.html', size: 12_000 },
  { url: '/news/_astro/BaseLayout.css', size: 6_000 },
  { url: '/news/pagefind/pagefind.js', size: 47_000 },
  { url: '/news/pagefind/wasm.en.pagefind', size: 60_000 },
  { url: '/news/pagefind/pagefind.en_1.pf_meta', size: 2_000 },
  { url: '/news/pagefind/filter/en_2.pf_filter', size: 4_000 },
  { url: '/news/pagefind/index/en_3.pf_index', size: 28_000 },
  { url: '/news/pagefind/fragment/en_4.pf_fragment', size: 1_000 },
];
const total = files.reduce((s, f) => s + f.size, 0);

describe('the first visit precaches everything up to the limit, and above it all but the search index', () => {
  it.each([
    ['well under the limit', total * 2, files.length, 0],
    ['exactly at the limit', total, files.length, 0],
    ['one byte over', total - 1, files.length - 2, 2],
    ['a limit of 0', 0, files.length - 2, 2],
  ])('%s', (_, limit, precached, onRequest) => {
    const plan = planPrecache(files, limit);
    expect(plan.precache).toHaveLength(precached);
    expect(plan.onRequest).toHaveLength(onRequest);
    // Nothing is lost: every file is in one list or the other.
    expect([...plan.precache, ...plan.onRequest].map((f) => f.url).sort()).toEqual(files.map((f) => f.url).sort());
  });
  it('above the limit, the engine, metadata and filters stay (no search starts without them)', () => {
    const urls = planPrecache(files, 0).precache.map((f) => f.url);
    for (const kept of [
      '/news/pagefind/pagefind.js',
      '/news/pagefind/wasm.en.pagefind',
      '/news/pagefind/pagefind.en_1.pf_meta',
      '/news/pagefind/filter/en_2.pf_filter',
      '/news/index.html',
    ])
      expect(urls).toContain(kept);
  });
});

describe("which files are the search index's", () => {
  it.each([
    ['/news/pagefind/index/en_3.pf_index', true],
    ['/news/pagefind/fragment/en_4.pf_fragment', true],
    ['pagefind/fragment/en_4.pf_fragment', true], // before the base is added
    ['https://example.org/pagefind/index/en_3.pf_index', true],
    ['/news/pagefind/filter/en_2.pf_filter', false],
    ['/news/pagefind/pagefind.en_1.pf_meta', false],
    ['/news/pagefind/pagefind.js', false],
    ['/news/articles/pagefind/index/x.pf_index.html', false],
    ['/news/notpagefind/index/en_3.pf_index', false],
  ])('%s: %s', (url, matched) => expect(SEARCH_ON_REQUEST.test(url)).toBe(matched));
});

describe('FC_PRECACHE_LIMIT_KIB', () => {
  it.each([
    [undefined, 3072],
    ['', 3072],
    ['0', 0],
    ['512', 512],
    [' 64 ', 64],
  ])('%o → %d KiB', (value, kib) => expect(precacheLimitKiB(value, 3072)).toBe(kib));
  it.each(['3MB', '-1', '1.5', 'lots'])('refuses %o, naming the variable', (value) =>
    expect(() => precacheLimitKiB(value, 3072)).toThrow(/FC_PRECACHE_LIMIT_KIB: ".*" is not a whole number of KiB/),
  );
});

describe('only the WebAssembly engines a search loads are precached', () => {
  it.each([
    ['one language with its own engine', { en: { wasm: 'en' } }, ['en']],
    ['two languages', { en: { wasm: 'en' }, fr: { wasm: 'fr' } }, ['en', 'fr']],
    ['a language Pagefind has no engine for', { en: { wasm: 'en' }, zh: {} }, ['en', 'unknown']],
    ['an engine named as empty', { xx: { wasm: '' } }, ['unknown']],
  ])('%s', (_, languages, engines) => expect([...enginesInUse({ languages })].sort()).toEqual(engines));
  it.each([
    [['en'], ['/news/pagefind/wasm.en.pagefind']],
    [
      ['en', 'unknown'],
      ['/news/pagefind/wasm.en.pagefind', '/news/pagefind/wasm.unknown.pagefind'],
    ],
    [['unknown'], ['/news/pagefind/wasm.unknown.pagefind']],
  ])('engines in use %o', (inUse, kept) => {
    const list = [...files, { url: '/news/pagefind/wasm.unknown.pagefind', size: 55_000 }, { url: '/news/pagefind/wasm.fr.pagefind', size: 58_000 }];
    const out = withoutUnusedEngines(list, new Set(inUse)).map((f) => f.url);
    expect(out.filter((u) => u.includes('/wasm.'))).toEqual(kept);
    // Everything that is not an engine stays.
    expect(out.filter((u) => !u.includes('/wasm.'))).toEqual(files.filter((f) => !f.url.includes('/wasm.')).map((f) => f.url));
  });
});
