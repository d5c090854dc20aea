import { describe, expect, it } from 'vitest';
import { basePath, siteUrl } from './settings.ts';

describe('SITE_URL: an http(s) origin, or a clear error naming the variable, the value and a good example', () => {
  it.each([
    [undefined, 'http://localhost:4321'],
    ['', 'http://localhost:4321'],
    ['https://example.org', 'https://example.org'],
    ['https://example.org/', 'https://example.org'],
    ['http://127.0.0.1:8088', 'http://127.0.0.1:8088'],
  ])('%o → %s', (v, want) => expect(siteUrl(v)).toBe(want));
  it.each([
    ['example.org', 'SITE_URL="example.org" is not an absolute URL; for example SITE_URL=https://example.org'],
    ['! Invalid', 'SITE_URL="! Invalid" is not an absolute URL'],
    ['ftp://example.org', 'must be an http(s) URL, not ftp:'],
    ['https://example.org/news/', 'put the path in BASE_PATH (BASE_PATH=/news/); for example SITE_URL=https://example.org'],
    ['https://example.org/?a=1', 'must not have a query or a fragment'],
    ['https://user:pw@example.org', 'must not hold a user name or password'],
  ])('%s is refused', (v, message) => expect(() => siteUrl(v)).toThrow(message));
});

describe('BASE_PATH: a sub-path, normalised, or a clear error', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['news', '/news/'],
    ['/news/', '/news/'],
    ['/a/b', '/a/b/'],
    ['/v1.2/', '/v1.2/'],
  ])('%o → %s', (v, want) => expect(basePath(v)).toBe(want));
  it.each([
    ['https://example.org/news/', 'BASE_PATH="https://example.org/news/" must be a path, not a URL'],
    ['/new s/', 'may hold only URL path characters'],
    ['/news?x=1', 'may hold only URL path characters'],
    ['/a/../b/', 'must not contain "." or ".." segments'],
    ['\\news\\', 'may hold only URL path characters (no spaces, ?, # or \\); for example BASE_PATH=/news/'],
  ])('%s is refused', (v, message) => expect(() => basePath(v)).toThrow(message));
});
