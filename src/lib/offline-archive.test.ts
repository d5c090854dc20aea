import { describe, expect, it } from 'vitest';
import { decode, filtersOf, indexScript, pageForDisk, relativeLink, searchableText, type IndexEntry } from './offline-archive.ts';

describe('relativeLink: every link works from disk, with an explicit index.html', () => {
  it.each([
    ['/', '/', 'index.html'],
    ['/', '/labs/deepseek/', 'labs/deepseek/index.html'],
    ['/articles/x/', '/labs/deepseek/', '../../labs/deepseek/index.html'],
    ['/articles/x/', '/timeline/year/2025/#2025-01-20-deepseek-r1', '../../timeline/year/2025/index.html#2025-01-20-deepseek-r1'],
    ['/articles/x/', '/search/?q=r1', '../../search/index.html?q=r1'],
    ['/articles/x/', '/_astro/a.css', '../../_astro/a.css'],
    ['/404.html', '/about/', 'about/index.html'],
  ])('from %s to %s', (from, to, expected) => expect(relativeLink(from, to)).toBe(expected));
});

describe('pageForDisk', () => {
  const html =
    '<html><head><meta http-equiv="Content-Security-Policy" content="x"><link rel="manifest" href="/news/m">' +
    '<link rel="stylesheet" href="/news/_astro/a.css"></head><body><a href="/news/labs/x/">x</a><a href="https://example.org/">e</a>' +
    '<form action="/news/search/"></form><script type="module" src="/news/_astro/s.js"></script></body></html>';
  it('rewrites base links, keeps external ones, drops module scripts, CSP meta and manifest', () => {
    const out = pageForDisk(html, '/articles/a/', '/news/', '<script src="x.js"></script>');
    expect(out).toContain('href="../../labs/x/index.html"');
    expect(out).toContain('href="../../_astro/a.css"');
    expect(out).toContain('action="../../search/index.html"');
    expect(out).toContain('href="https://example.org/"');
    expect(out).not.toContain('type="module"');
    expect(out).not.toContain('Content-Security-Policy');
    expect(out).not.toContain('rel="manifest"');
    expect(out).toContain('<script src="x.js"></script></head>');
  });
});

describe('index extraction mirrors Pagefind', () => {
  const page =
    '<main><article data-pagefind-body><h1>R1 &amp; V3</h1><ul data-pagefind-ignore data-pagefind-filter="type:Article">' +
    '<li><a data-pagefind-filter="lab">DeepSeek</a></li></ul><p>梁文锋 founded it.</p></article><footer>chrome</footer></main>';
  it('text of the body only, ignoring ignored parts, entities decoded', () => {
    expect(searchableText(page)).toBe('R1 & V3 梁文锋 founded it.');
  });
  it('filters in both forms', () => {
    expect(filtersOf(page)).toEqual({ type: ['Article'], lab: ['DeepSeek'] });
  });
  it.each([
    ['&lt;b&gt;', '<b>'],
    ['&#39;', "'"],
    ['&#x6881;', '梁'],
  ])('decode %s', (a, b) => expect(decode(a)).toBe(b));
  it('the index script cannot close a script element', () => {
    const s = indexScript([{ u: 'a', t: '</script><script>x()</script>', d: '', x: '', type: 'Article', date: '', f: {} }]).toString('utf8');
    expect(s).not.toContain('</script>');
    expect(s.startsWith('window.FC_INDEX=')).toBe(true);
  });
  it.each([
    ['no entries', []],
    ['one entry', [{ u: 'a/index.html', t: 'T', d: 'D', x: 'text', type: 'Article', date: '2025-01-20', f: { lab: ['DeepSeek'] } }]],
    [
      'several, with quotes, non-Latin text and a < in them',
      [
        { u: 'a', t: '“Open” weights', d: 'd', x: 'it’s 梁文锋 <b>', type: 'Article', date: '', f: {} },
        { u: 'b', t: 'B', d: '', x: 'plain', type: 'Lab', date: '', f: { topic: ['Policy', 'Chips'] } },
        { u: 'c', t: 'C', d: '', x: '', type: 'Event', date: '2024', f: {} },
      ],
    ],
  ] as [string, IndexEntry[]][])('the index script, an entry at a time, is the script of the whole index serialised at once: %s', (_case, entries) => {
    expect(indexScript(entries).toString('utf8')).toBe(`window.FC_INDEX=${JSON.stringify(entries).replace(/</g, '\\u003c')};\n`);
  });
});
