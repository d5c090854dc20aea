/** Feed responses: the one place that turns articles into feed items (routes stay one line). */
import { bylineFor, feedArticles, getAuthors, getCorrections, getLabs, getTopics } from './data.ts';
import { joinNames } from './lib/authors.ts';
import { renderFeed, feedFormats, type FeedFormat } from './lib/feeds.ts';
import { absolute, paths } from './lib/urls.ts';
import { kindLabel } from './lib/corrections.ts';
import { site as siteConfig } from './site.ts';

export async function feedResponse(format: FeedFormat, site: URL, scope?: { facet: 'labs' | 'topics'; id: string }): Promise<Response> {
  const [articles, labs, topics, authors] = await Promise.all([feedArticles(scope), getLabs(), getTopics(), getAuthors()]);
  const name = (list: { id: string; data: { name: string } }[], id: string) => list.find((x) => x.id === id)?.data.name ?? id;
  const scopeName = scope && (scope.facet === 'labs' ? name(labs, scope.id) : name(topics, scope.id));
  const home = scope ? (scope.facet === 'labs' ? paths.lab(scope.id) : paths.topic(scope.id)) : paths.home();
  const feedPath = (f: FeedFormat) => (scope ? (scope.facet === 'labs' ? paths.labFeed(scope.id, f) : paths.topicFeed(scope.id, f)) : `/${f}`);
  const { body, type } = renderFeed(format, {
    title: scopeName ? `${siteConfig.title}: ${scopeName}` : siteConfig.title,
    description: scopeName ? `${siteConfig.title} coverage of ${scopeName}.` : siteConfig.description,
    homeUrl: absolute(home, site),
    feedUrls: Object.fromEntries(feedFormats.map((f) => [f, absolute(feedPath(f), site)])) as Record<FeedFormat, string>,
    language: siteConfig.lang,
    author: siteConfig.author,
  }, articles.slice(0, siteConfig.feedItems).map((a) => ({
    url: absolute(paths.article(a.id), site),
    title: a.data.title,
    dek: a.data.dek,
    published: a.data.published,
    updated: a.data.updated,
    corrections: a.data.corrections,
    categories: [...a.data.labs.map((l) => name(labs, l.id)), ...a.data.topics.map((t) => name(topics, t.id))],
    author: joinNames(bylineFor(a, authors).map((n) => n.name)),
  })));
  return new Response(body, { headers: { 'Content-Type': type } });
}

/** The corrections feed (/corrections/rss.xml, …): one item per correction, linked to its note on the corrected page. */
export async function correctionsFeedResponse(format: FeedFormat, site: URL): Promise<Response> {
  const rows = await getCorrections();
  const { body, type } = renderFeed(format, {
    title: `${siteConfig.title}: corrections`,
    description: `Every correction ${siteConfig.title} has made to its articles, timeline and knowledge base, newest first.`,
    homeUrl: absolute(paths.corrections(), site),
    feedUrls: Object.fromEntries(feedFormats.map((f) => [f, absolute(paths.correctionsFeed(f), site)])) as Record<FeedFormat, string>,
    language: siteConfig.lang,
    author: siteConfig.author,
  }, rows.slice(0, siteConfig.feedItems).map((r) => ({
    url: absolute(r.href, site),
    title: `Correction: ${r.title}`,
    dek: r.note,
    published: r.date,
    corrections: [],
    categories: [kindLabel[r.kind]],
    author: siteConfig.author,
  })));
  return new Response(body, { headers: { 'Content-Type': type } });
}
