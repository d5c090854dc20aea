/**
 * Every feed the site publishes, as a list of scopes (the whole site, a lab, a topic, the timeline,
 * a lab's timeline): one route (pages/[...feed].ts) writes each in RSS, Atom and JSON Feed. A new
 * feed is one more scope in feedScopes(). Items carry the whole piece or event, rendered by Astro's
 * container API (the same components and Markdown plugin as the pages), with absolute URLs.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { referencing } from './lib/relations.ts';
import { bylineFor, creditedTo, getAll, getCorrections, milestoneContext, type All, type ArticleEntry, type MilestoneEntry } from './data.ts';
import { joinNames } from './lib/authors.ts';
import { kindLabel } from './lib/corrections.ts';
import { absoluteHtml, feedFormats, renderFeed, type FeedFormat, type FeedItem } from './lib/feeds.ts';
import { comparePartialDates } from './lib/dates.ts';
import { absolute, paths, withBase } from './lib/urls.ts';
import { site as siteConfig } from './site.ts';
import FeedArticle from './components/FeedArticle.astro';
import FeedMilestone from './components/FeedMilestone.astro';

export interface FeedScope {
  /** Where the feed's three files are: file('rss.xml') is a site path. */
  file: (format: FeedFormat) => string;
  /** What follows the site's name in the feed's title ('DeepSeek', 'Timeline'); none for the site's own feed. */
  name?: string | undefined;
  description: string;
  /** Site path of the page the feed follows. */
  home: string;
  /** The newest items first; the feed keeps the first siteConfig.feedItems. */
  entries: (all: All) => ({ article: ArticleEntry } | { milestone: MilestoneEntry })[];
}

const newestEvents = (list: MilestoneEntry[]) => [...list].sort((a, b) => comparePartialDates(b.data.date, a.data.date) || a.id.localeCompare(b.id));
const articles = (list: ArticleEntry[]) => list.map((article) => ({ article }));
const events = (list: MilestoneEntry[]) => newestEvents(list).map((milestone) => ({ milestone }));
const labsWithEvents = (all: All) => all.labs.filter((l) => all.milestones.some((m) => m.data.lab.id === l.id));

/** Every feed of the site. Articles are newest first already (data.ts). */
export function feedScopes(all: All): FeedScope[] {
  return [
    { file: (f) => `/${f}`, description: siteConfig.description, home: paths.home(), entries: (a) => articles(a.articles) },
    ...all.labs.map((l): FeedScope => ({
      file: (f) => paths.labFeed(l.id, f),
      name: l.data.name,
      description: `${siteConfig.title} coverage of ${l.data.name}.`,
      home: paths.lab(l.id),
      entries: (a) => articles(referencing(a.articles, 'labs', l.id)),
    })),
    ...all.topics.map((t): FeedScope => ({
      file: (f) => paths.topicFeed(t.id, f),
      name: t.data.name,
      description: `${siteConfig.title} coverage of ${t.data.name}.`,
      home: paths.topic(t.id),
      entries: (a) => articles(referencing(a.articles, 'topics', t.id)),
    })),
    {
      file: (f) => paths.timelineFeed(f),
      name: 'Timeline',
      description: 'Every event on the timeline of open-source and open-weights AI, newest first.',
      home: paths.timeline(),
      entries: (a) => events(a.milestones),
    },
    ...all.authors.map((x): FeedScope => ({
      file: (f) => paths.authorFeed(x.id, f),
      name: x.data.name,
      description: `Pieces by ${x.data.name} in ${siteConfig.title}.`,
      home: paths.author(x.id),
      entries: (a) => articles(a.articles.filter((p) => creditedTo(p).includes(x.id))),
    })),
    ...labsWithEvents(all).map((l): FeedScope => ({
      file: (f) => paths.timelineFeed(f, l.id),
      name: `${l.data.name} timeline`,
      description: `Timeline events of ${l.data.name}, newest first.`,
      home: paths.timelineFilter('lab', l.id),
      entries: (a) => events(a.milestones.filter((m) => m.data.lab.id === l.id)),
    })),
  ];
}

/** The feeds a page advertises besides the site's (BaseLayout's `feeds`): title and files. */
export function feedLink(scope: Pick<FeedScope, 'file' | 'name'>) {
  const title = scope.name ? `${scope.name} · ${siteConfig.title}` : siteConfig.title;
  return { title, rss: scope.file('rss.xml'), atom: scope.file('atom.xml'), json: scope.file('feed.json') };
}
export const labTimelineFeed = (id: string, name: string) => feedLink({ file: (f) => paths.timelineFeed(f, id), name: `${name} timeline` });
export const timelineFeed = () => feedLink({ file: (f) => paths.timelineFeed(f), name: 'Timeline' });

let containerOnce: Promise<AstroContainer> | undefined;
const container = () => (containerOnce ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers })));

/** An item's HTML is the same in every feed that carries it: rendered once per build. */
const rendered = new Map<string, Promise<string>>();
function content(key: string, url: string, render: (c: AstroContainer) => Promise<string>): Promise<string> {
  if (!rendered.has(key))
    rendered.set(
      key,
      container()
        .then(render)
        .then((html) => absoluteHtml(html, url)),
    );
  return rendered.get(key)!;
}

async function item(entry: ReturnType<FeedScope['entries']>[number], all: All, site: URL): Promise<FeedItem> {
  const name = (list: { id: string; data: { name: string } }[], id: string) => list.find((x) => x.id === id)?.data.name ?? id;
  if ('article' in entry) {
    const a = entry.article;
    const url = absolute(paths.article(a.id), site);
    return {
      url,
      title: a.data.title,
      dek: a.data.dek,
      published: a.data.published,
      updated: a.data.updated,
      corrections: a.data.corrections,
      categories: [...a.data.labs.map((l) => name(all.labs, l.id)), ...a.data.topics.map((t) => name(all.topics, t.id))],
      author: joinNames(bylineFor(a, all.authors).map((n) => n.name)),
      content: await content(`article:${a.id}`, url, (c) => c.renderToString(FeedArticle, { props: { article: a } })),
    };
  }
  const m = entry.milestone;
  const url = absolute(paths.milestone(m.id), site);
  const context = milestoneContext(m, all);
  return {
    url,
    title: m.data.title,
    dek: m.data.summary,
    published: m.data.date,
    corrections: [],
    categories: [context.lab?.data.name ?? m.data.lab.id, m.data.kind.replace('-', ' ')],
    author: siteConfig.author,
    content: await content(`milestone:${m.id}`, url, (c) => c.renderToString(FeedMilestone, { props: { milestone: m, ...context } })),
  };
}

export async function feedResponse(scope: FeedScope, format: FeedFormat, site: URL): Promise<Response> {
  const all = await getAll();
  const items = await Promise.all(
    scope
      .entries(all)
      .slice(0, siteConfig.feedItems)
      .map((e) => item(e, all, site)),
  );
  const { body, type } = renderFeed(
    format,
    {
      title: scope.name ? `${siteConfig.title}: ${scope.name}` : siteConfig.title,
      description: scope.description,
      homeUrl: absolute(scope.home, site),
      feedUrls: Object.fromEntries(feedFormats.map((f) => [f, absolute(scope.file(f), site)])) as Record<FeedFormat, string>,
      stylesheet: withBase(paths.feedStylesheet()),
      language: siteConfig.lang,
      author: siteConfig.author,
    },
    items,
  );
  return new Response(body, { headers: { 'Content-Type': type } });
}

/** The corrections feed (/corrections/rss.xml, …): one item per correction, linked to its note on the corrected page. */
export async function correctionsFeedResponse(format: FeedFormat, site: URL): Promise<Response> {
  const rows = await getCorrections();
  const { body, type } = renderFeed(
    format,
    {
      title: `${siteConfig.title}: corrections`,
      description: `Every correction ${siteConfig.title} has made to its articles, timeline and knowledge base, newest first.`,
      homeUrl: absolute(paths.corrections(), site),
      feedUrls: Object.fromEntries(feedFormats.map((f) => [f, absolute(paths.correctionsFeed(f), site)])) as Record<FeedFormat, string>,
      stylesheet: withBase(paths.feedStylesheet()),
      language: siteConfig.lang,
      author: siteConfig.author,
    },
    rows.slice(0, siteConfig.feedItems).map((r) => ({
      url: absolute(r.href, site),
      title: `Correction: ${r.title}`,
      dek: r.note,
      content: `<p>${escapeHtml(r.note)}</p>`,
      published: r.date,
      corrections: [],
      categories: [kindLabel[r.kind]],
      author: siteConfig.author,
    })),
  );
  return new Response(body, { headers: { 'Content-Type': type } });
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
