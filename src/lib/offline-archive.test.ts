import { describe, expect, it } from 'vitest';
import { decode, filtersOf, indexScript, pageForDisk, relativeLink, searchableText, tagMatches, type IndexEntry } from './offline-archive.ts';

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

describe('tagMatches gives the matches matchAll gives, trying the pattern only near the needle', () => {
  const patterns: [RegExp, string][] = [
    [/<(\w+)[^>]*\sdata-pagefind-body[^>]*>([\s\S]*?)<\/\1>/g, 'data-pagefind-body'],
    [/<(\w+)[^>]*\sdata-pagefind-ignore(?:="[^"]*")?[^>]*>[\s\S]*?<\/\1>/g, 'data-pagefind-ignore'],
    [/<(\w+)[^>]*\sdata-pagefind-filter="([^"]+)"[^>]*>/g, 'data-pagefind-filter="'],
  ];
  const plain = (text: string, re: RegExp) => [...text.matchAll(new RegExp(re))].map((m) => [m.index, ...m]);
  const ours = (text: string, re: RegExp, needle: string) => [...tagMatches(text, re, needle)].map((m) => [m.index, ...m]);
  it.each([
    ['none', '<p>text</p>'],
    ['one body', '<main><article data-pagefind-body><p>x</p></article></main>'],
    ['two bodies', '<div data-pagefind-body>a</div><p>b</p><p data-pagefind-body>c</p>'],
    ['the needle in text, not in a tag', '<p>write data-pagefind-body on it</p><div data-pagefind-body>x</div>'],
    ['the needle in another attribute value', '<a title="a data-pagefind-body b">x</a>'],
    ['a stray < before the tag', '<p>1 < 2 <div data-pagefind-body>x</div>'],
    ['no whitespace before the needle', '<divdata-pagefind-body>x</div><i data-pagefind-body>y</i>'],
    ['unclosed', '<div data-pagefind-body>never closed'],
    ['a filter with and without a value', '<span data-pagefind-filter="lab">A</span><b data-pagefind-filter="type:Article"></b>'],
    ['ignored with a value', '<ul data-pagefind-ignore="all"><li>x</li></ul><p data-pagefind-ignore>y</p>'],
  ])('%s', (_, text) => {
    for (const [re, needle] of patterns) expect(ours(text, re, needle)).toEqual(plain(text, re));
  });
  it('on 3,000 random strings of tags, attributes and text', () => {
    const parts = [
      '<',
      '>',
      '<div',
      '<p',
      '</div>',
      '</p>',
      ' data-pagefind-body',
      'data-pagefind-body',
      ' data-pagefind-ignore',
      '="all"',
      ' data-pagefind-filter="',
      'lab',
      'type:Article',
      '"',
      ' ',
      'text',
      '\n',
      '<<',
      '>>',
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let j = rand(40); j > 0; j--) text += parts[rand(parts.length)];
      for (const [re, needle] of patterns) expect(ours(text, re, needle), text).toEqual(plain(text, re));
    }
  });
});
