import { describe, expect, it } from 'vitest';
import { csp, netlifyHeaders, netlifyRedirects, nginxSnippet, securityHeaders } from './headers.ts';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('CSP: strict, with only what Pagefind needs', () => {
  const p = directives(csp());
  it.each([
    ['default-src', ["'self'"]], ['script-src', ["'self'", "'wasm-unsafe-eval'"]], ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]], ['frame-ancestors', ["'none'"]], ['form-action', ["'self'"]], ['img-src', ["'self'", 'data:']],
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
  it.each([
    [[], ''],
    [[{ from: '/a/', to: '/b/' }], '/a/ /b/ 301\n'],
  ])('_redirects %o', (list, expected) => expect(netlifyRedirects(list)).toBe(expected));
});
