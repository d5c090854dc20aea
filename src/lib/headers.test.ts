import { describe, expect, it } from 'vitest';
import { CHARSET_TYPES, csp, FILE_TYPES, GZIP_TYPES, netlifyHeaders, netlifyRedirects, nginxSnippet, securityHeaders } from './headers.ts';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

describe('CSP: strict, with only what Pagefind needs', () => {
  const p = directives(csp());
  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
  ])('%s = %o', (name, values) => expect(p.get(name)).toEqual(values));
  it('allows nothing unsafe and no remote origin', () => {
    expect(csp()).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  });
  it('omits frame-ancestors from the meta form, which browsers ignore there', () => {
    expect(directives(csp(true)).has('frame-ancestors')).toBe(false);
    expect(directives(csp(true)).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});

describe('header files for hosts', () => {
  it.each(['/', '/news/'])('_headers covers every path under %s', (base) => {
    const text = netlifyHeaders(base);
    expect(text.split('\n')[0]).toBe(`${base}*`);
    for (const [k] of securityHeaders()) expect(text).toContain(`  ${k}: `);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(2000); // Cloudflare's limit
  });
  it('HSTS lasts at least a year', () => {
    const hsts = securityHeaders().find(([k]) => k === 'Strict-Transport-Security')![1];
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31536000);
  });
  it('nginx: every add_header is "always"; redirects are exact, permanent, one hop', () => {
    const text = nginxSnippet([{ from: '/news/articles/old/', to: '/news/articles/new/' }]);
    const adds = text.split('\n').filter((l) => l.startsWith('add_header'));
    expect(adds).toHaveLength(securityHeaders().length);
    expect(adds.every((l) => l.endsWith(' always;'))).toBe(true);
    expect(text).toContain('location = /news/articles/old/ { return 301 /news/articles/new/; }');
  });
  describe("nginx: the snippet gzips the site's text itself, whatever the server's own settings", () => {
    const text = nginxSnippet([]);
    const types = /^gzip_types (.+);$/m.exec(text)?.[1]?.split(' ') ?? [];
    it.each([['gzip on;'], ['gzip_comp_level 6;'], ['gzip_vary on;'], ['gzip_proxied any;']])('%s', (line) => expect(text.split('\n')).toContain(line));
    it.each([
      // Debian's nginx names .js application/javascript and .xml text/xml; the test server, text/javascript and application/xml.
      ['text/css', true],
      ['application/javascript', true],
      ['text/javascript', true],
      ['application/json', true],
      ['text/xml', true],
      ['application/xml', true],
      ['application/rss+xml', true],
      ['application/atom+xml', true],
      ['image/svg+xml', true],
      ['application/wasm', true],
      ['text/csv', true],
      // HTML is always gzipped once gzip is on (listing it makes nginx warn); Pagefind's files are gzipped already.
      ['text/html', false],
      ['application/octet-stream', false],
      ['image/png', false],
      ['application/zip', false],
    ])('%s: %s', (type, listed) => {
      expect(types.includes(type)).toBe(listed);
      expect(GZIP_TYPES.includes(type)).toBe(listed);
    });
  });
  it.each([
    [[], ''],
    [[{ from: '/a/', to: '/b/' }], '/a/ /b/ 301\n'],
  ])('_redirects %o', (list, expected) => expect(netlifyRedirects(list)).toBe(expected));
});

describe('media types and charsets: feeds go out as what they are, in UTF-8', () => {
  it.each([
    ['/news/rss.xml', 'application/xml; charset=utf-8'],
    ['/news/labs/x/atom.xml', 'application/xml; charset=utf-8'],
    ['/news/timeline/feed.json', 'application/feed+json; charset=utf-8'],
    ['/news/feed.xsl', 'application/xslt+xml; charset=utf-8'],
  ])('_headers: %s is %s', (p, type) => {
    const lines = netlifyHeaders('/news/', [p]).split('\n');
    expect(lines[lines.indexOf(p) + 1]).toBe(`  Content-Type: ${type}`);
  });
  it('_headers names no type for other files', () => {
    expect(netlifyHeaders('/news/', ['/news/data/milestones.json'])).not.toMatch(/^ {2}Content-Type:/m);
  });
  const text = nginxSnippet([]);
  it('nginx: charset utf-8 for the text types', () => {
    expect(text.split('\n')).toContain('charset utf-8;');
    const types = /^charset_types (.+);$/m.exec(text)?.[1]?.split(' ') ?? [];
    for (const t of [
      'text/xml',
      'application/xml',
      'application/rss+xml',
      'application/atom+xml',
      'application/json',
      'application/feed+json',
      'text/css',
      'text/javascript',
      'application/javascript',
      'text/csv',
      'text/plain',
    ])
      expect(types, t).toContain(t);
    expect(types).toEqual(CHARSET_TYPES);
  });
  it.each(Object.entries(FILE_TYPES))('nginx: %s is served as %s', (file, type) => {
    expect(text).toContain(`location ~ /${file.replace('.', '\\.')}$ { types { } default_type ${type.split(';')[0]}; }`);
  });
});
