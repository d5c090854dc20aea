/**
 * The only caller of getCollection(). Pages ask here for published, sorted, joined content;
 * "published" is decided once: not a draft (outside dev), and not scheduled for a later day.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { comparePartialDates, formatDate, today } from './lib/dates.ts';
import { editorsOrder } from './lib/order.ts';
import { site as siteConfig } from './site.ts';
import { referencing, relatedArticles } from './lib/relations.ts';
import { contextWindow } from './lib/timeline.ts';
import { bibtex } from './lib/cite.ts';
import { articleCard, cardFooter } from './previews.ts';
import { absolute, paths } from './lib/urls.ts';
import { precisionOf, type MilestoneRow } from './lib/export-data.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type LabEntry = CollectionEntry<'labs'>;
export type ModelEntry = CollectionEntry<'models'>;
export type PersonEntry = CollectionEntry<'people'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type MilestoneEntry = CollectionEntry<'milestones'>;

const showDrafts = import.meta.env.DEV;

/** Whether a piece is live in this build: drafts only in dev, scheduled pieces from their day on. */
export function isLive(a: ArticleEntry, day: string = today()): boolean {
  return (showDrafts || !a.data.draft) && a.data.published <= day;
}

const byNewest = (a: ArticleEntry, b: ArticleEntry) => editorsOrder(a.data, b.data);

let articlesCache: Promise<ArticleEntry[]> | undefined;
/** Live articles, newest day first and, within a day, in the editor's order (lib/order.ts). */
export function getArticles(): Promise<ArticleEntry[]> {
  articlesCache ??= getCollection('articles', (a) => isLive(a)).then((list) => list.sort(byNewest));
  return articlesCache;
}

const byName = <T extends { data: { name: string } }>(a: T, b: T) => a.data.name.localeCompare(b.data.name);

export async function getLabs(): Promise<LabEntry[]> {
  return (await getCollection('labs')).sort(byName);
}
export async function getModels(): Promise<ModelEntry[]> {
  return (await getCollection('models')).sort((a, b) =>
    comparePartialDates(a.data.released ?? '9999', b.data.released ?? '9999') || a.data.name.localeCompare(b.data.name));
}
export async function getPeople(): Promise<PersonEntry[]> {
  return (await getCollection('people')).sort(byName);
}
export async function getTopics(): Promise<TopicEntry[]> {
  return (await getCollection('topics')).sort(byName);
}
/** Milestones in chronological order (partial dates before the days they contain). */
export async function getMilestones(): Promise<MilestoneEntry[]> {
  return (await getCollection('milestones')).sort((a, b) =>
    comparePartialDates(a.data.date, b.data.date) || a.id.localeCompare(b.id));
}

/** Everything at once, for pages that join across collections. */
export async function getAll() {
  const [articles, labs, models, people, topics, milestones] = await Promise.all([
    getArticles(), getLabs(), getModels(), getPeople(), getTopics(), getMilestones(),
  ]);
  return { articles, labs, models, people, topics, milestones };
}
export type All = Awaited<ReturnType<typeof getAll>>;

const pick = <T extends { id: string }>(list: T[], refs: { id: string }[]): T[] =>
  refs.map((r) => list.find((x) => x.id === r.id)).filter((x): x is T => x !== undefined);

/**
 * What an article page shows beside its body: its entities, timeline context and related pieces,
 * and `key`, the data of all of them (not the bodies of related pieces, which the page does not show).
 */
export function articleContext(article: ArticleEntry, all: All) {
  const { labs, models, people, topics, milestones, articles } = all;
  const context = {
    labs: pick(labs, article.data.labs),
    models: pick(models, article.data.models),
    people: pick(people, article.data.people),
    topics: pick(topics, article.data.topics),
    timeline: contextWindow(milestones, article.data.labs.map((l) => l.id), article.data.milestones.map((m) => m.id), article.data.published, 1, 3),
    related: relatedArticles(article, articles),
  };
  const data = (list: { id: string; data: unknown }[]) => list.map((e) => [e.id, e.data]);
  return { ...context, key: [context.labs, context.models, context.people, context.topics, context.timeline, context.related].map(data) };
}
export type ArticleContext = ReturnType<typeof articleContext>;

/** Joins for one milestone: its lab, models, and the live pieces that cover it. */
export function milestoneContext(m: MilestoneEntry, all: All) {
  return {
    lab: all.labs.find((l) => l.id === m.data.lab.id),
    models: pick(all.models, m.data.models),
    people: pick(all.people, m.data.people),
    articles: referencing(all.articles, 'milestones', m.id),
  };
}

/** Old paths that redirect to live articles, from their `aliases`: site paths, base not applied. */
export async function getRedirects(): Promise<{ from: string; to: string }[]> {
  return (await getArticles()).flatMap((a) => a.data.aliases.map((from) => ({ from, to: paths.article(a.id) })));
}

/** The live articles a feed follows: the whole site, or one lab's or one topic's. */
export async function feedArticles(scope?: { facet: 'labs' | 'topics'; id: string }): Promise<ArticleEntry[]> {
  const articles = await getArticles();
  return scope ? referencing(articles, scope.facet, scope.id) : articles;
}

/** The timeline as rows for /data/milestones.{json,csv}. */
export async function milestoneRows(site: URL): Promise<MilestoneRow[]> {
  const all = await getAll();
  return all.milestones.map((m) => {
    const j = milestoneContext(m, all);
    return {
      id: m.id, date: m.data.date, precision: precisionOf(m.data.date), lab: m.data.lab.id, lab_name: j.lab?.data.name ?? m.data.lab.id,
      kind: m.data.kind, access: m.data.access ?? null, title: m.data.title, summary: m.data.summary,
      contested: m.data.contested, contested_note: m.data.contestedNote ?? null, models: m.data.models.map((x) => x.id),
      url: absolute(paths.milestone(m.id), site), sources: m.data.sources, articles: j.articles.map((a) => absolute(paths.article(a.id), site)),
    };
  });
}

/** The models for /data/models.json. */
export async function modelRows(site: URL) {
  return (await getModels()).map((m) => ({
    id: m.id, name: m.data.name, lab: m.data.lab.id, released: m.data.released ?? null, aliases: m.data.aliases,
    parameters_billions: { total: m.data.parameters?.total ?? null, active: m.data.parameters?.active ?? null },
    parameters_note: m.data.parametersNote ?? null, architecture: m.data.architecture ?? null, licence: m.data.licence ?? null,
    access: m.data.access, openness: m.data.openness,
    relations: { successor_of: m.data.relations.successorOf?.id ?? null, distilled_from: m.data.relations.distilledFrom.map((r) => r.id), fine_tuned_from: m.data.relations.fineTunedFrom?.id ?? null },
    url: absolute(paths.model(m.id), site), sources: m.data.sources,
  }));
}

/** The preview cards to draw: one per article, milestone and lab; `key` is the path under /og/. */
export async function ogCards() {
  const all = await getAll();
  const footer = cardFooter; // milestone and lab cards; articleCard sets its own
  return [
    ...all.articles.map((a) => ({ key: `articles/${a.id}`, card: articleCard(a.data) })),
    ...all.milestones.map((m) => ({ key: `timeline/${m.id}`, card: { kicker: `Timeline · ${formatDate(m.data.date)}`, title: m.data.title, subtitle: milestoneContext(m, all).lab?.data.name ?? '', footer } })),
    ...all.labs.map((l) => ({ key: `labs/${l.id}`, card: { kicker: 'Lab', title: l.data.name, subtitle: l.data.summary, footer } })),
  ];
}

/** A piece's BibTeX file (/articles/<slug>/cite.bib). */
export const citationFile = (a: ArticleEntry, site: URL) => bibtex(citationFor(a, site), today());

/** The files the build writes after Astro (src/integrations/generated-files.ts): BibTeX entries and preview images. */
export async function generatedFiles(site: URL) {
  const [articles, cards] = await Promise.all([getArticles(), ogCards()]);
  return {
    texts: articles.map((a) => ({ path: paths.citation(a.id), text: citationFile(a, site) })),
    previews: cards.map(({ key, card }) => ({ path: paths.og(key), card })),
  };
}

/** Site paths of every page worth keeping offline: articles, archive, timeline, entities, about. */
export async function offlinePages(): Promise<string[]> {
  const all = await getAll();
  return [
    paths.home(), paths.archive(), paths.timeline(), paths.labs(), paths.models(), paths.people(), paths.topics(), paths.about(), paths.search(),
    ...all.articles.map((a) => paths.article(a.id)), ...all.milestones.map((m) => paths.milestone(m.id)),
    ...all.labs.map((l) => paths.lab(l.id)), ...all.models.map((m) => paths.model(m.id)),
    ...all.people.map((p) => paths.person(p.id)), ...all.topics.map((t) => paths.topic(t.id)),
  ];
}

/** What a citation of a piece names: title, byline, publisher, date, absolute URL. */
export function citationFor(a: ArticleEntry, site: URL) {
  return { title: a.data.title, author: a.data.author ?? siteConfig.author, publisher: siteConfig.title, published: a.data.published, url: absolute(paths.article(a.id), site), slug: a.id };
}
