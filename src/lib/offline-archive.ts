/**
 * The downloadable archive: the built site made to work from disk (file://). Pure helpers:
 * relative links with explicit index.html, no module scripts (file:// blocks them), and a search
 * index as a classic script, since Pagefind needs fetch, modules and WASM.
 */

/** A site path ('/labs/deepseek/') as a relative link from the page at `fromPath`, with index.html. */
export function relativeLink(fromPath: string, target: string): string {
  const [pathPart, suffix = ''] = splitSuffix(target);
  const from = fromPath.endsWith('/') ? fromPath : fromPath.replace(/[^/]*$/, '');
  const depth = from.split('/').filter(Boolean).length;
  let to = pathPart.replace(/^\//, '');
  if (to === '' || to.endsWith('/')) to += 'index.html';
  return `${'../'.repeat(depth)}${to}${suffix}`;
}

function splitSuffix(url: string): [string, string?] {
  const i = url.search(/[?#]/);
  return i < 0 ? [url] : [url.slice(0, i), url.slice(i)];
}

/**
 * Rewrites one built page for file://: every href/src/action that points into the site becomes
 * relative; the CSP meta, the site script and the search module go (the archive has its own).
 */
export function pageForDisk(html: string, sitePath: string, base: string, extraHead = ''): string {
  const local = (url: string) => url === base.slice(0, -1) || url.startsWith(base);
  let out = html.replace(/\s(href|src|action)="([^"]*)"/g, (m, attr: string, url: string) =>
    local(url) ? ` ${attr}="${relativeLink(sitePath, `/${url.slice(base.length)}`)}"` : m,
  );
  out = out.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  out = out.replace(/<script type="module"[^>]*><\/script>/g, '');
  out = out.replace(/<link rel="manifest"[^>]*>/, '');
  return extraHead ? out.replace('</head>', `${extraHead}</head>`) : out;
}

export interface IndexEntry {
  /** Path relative to the archive root ('articles/x/index.html'). */
  u: string;
  t: string;
  /** The standfirst or summary shown under the title. */
  d: string;
  /** Full text, lowercased, for matching. */
  x: string;
  type: string;
  date: string;
  f: Record<string, string[]>;
}

const BODY = /<(\w+)[^>]*\sdata-pagefind-body[^>]*>([\s\S]*?)<\/\1>/g;
const IGNORED = /<(\w+)[^>]*\sdata-pagefind-ignore(?:="[^"]*")?[^>]*>[\s\S]*?<\/\1>/g;
const FILTER = /<(\w+)[^>]*\sdata-pagefind-filter="([^"]+)"[^>]*>/g;

/** Plain text of the page's searchable regions (data-pagefind-body), as Pagefind would index them. */
export function searchableText(html: string): string {
  const bodies = [...html.matchAll(BODY)].map((m) => m[2]!);
  return decode(
    bodies
      .join(' ')
      .replace(IGNORED, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Filters as Pagefind reads them: data-pagefind-filter="key" (value = element text) or "key:value". */
export function filtersOf(html: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  // Opening tags only, so a filter nested inside another filter's element is still seen.
  for (const m of html.matchAll(FILTER)) {
    const spec = decode(m[2]!);
    const i = spec.indexOf(':');
    let key = spec.trim();
    let value: string;
    if (i > 0) {
      key = spec.slice(0, i).trim();
      value = spec.slice(i + 1).trim();
    } else {
      const start = m.index + m[0].length;
      const end = html.indexOf(`</${m[1]}>`, start);
      value = decode(html.slice(start, end < 0 ? start : end).replace(/<[^>]+>/g, '')).trim();
    }
    if (value && !(out[key] ??= []).includes(value)) out[key]!.push(value);
  }
  return out;
}

export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39|apos);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? m;
  });
}

/** The index as a classic script (file:// pages cannot fetch() JSON), in UTF-8, escaped so text cannot end the script. */
export function indexScript(entries: IndexEntry[]): Buffer {
  return Buffer.from(`window.FC_INDEX=[${entries.map((e) => JSON.stringify(e).replace(/</g, '\\u003c')).join(',')}];\n`);
}
