/**
 * Feeds carry the whole piece (or event) as HTML with absolute URLs, followed by its sources and any
 * correction; the summary is the dek (plus the latest correction note). Updates and corrections are
 * carried: Atom <updated>, JSON Feed date_modified. RSS 2.0 and Atom come from the `feed` package;
 * JSON Feed 1.1 is written here (`feed` writes 1.0). RSS and Atom name an XSLT stylesheet, so a
 * browser shows a page that says what a feed is and how to follow it.
 */
import { Feed } from 'feed';
import { parseFragment, serialize } from 'parse5';
import { formatDate, toUtcDate } from './dates.ts';
import { FILE_TYPES } from './headers.ts';

export type FeedFormat = 'rss.xml' | 'atom.xml' | 'feed.json';
export const feedFormats: FeedFormat[] = ['rss.xml', 'atom.xml', 'feed.json'];

/** What each feed is served as: the host files' types (src/lib/headers.ts), so a local preview agrees. */
export const feedMediaTypes = Object.fromEntries(feedFormats.map((f) => [f, FILE_TYPES[f]!])) as Record<FeedFormat, string>;

export interface FeedItem {
  url: string;
  title: string;
  /** The summary line: an article's dek, an event's summary. */
  dek: string;
  /** The whole item as HTML with absolute URLs (see absoluteHtml). */
  content: string;
  published: string;
  updated?: string | undefined;
  corrections: { date: string; note: string }[];
  categories: string[];
  author: string;
}
export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows (home, a lab, a topic, the timeline). */
  homeUrl: string;
  /** Absolute URLs of this feed in each format. */
  feedUrls: Record<FeedFormat, string>;
  /** Path (base applied) of the XSLT stylesheet RSS and Atom name for browsers. */
  stylesheet?: string | undefined;
  language: string;
  author: string;
}

export function summary(item: FeedItem): string {
  const last = item.corrections.at(-1);
  return last ? `${item.dek} Correction (${formatDate(last.date)}): ${last.note}` : item.dek;
}

type P5Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: P5Node[] };
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite']);
/** In-page permalinks (heading #, paragraph ¶): empty links styled by the site's CSS, noise in a reader. */
const PERMALINK = /(^|\s)(anchor|para-link)(\s|$)/;

/**
 * Rendered HTML made fit for a feed reader: every link and image resolved against the item's own
 * URL (so '/news/labs/x/', 'img.png' and '#p-1a2b3c4d' all become absolute), srcset too, and the
 * in-page permalink anchors removed.
 */
export function absoluteHtml(html: string, pageUrl: string): string {
  const resolve = (v: string) => {
    try {
      return new URL(v.trim(), pageUrl).href;
    } catch {
      return v;
    }
  };
  const walk = (node: P5Node) => {
    const permalink = (c: P5Node) => c.nodeName === 'a' && PERMALINK.test(c.attrs?.find((a) => a.name === 'class')?.value ?? '');
    if (node.childNodes) node.childNodes = node.childNodes.filter((c) => !permalink(c));
    for (const a of node.attrs ?? []) {
      if (URL_ATTRS.has(a.name)) a.value = resolve(a.value);
      else if (a.name === 'srcset')
        a.value = a.value
          .split(',')
          .map((c) => c.trim().replace(/^\S+/, resolve))
          .join(', ');
    }
    for (const c of node.childNodes ?? []) walk(c);
  };
  const fragment = parseFragment(html) as unknown as P5Node;
  walk(fragment);
  return serialize(fragment as never).trim();
}

const modified = (i: FeedItem) =>
  i.updated ??
  i.corrections
    .map((c) => c.date)
    .sort()
    .at(-1) ??
  i.published;

export function renderFeed(format: FeedFormat, meta: FeedMeta, items: FeedItem[]): { body: string; type: string } {
  const updated = items.length ? toUtcDate(items.map(modified).sort().at(-1)!) : new Date(0);
  const type = feedMediaTypes[format];
  if (format === 'feed.json') {
    const body = JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: meta.title,
        home_page_url: meta.homeUrl,
        feed_url: meta.feedUrls['feed.json'],
        description: meta.description,
        language: meta.language,
        authors: [{ name: meta.author }],
        items: items.map((i) => ({
          id: i.url,
          url: i.url,
          title: i.title,
          summary: summary(i),
          content_html: i.content,
          date_published: toUtcDate(i.published).toISOString(),
          date_modified: toUtcDate(modified(i)).toISOString(),
          tags: i.categories,
          authors: [{ name: i.author }],
        })),
      },
      null,
      2,
    );
    return { body, type };
  }
  const feed = new Feed({
    id: meta.homeUrl,
    title: meta.title,
    description: meta.description,
    link: meta.homeUrl,
    language: meta.language,
    updated,
    generator: false,
    feedLinks: { rss: meta.feedUrls['rss.xml'], atom: meta.feedUrls['atom.xml'], json: meta.feedUrls['feed.json'] },
    author: { name: meta.author },
    copyright: `© ${meta.author}`,
    ...(meta.stylesheet ? { stylesheet: meta.stylesheet } : {}),
  });
  for (const i of items) {
    feed.addItem({
      id: i.url,
      guid: i.url,
      link: i.url,
      title: i.title,
      description: summary(i),
      content: i.content,
      date: toUtcDate(modified(i)),
      published: toUtcDate(i.published),
      // Atom requires term; `feed` writes label only when term is missing.
      category: i.categories.map((name) => ({ name, term: name })),
      // RSS 2.0's <author> must be an email address; a name alone goes in <dc:creator> (the namespace comes with content:encoded).
      ...(format === 'rss.xml' ? { extensions: [{ name: 'dc:creator', objects: { _text: i.author } }] } : { author: [{ name: i.author }] }),
    });
  }
  return { body: format === 'rss.xml' ? feed.rss2() : feed.atom1(), type };
}
