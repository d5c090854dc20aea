/**
 * The one owner of every path the site emits. Pages, components, feeds and scripts ask here;
 * nothing writes "/articles/…" by hand, so the site works under any base path (BASE_PATH).
 */

/** Normalises a base to '/' or '/x/y/'. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

// Vite sets BASE_URL inside the build; astro.config.mjs imports this module before Vite exists,
// and module instances can be shared, so fall back to the same env var the config reads.
const viteBase = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL;
const envBase = typeof process === 'undefined' ? undefined : process.env.BASE_PATH;
export const BASE = normaliseBase(viteBase ?? envBase);

/** Prefixes a site path ('/labs/deepseek/') with the base. Query strings and fragments pass through. */
export function withBase(path: string, base: string = BASE): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`withBase needs a site path starting with '/', got "${path}"`);
  return normaliseBase(base) + path.slice(1);
}

/** Strips the base from a served path, giving the site path: the inverse of withBase. */
export function withoutBase(path: string, base: string = BASE): string {
  const b = normaliseBase(base);
  if (b === '/') return path;
  if (path === b.slice(0, -1)) return '/';
  return path.startsWith(b) ? path.slice(b.length - 1) : path;
}

/** Absolute URL for feeds, canonical links and JSON-LD. */
export function absolute(path: string, site: string | URL, base: string = BASE): string {
  return new URL(withBase(path, base), site).href;
}

const seg = (s: string) => encodeURIComponent(s);

/** A page's preview card under /og/, named after the page: '/labs/deepseek/' → 'labs/deepseek', '/' → 'home'. */
export const previewKey = (pagePath: string) => pagePath.replace(/^\/+|\/+$/g, '').replace(/\.html$/, '') || 'home';

/** Site paths, base not yet applied. Each kind of page has one function. */
export const paths = {
  home: () => '/',
  article: (slug: string) => `/articles/${seg(slug)}/`,
  citation: (slug: string) => `/articles/${seg(slug)}/cite.bib`,
  archive: () => '/archive/',
  archiveYear: (year: number | string, page = 1) => `/archive/${seg(String(year))}/${page > 1 ? `${page}/` : ''}`,
  topics: () => '/topics/',
  topic: (id: string) => `/topics/${seg(id)}/`,
  labs: () => '/labs/',
  lab: (id: string) => `/labs/${seg(id)}/`,
  models: () => '/models/',
  model: (id: string) => `/models/${seg(id)}/`,
  modelsSort: (key: string) => `/models/sort/${seg(key)}/`,
  modelsFilter: (facet: 'licence' | 'weights', value: string) => `/models/${facet}/${seg(value)}/`,
  people: () => '/people/',
  person: (id: string) => `/people/${seg(id)}/`,
  authors: () => '/authors/',
  author: (id: string) => `/authors/${seg(id)}/`,
  timeline: () => '/timeline/',
  milestone: (id: string) => `/timeline/${seg(id)}/`,
  /** The event in its year's full timeline page, for "see it in context" links. Stable: an event's year never changes. */
  milestoneAnchor: (id: string) => `/timeline/year/${seg(id.slice(0, 4))}/#${seg(id)}`,
  timelineFilter: (facet: 'lab' | 'kind' | 'access' | 'year', value: string) => `/timeline/${facet}/${seg(value)}/`,
  search: (query?: Record<string, string>) => {
    const qs = query ? new URLSearchParams(query).toString() : '';
    return qs ? `/search/?${qs}` : '/search/';
  },
  /** The synonyms and vocabulary both searches read (src/pages/search-words.json.ts). */
  searchWords: () => '/search-words.json',
  about: () => '/about/',
  /** Every correction on the site, newest first, and its feeds. */
  corrections: () => '/corrections/',
  correctionsFeed: (kind: 'rss.xml' | 'atom.xml' | 'feed.json') => `/corrections/${kind}`,
  rss: () => '/rss.xml',
  atom: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  labFeed: (id: string, kind: 'rss.xml' | 'atom.xml' | 'feed.json') => `/labs/${seg(id)}/${kind}`,
  authorFeed: (id: string, kind: 'rss.xml' | 'atom.xml' | 'feed.json') => `/authors/${seg(id)}/${kind}`,
  topicFeed: (id: string, kind: 'rss.xml' | 'atom.xml' | 'feed.json') => `/topics/${seg(id)}/${kind}`,
  /** The timeline's feeds: every event, or one lab's (beside its filtered timeline page). */
  timelineFeed: (kind: 'rss.xml' | 'atom.xml' | 'feed.json', lab?: string) => `${lab ? `/timeline/lab/${seg(lab)}/` : '/timeline/'}${kind}`,
  /** The browser view of the RSS and Atom feeds (an XSLT stylesheet) and its CSS. */
  feedStylesheet: () => '/feed.xsl',
  feedCss: () => '/feed.css',
  og: (key: string) => `/og/${key}.png`,
  /** The preview card of the page at a site path (every page has one: data.ts, ogCards). */
  preview: (pagePath: string) => `/og/${previewKey(pagePath)}.png`,
  data: (file: 'milestones.json' | 'milestones.csv' | 'models.json') => `/data/${file}`,
  sitemap: () => '/sitemap-index.xml',
  archiveZip: (date: string) => `/downloads/frontier-commons-archive-${seg(date)}.zip`,
  serviceWorker: () => '/sw.js',
  /** Not published: the list of files the build writes after Astro, removed once they are written. */
  buildFiles: () => '/build-files.json',
} as const;

/** Resolves a root-relative link written in content ('/labs/deepseek/') to a based href. */
export function contentHref(href: string, base: string = BASE): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  return withBase(href, base);
}
