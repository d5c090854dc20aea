/**
 * The build's settings from the environment, checked before anything runs: a bad value stops the
 * build with the variable's name, the value and an example of a good one.
 */
import { normaliseBase } from './urls.ts';

export class SettingError extends Error {}

const fail = (name: string, value: string, what: string, example: string) => new SettingError(`${name}="${value}" ${what}; for example ${name}=${example}`);

/** SITE_URL: the public origin, http(s), with no path (the path is BASE_PATH's). Default http://localhost:4321. */
export function siteUrl(value: string | undefined): string {
  if (value === undefined || value === '') return 'http://localhost:4321';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail('SITE_URL', value, 'is not an absolute URL', 'https://example.org');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw fail('SITE_URL', value, `must be an http(s) URL, not ${url.protocol}`, 'https://example.org');
  if (url.username || url.password) throw fail('SITE_URL', value, 'must not hold a user name or password', 'https://example.org');
  if (url.search || url.hash) throw fail('SITE_URL', value, 'must not have a query or a fragment', 'https://example.org');
  if (url.pathname !== '/')
    throw fail('SITE_URL', value, `must be an origin only; put the path in BASE_PATH (BASE_PATH=${normaliseBase(url.pathname)})`, url.origin);
  return url.origin;
}

/** BASE_PATH: the sub-path the site is served under, '/' by default; normalised to '/x/y/'. */
export function basePath(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value.trim())) throw fail('BASE_PATH', value, "must be a path, not a URL (the origin is SITE_URL's)", '/news/');
  const base = normaliseBase(value);
  const segments = base.split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..')) throw fail('BASE_PATH', value, 'must not contain "." or ".." segments', '/news/');
  if (!segments.every((s) => /^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/.test(s)))
    throw fail('BASE_PATH', value, 'may hold only URL path characters (no spaces, ?, # or \\)', '/news/');
  return base;
}
