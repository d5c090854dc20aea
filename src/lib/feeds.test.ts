import { describe, expect, it } from 'vitest';
import { absoluteHtml, feedMediaTypes, renderFeed, summary, type FeedItem, type FeedMeta } from './feeds.ts';

const page = 'https://example.org/news/articles/a-piece/';

describe('absoluteHtml: a rendered piece made fit for a feed reader', () => {
  it.each([
    ['a based site path', '<a href="/news/labs/x/">x</a>', '<a href="https://example.org/news/labs/x/">x</a>'],
    ['a fragment (footnote, paragraph)', '<a href="#fn-1">1</a>', `<a href="${page}#fn-1">1</a>`],
    ['a relative image', '<img src="img.png" alt="">', `<img src="${page}img.png" alt="">`],
    ['a srcset', '<img srcset="/a.png 1x, b.png 2x" alt="">', `<img srcset="https://example.org/a.png 1x, ${page}b.png 2x" alt="">`],
    ['an external link, untouched', '<a href="https://github.com/x" rel="noopener">x</a>', '<a href="https://github.com/x" rel="noopener">x</a>'],
    ['a heading permalink, dropped', '<h2 id="a">A<a href="#a" class="anchor" aria-label="Permalink"></a></h2>', '<h2 id="a">A</h2>'],
    ['a paragraph link, dropped', '<p id="p-1">Text.<a href="#p-1" class="para-link" aria-label="Link to this paragraph"></a></p>', '<p id="p-1">Text.</p>'],
    ['a link merely named like one, kept', '<a href="/x/" class="anchored">x</a>', '<a href="https://example.org/x/" class="anchored">x</a>'],
    ['text with markup characters', '<p>1 &lt; 2 &amp; "q"</p>', '<p>1 &lt; 2 &amp; "q"</p>'],
  ])('%s', (_, html, expected) => expect(absoluteHtml(html, page)).toBe(expected));
});

const meta: FeedMeta = {
  title: 'Site',
  description: 'About',
  homeUrl: 'https://example.org/news/',
  language: 'en',
  author: 'Site',
  feedUrls: {
    'rss.xml': 'https://example.org/news/rss.xml',
    'atom.xml': 'https://example.org/news/atom.xml',
    'feed.json': 'https://example.org/news/feed.json',
  },
  stylesheet: '/news/feed.xsl',
};
const item: FeedItem = {
  url: page,
  title: 'A <piece>',
  dek: 'The dek.',
  content: '<p>Whole <a href="https://example.org/x/">text</a>.</p>',
  published: '2025-01-20',
  corrections: [{ date: '2025-01-22', note: 'A date was wrong.' }],
  categories: ['DeepSeek'],
  author: 'A. Writer',
};

describe('renderFeed: the whole piece, the dek as summary, in each format', () => {
  it.each([
    [
      'rss.xml',
      [
        /<content:encoded><!\[CDATA\[<p>Whole <a href="https:\/\/example.org\/x\/">text<\/a>.<\/p>\]\]><\/content:encoded>/,
        /<description><!\[CDATA\[The dek. Correction \(22 January 2025\): A date was wrong.\]\]><\/description>/,
        /<dc:creator>A. Writer<\/dc:creator>/,
        /^<\?xml version="1.0" encoding="utf-8"\?><\?xml-stylesheet href="\/news\/feed.xsl" type="text\/xsl"\?>/,
      ],
    ],
    [
      'atom.xml',
      [
        /<content type="html"><!\[CDATA\[<p>Whole/,
        /<summary type="html"><!\[CDATA\[The dek\./,
        /<author>\s*<name>A. Writer<\/name>/,
        /xml-stylesheet href="\/news\/feed.xsl"/,
      ],
    ],
  ] as const)('%s', (format, patterns) => {
    const { body, type } = renderFeed(format, meta, [item]);
    for (const p of patterns) expect(body).toMatch(p);
    expect(type).toBe('application/xml; charset=utf-8');
  });
  it('rss.xml has no <author>, which RSS 2.0 keeps for an email address', () => {
    expect(renderFeed('rss.xml', meta, [item]).body).not.toMatch(/<author>/);
  });
  it('feed.json: JSON Feed 1.1 with content_html and the summary', () => {
    const { body, type } = renderFeed('feed.json', meta, [item]);
    const json = JSON.parse(body);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]).toMatchObject({ content_html: item.content, summary: summary(item), date_modified: '2025-01-22T00:00:00.000Z' });
    expect(json.items[0].content_text).toBeUndefined();
    expect(type).toBe(feedMediaTypes['feed.json']);
  });
});
