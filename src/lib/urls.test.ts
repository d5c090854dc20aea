import { describe, expect, it } from 'vitest';
import { absolute, contentHref, normaliseBase, paths, withBase, withoutBase } from './urls.ts';

describe('normaliseBase: one canonical form for the deploy sub-path', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['news', '/news/'],
    ['/news', '/news/'],
    ['/news/', '/news/'],
    ['//a/b//', '/a/b/'],
  ])('%s → %s', (input, expected) => expect(normaliseBase(input)).toBe(expected));
});

describe('withBase / withoutBase: every emitted path carries the base exactly once', () => {
  it.each([
    ['/', '/', '/'],
    ['/articles/x/', '/', '/articles/x/'],
    ['/articles/x/', '/news/', '/news/articles/x/'],
    ['/search/?q=r1', '/news', '/news/search/?q=r1'],
    ['/timeline/#2025-01-20-deepseek-r1', '/a/b/', '/a/b/timeline/#2025-01-20-deepseek-r1'],
  ])('%s under %s → %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
    expect(withoutBase(expected, base)).toBe(path);
  });

  it.each(['articles/x/', 'https://example.org/', '//evil.example/'])('refuses a non-site path %s', (p) => {
    expect(() => withBase(p, '/')).toThrow(/site path/);
  });
});

describe('absolute: feeds and canonicals are absolute and based', () => {
  it.each([
    ['/articles/x/', 'https://example.org', '/', 'https://example.org/articles/x/'],
    ['/articles/x/', 'https://example.org/', '/news/', 'https://example.org/news/articles/x/'],
    ['/rss.xml', 'http://127.0.0.1:8088', '/oss-ai', 'http://127.0.0.1:8088/oss-ai/rss.xml'],
  ])('%s on %s%s', (path, site, base, expected) => expect(absolute(path, site, base)).toBe(expected));
});

describe('paths: one function per kind of page', () => {
  it.each([
    [paths.article('how-a-hedge-fund-built-deepseek'), '/articles/how-a-hedge-fund-built-deepseek/'],
    [paths.archiveYear(2026), '/archive/2026/'],
    [paths.milestone('2023-07-17-deepseek-spin-off'), '/timeline/2023-07-17-deepseek-spin-off/'],
    [paths.timelineFilter('lab', 'deepseek'), '/timeline/lab/deepseek/'],
    [paths.search({ q: 'r1', lab: 'deepseek' }), '/search/?q=r1&lab=deepseek'],
    [paths.search(), '/search/'],
    [paths.labFeed('deepseek', 'rss.xml'), '/labs/deepseek/rss.xml'],
    [paths.timelineFeed('atom.xml'), '/timeline/atom.xml'],
    [paths.timelineFeed('feed.json', 'deepseek'), '/timeline/lab/deepseek/feed.json'],
    [paths.article('a b'), '/articles/a%20b/'],
  ])('%s', (actual, expected) => expect(actual).toBe(expected));
});

describe("paths.preview: every page's card is named after the page, so a page finds its card without asking", () => {
  it.each([
    [paths.home(), '/og/home.png'],
    [paths.article('how-a-hedge-fund-built-deepseek'), '/og/articles/how-a-hedge-fund-built-deepseek.png'], // as before: old links keep working
    [paths.milestone('2023-07-17-deepseek-spin-off'), '/og/timeline/2023-07-17-deepseek-spin-off.png'],
    [paths.lab('deepseek'), '/og/labs/deepseek.png'],
    [paths.labs(), '/og/labs.png'],
    [paths.archiveYear(2026, 2), '/og/archive/2026/2.png'],
    [paths.timelineFilter('year', '2025'), '/og/timeline/year/2025.png'],
    ['/404.html', '/og/404.png'],
  ])('%s', (page, card) => expect(paths.preview(page)).toBe(card));
});

describe('contentHref: root-relative links in articles gain the base; others pass', () => {
  it.each([
    ['/labs/deepseek/', '/news/', '/news/labs/deepseek/'],
    ['https://arxiv.org/abs/2412.19437', '/news/', 'https://arxiv.org/abs/2412.19437'],
    ['#section', '/news/', '#section'],
    ['//cdn.example/x', '/news/', '//cdn.example/x'],
  ])('%s under %s → %s', (href, base, expected) => expect(contentHref(href, base)).toBe(expected));
});
