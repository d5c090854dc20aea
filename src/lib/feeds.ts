/**
 * Feeds carry the summary (the dek), not the full text: readers land on the page with its sources,
 * corrections and context, and feeds stay small. Updates and corrections are carried: Atom
 * <updated>, JSON Feed date_modified, and the latest correction note in every format's summary.
 * RSS 2.0 and Atom come from the `feed` package; JSON Feed 1.1 is written here (`feed` writes 1.0).
 */
import { Feed } from 'feed';
import { formatDate, toUtcDate } from './dates.ts';

export type FeedFormat = 'rss.xml' | 'atom.xml' | 'feed.json';
export const feedFormats: FeedFormat[] = ['rss.xml', 'atom.xml', 'feed.json'];

export interface FeedItem {
  url: string;
  title: string;
  dek: string;
  published: string;
  updated?: string | undefined;
  corrections: { date: string; note: string }[];
  categories: string[];
  author: string;
}
export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows (home, a lab, a topic). */
  homeUrl: string;
  /** Absolute URLs of this feed in each format. */
  feedUrls: Record<FeedFormat, string>;
  language: string;
  author: string;
}

export function summary(item: FeedItem): string {
  const last = item.corrections.at(-1);
  return last ? `${item.dek} Correction (${formatDate(last.date)}): ${last.note}` : item.dek;
}

const modified = (i: FeedItem) => i.updated ?? i.corrections.map((c) => c.date).sort().at(-1) ?? i.published;

export function renderFeed(format: FeedFormat, meta: FeedMeta, items: FeedItem[]): { body: string; type: string } {
  const updated = items.length ? toUtcDate(items.map(modified).sort().at(-1)!) : new Date(0);
  if (format === 'feed.json') {
    const body = JSON.stringify({
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
        content_text: summary(i),
        date_published: toUtcDate(i.published).toISOString(),
        date_modified: toUtcDate(modified(i)).toISOString(),
        tags: i.categories,
        authors: [{ name: i.author }],
      })),
    }, null, 2);
    return { body, type: 'application/feed+json; charset=utf-8' };
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
  });
  for (const i of items) {
    feed.addItem({
      id: i.url, guid: i.url, link: i.url, title: i.title,
      description: summary(i),
      date: toUtcDate(modified(i)),
      published: toUtcDate(i.published),
      // Atom requires term; `feed` writes label only when term is missing.
      category: i.categories.map((name) => ({ name, term: name })),
      author: [{ name: i.author }],
    });
  }
  return format === 'rss.xml'
    ? { body: feed.rss2(), type: 'application/rss+xml; charset=utf-8' }
    : { body: feed.atom1(), type: 'application/atom+xml; charset=utf-8' };
}
