/**
 * The one source of truth for security headers. The build writes them as Netlify/Cloudflare
 * `_headers`, as an nginx snippet, and (CSP only, minus what a <meta> cannot carry) into every page.
 * Nothing is inline on our pages, so script-src needs no hashes and no 'unsafe-inline';
 * Pagefind needs 'wasm-unsafe-eval' to compile its WebAssembly.
 */
export const cspDirectives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  // fonts, fetches, workers and the manifest fall back to default-src 'self'.
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a <meta http-equiv> CSP cannot carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export function csp(forMeta = false): string {
  return Object.entries(cspDirectives)
    .filter(([name]) => !(forMeta && HEADER_ONLY.has(name)))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export function securityHeaders(): [string, string][] {
  return [
    ['Content-Security-Policy', csp()],
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

export interface Redirect {
  from: string;
  to: string;
}

/**
 * Files served with a media type their extension does not give: the feeds and their stylesheet. RSS
 * and Atom go out as generic XML, because Chromium shows application/rss+xml and application/atom+xml
 * as plain text and never applies their XSLT; feed readers go by the document, not the header.
 */
export const FILE_TYPES: Record<string, string> = {
  'rss.xml': 'application/xml; charset=utf-8',
  'atom.xml': 'application/xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
  'feed.xsl': 'application/xslt+xml; charset=utf-8',
};

/** The text types nginx labels `charset=utf-8` (it does so for text/html by itself). */
export const CHARSET_TYPES = [
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/xslt+xml',
  'application/json',
  'application/feed+json',
  'application/manifest+json',
  'text/css',
  'text/javascript',
  'application/javascript',
  'text/csv',
  'text/plain',
  'image/svg+xml',
];

/**
 * Netlify and Cloudflare Pages `_headers`: the security headers on every path under the base, and
 * the media type of each file named in FILE_TYPES (`typed`: their based paths, as the build wrote them).
 */
export function netlifyHeaders(base: string, typed: string[] = []): string {
  const lines = [`${base}*`, ...securityHeaders().map(([k, v]) => `  ${k}: ${v}`)];
  lines.push(`${base}_astro/*`, '  Cache-Control: public, max-age=31536000, immutable');
  for (const p of typed) {
    const type = FILE_TYPES[p.slice(p.lastIndexOf('/') + 1)];
    if (type) lines.push(p, `  Content-Type: ${type}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Netlify and Cloudflare Pages `_redirects`: permanent, one hop, based paths. */
export function netlifyRedirects(redirects: Redirect[]): string {
  return redirects.map((r) => `${r.from} ${r.to} 301`).join('\n') + (redirects.length ? '\n' : '');
}

/**
 * The types nginx is told to gzip, besides HTML (which it always compresses once gzip is on). Both
 * names of JavaScript and XML are listed: Debian's nginx calls a .js file application/javascript and
 * a .xml file text/xml. Pagefind's index and WebAssembly files are gzipped by Pagefind already and
 * served as application/octet-stream, so they are not compressed twice.
 */
export const GZIP_TYPES = [
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/feed+json',
  'application/xml',
  'text/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/xslt+xml',
  'text/csv',
  'text/plain',
  'image/svg+xml',
  'application/wasm',
];

/**
 * nginx: include inside the `location <base> { … }` that serves the site. Every add_header has
 * `always` (so 404s carry them too); the nested redirect locations add none, so they inherit them.
 * It turns gzip on for the site's text, whatever the server's own settings: Debian's default
 * compresses HTML only, and would send Pagefind's scripts (90 KB) and the stylesheets as they are.
 * Level 6 (nginx's default is 1) takes ~4 KB more off a first search's Pagefind code.
 */
export function nginxSnippet(redirects: Redirect[]): string {
  const quote = (v: string) => `"${v.replace(/"/g, '\\"')}"`;
  const headers = securityHeaders().map(([k, v]) => `add_header ${k} ${quote(v)} always;`);
  // gzip_proxied any: a CDN in front forwards requests with a Via header, which nginx would otherwise answer uncompressed.
  const gzip = ['gzip on;', 'gzip_comp_level 6;', 'gzip_vary on;', 'gzip_proxied any;', `gzip_types ${GZIP_TYPES.join(' ')};`];
  const charset = ['charset utf-8;', `charset_types ${CHARSET_TYPES.join(' ')};`];
  // Nested locations inherit the headers, gzip and charset above; each only names its file's type.
  const typed = Object.entries(FILE_TYPES).map(
    ([file, type]) => `location ~ /${file.replace(/\./g, '\\.')}$ { types { } default_type ${type.split(';')[0]}; }`,
  );
  const moves = redirects.map((r) => `location = ${r.from} { return 301 ${r.to}; }`);
  const intro = '# Generated by the build from src/lib/headers.ts. Include inside the location that serves the site.';
  return `${[intro, ...headers, ...gzip, ...charset, ...typed, ...moves].join('\n')}\n`;
}
