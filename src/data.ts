/**
 * The only caller of getCollection(). Pages ask here for published, sorted, joined content;
 * "published" is decided once: not a draft (outside dev), and not scheduled for a later day.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { comparePartialDates, today } from './lib/dates.ts';
import { editorsOrder } from './lib/order.ts';
import { site as siteConfig } from './site.ts';
import { referencing, relatedArticles } from './lib/relations.ts';
import { contextWindow, facetCounts, filterMilestones, type TimelineFacet } from './lib/timeline.ts';
import { bibtex } from './lib/cite.ts';
import {
  authorCard,
  archiveYearCard,
  articleCard,
  countFact,
  indexCard,
  labCard,
  milestoneCard,
  modelCard,
  personCard,
  timelineFilterCard,
  topicCard,
  yearSpan,
} from './lib/cards.ts';
import type { Card } from './lib/og-card.ts';
import { DEFAULT_SORT, filterFacets, filterRows, filterValues, sortKeys, toRow, type ModelRow, type SortKey } from './lib/explorer.ts';
import { paginate, yearsOf } from './lib/archive.ts';
import { absolute, paths, previewKey } from './lib/urls.ts';
import { precisionOf, type MilestoneRow } from './lib/export-data.ts';
import { bylineOf, joinNames, type BylineName } from './lib/authors.ts';
import { correctionsList, type CorrectedPage, type CorrectionRow } from './lib/corrections.ts';
import { dataset, type DatasetId } from './lib/datasets.ts';
import { sliceMilestones, type SliceQuery } from './lib/timeline-slice.ts';
import { vocabularyOf } from './lib/search-words.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentDir } from './site.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type LabEntry = CollectionEntry<'labs'>;
export type ModelEntry = CollectionEntry<'models'>;
export type PersonEntry = CollectionEntry<'people'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type MilestoneEntry = CollectionEntry<'milestones'>;
export type AuthorEntry = CollectionEntry<'authors'>;

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
  return (await getCollection('models')).sort(
    (a, b) => comparePartialDates(a.data.released ?? '9999', b.data.released ?? '9999') || a.data.name.localeCompare(b.data.name),
  );
}
export async function getPeople(): Promise<PersonEntry[]> {
  return (await getCollection('people')).sort(byName);
}
let authorsCache: Promise<AuthorEntry[]> | undefined;
export function getAuthors(): Promise<AuthorEntry[]> {
  authorsCache ??= getCollection('authors').then((list) => list.sort(byName));
  return authorsCache;
}

/** Who a piece is credited to (lib/authors.ts): its authors, or the default author, or the publication. */
export function bylineFor(a: ArticleEntry, authors: AuthorEntry[]): BylineName[] {
  const list = authors.map((x) => ({ id: x.id, name: x.data.name, type: x.data.type }));
  return bylineOf(
    a.data.authors.map((r) => r.id),
    list,
    siteConfig.defaultAuthor,
    siteConfig.author,
  );
}

/** The author ids a piece is credited to: those it names, or the default author. */
export const creditedTo = (a: ArticleEntry): string[] => (a.data.authors.length ? a.data.authors.map((r) => r.id) : [siteConfig.defaultAuthor]);

/** An author's live pieces, newest first: what their page lists and their feed carries. */
export async function piecesBy(authorId: string): Promise<ArticleEntry[]> {
  return (await getArticles()).filter((a) => creditedTo(a).includes(authorId));
}

export async function getTopics(): Promise<TopicEntry[]> {
  return (await getCollection('topics')).sort(byName);
}
/** Milestones in chronological order (partial dates before the days they contain). */
export async function getMilestones(): Promise<MilestoneEntry[]> {
  return (await getCollection('milestones')).sort((a, b) => comparePartialDates(a.data.date, b.data.date) || a.id.localeCompare(b.id));
}

/** Everything at once, for pages that join across collections. */
export async function getAll() {
  const [articles, labs, models, people, topics, milestones, authors] = await Promise.all([
    getArticles(),
    getLabs(),
    getModels(),
    getPeople(),
    getTopics(),
    getMilestones(),
    getAuthors(),
  ]);
  return { articles, labs, models, people, topics, milestones, authors };
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
    byline: bylineFor(article, all.authors),
    labs: pick(labs, article.data.labs),
    models: pick(models, article.data.models),
    people: pick(people, article.data.people),
    topics: pick(topics, article.data.topics),
    timeline: contextWindow(
      milestones,
      article.data.labs.map((l) => l.id),
      article.data.milestones.map((m) => m.id),
      article.data.published,
      1,
      3,
    ),
    related: relatedArticles(article, articles),
  };
  const data = (list: { id: string; data: unknown }[]) => list.map((e) => [e.id, e.data]);
  return { ...context, key: [context.byline, ...[context.labs, context.models, context.people, context.topics, context.timeline, context.related].map(data)] };
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

/** Every correction on the site (live articles, milestones, models, labs, people), newest first. */
export async function getCorrections(): Promise<CorrectionRow[]> {
  const all = await getAll();
  const page = (kind: CorrectedPage['kind'], id: string, title: string, path: string, corrections: CorrectedPage['corrections']): CorrectedPage => ({
    kind,
    id,
    title,
    path,
    corrections,
  });
  return correctionsList([
    ...all.articles.map((a) => page('article', a.id, a.data.title, paths.article(a.id), a.data.corrections)),
    ...all.milestones.map((m) => page('milestone', m.id, m.data.title, paths.milestone(m.id), m.data.corrections)),
    ...all.models.map((m) => page('model', m.id, m.data.name, paths.model(m.id), m.data.corrections)),
    ...all.labs.map((l) => page('lab', l.id, l.data.name, paths.lab(l.id), l.data.corrections)),
    ...all.people.map((p) => page('person', p.id, p.data.name, paths.person(p.id), p.data.corrections)),
  ]);
}

/** Old paths that redirect to live articles, from their `aliases`: site paths, base not applied. */
export async function getRedirects(): Promise<{ from: string; to: string }[]> {
  return (await getArticles()).flatMap((a) => a.data.aliases.map((from) => ({ from, to: paths.article(a.id) })));
}

/** The timeline as rows for /data/milestones.{json,csv}. */
export async function milestoneRows(site: URL): Promise<MilestoneRow[]> {
  const all = await getAll();
  return all.milestones.map((m) => {
    const j = milestoneContext(m, all);
    return {
      id: m.id,
      date: m.data.date,
      precision: precisionOf(m.data.date),
      lab: m.data.lab.id,
      lab_name: j.lab?.data.name ?? m.data.lab.id,
      kind: m.data.kind,
      access: m.data.access ?? null,
      title: m.data.title,
      summary: m.data.summary,
      contested: m.data.contested,
      contested_note: m.data.contestedNote ?? null,
      models: m.data.models.map((x) => x.id),
      url: absolute(paths.milestone(m.id), site),
      sources: m.data.sources,
      articles: j.articles.map((a) => absolute(paths.article(a.id), site)),
    };
  });
}

/** The models for /data/models.json. */
export async function modelRows(site: URL) {
  return (await getModels()).map((m) => ({
    id: m.id,
    name: m.data.name,
    lab: m.data.lab.id,
    released: m.data.released ?? null,
    aliases: m.data.aliases,
    parameters_billions:
      m.data.parameters === 'undisclosed' ? 'undisclosed' : { total: m.data.parameters?.total ?? null, active: m.data.parameters?.active ?? null },
    parameters_source: m.data.parametersSource ?? null,
    context_length: m.data.contextLength ?? null,
    parameters_note: m.data.parametersNote ?? null,
    architecture: m.data.architecture ?? null,
    licence: m.data.licence ?? null,
    access: m.data.access,
    openness: m.data.openness,
    relations: {
      successor_of: m.data.relations.successorOf?.id ?? null,
      distilled_from: m.data.relations.distilledFrom.map((r) => r.id),
      fine_tuned_from: m.data.relations.fineTunedFrom?.id ?? null,
    },
    url: absolute(paths.model(m.id), site),
    sources: m.data.sources,
  }));
}

const labName = (all: All, id: string) => all.labs.find((l) => l.id === id)?.data.name ?? id;
const timelineFacets: TimelineFacet[] = ['lab', 'kind', 'access', 'year'];
type PageCard = { page: string; card: Card };
const years = (dates: string[]) => ({ label: 'Years', value: yearSpan(dates) ?? '–' });

/**
 * Every page's preview card, one function per page type, giving each page's site path and card.
 * BaseLayout links every page to the card named after its path (paths.preview), so a page type
 * missing here shows a broken og:image, which tests/build/previews-and-budgets.test.ts catches.
 */
const pageCards: Record<string, (all: All) => PageCard[]> = {
  home: (all) => [
    {
      page: paths.home(),
      card: indexCard('Open-source AI', siteConfig.title, siteConfig.description, [
        countFact('Pieces', all.articles.length),
        countFact('Events', all.milestones.length),
        countFact('Labs', all.labs.length),
        countFact('Models', all.models.length),
      ]),
    },
  ],
  articles: (all) => all.articles.map((a) => ({ page: paths.article(a.id), card: articleCard(a.data) })),
  archive: (all) => [
    {
      page: paths.archive(),
      card: indexCard('Archive', 'Every piece we have published', 'By date, newest first.', [
        countFact('Pieces', all.articles.length),
        years(all.articles.map((a) => a.data.published)),
      ]),
    },
    ...yearsOf(all.articles).flatMap((y) => {
      const pages = paginate(y.articles, siteConfig.archivePageSize).length;
      return Array.from({ length: pages }, (_, i) => ({
        page: paths.archiveYear(y.year, i + 1),
        card: archiveYearCard(y.year, i + 1, pages, y.articles.length),
      }));
    }),
  ],
  timeline: (all) => [
    {
      page: paths.timeline(),
      card: indexCard('Timeline', 'Open-source AI, event by event', 'Dated, sourced milestones of open-source and open-weights AI, from GPT-2 to today.', [
        countFact('Events', all.milestones.length),
        years(all.milestones.map((m) => m.data.date)),
      ]),
    },
    ...timelineFacets.flatMap((facet) =>
      facetCounts(all.milestones, facet).map(({ value }) => {
        const name = facet === 'lab' ? labName(all, value) : value.replace('-', ' '); // as the page names it
        const dates = filterMilestones(all.milestones, facet, value).map((m) => m.data.date);
        return { page: paths.timelineFilter(facet, value), card: timelineFilterCard(facet, name, dates) };
      }),
    ),
    ...all.milestones.map((m) => ({ page: paths.milestone(m.id), card: milestoneCard(m.data, all.labs.find((l) => l.id === m.data.lab.id)?.data.name) })),
  ],
  labs: (all) => [
    {
      page: paths.labs(),
      card: indexCard('Labs', 'The labs behind open-source AI', 'The labs, companies and institutions behind open-source and open-weights AI.', [
        countFact('Labs', all.labs.length),
      ]),
    },
    ...all.labs.map((l) => ({
      page: paths.lab(l.id),
      card: labCard(l.data, {
        models: all.models.filter((m) => m.data.lab.id === l.id).length,
        events: all.milestones.filter((m) => m.data.lab.id === l.id).length,
      }),
    })),
  ],
  models: (all) => [
    {
      page: paths.models(),
      card: indexCard(
        'Models',
        'Open-weights and open-source models',
        'With their licences, and how open each part is: weights, code, training data and paper.',
        [countFact('Models', all.models.length)],
      ),
    },
    ...all.models.map((m) => ({ page: paths.model(m.id), card: modelCard(m.data, labName(all, m.data.lab.id)) })),
    ...explorerViews(all.models.map(toRow)).map((v) => ({
      page: v.path,
      card: indexCard('Models', `Models, ${v.label}`, 'Open-weight models: size, context, licence and openness.', [countFact('Models', v.count)]),
    })),
  ],
  people: (all) => [
    {
      page: paths.people(),
      card: indexCard('People', 'The people behind the labs and models', 'Founders, researchers and executives of open-source and open-weights AI.', [
        countFact('People', all.people.length),
      ]),
    },
    ...all.people.map((p) => ({
      page: paths.person(p.id),
      card: personCard(
        p.data,
        p.data.roles.map((r) => ({ lab: labName(all, r.lab.id), title: r.title })),
      ),
    })),
  ],
  topics: (all) => [
    { page: paths.topics(), card: indexCard('Topics', 'The subjects we cover', 'Each with every piece about it.', [countFact('Topics', all.topics.length)]) },
    ...all.topics.map((t) => ({ page: paths.topic(t.id), card: topicCard(t.data, referencing(all.articles, 'topics', t.id).length) })),
  ],
  authors: (all) =>
    all.authors.length
      ? [
          {
            page: paths.authors(),
            card: indexCard('Authors', `Who writes ${siteConfig.title}`, 'Each author with their pieces and a feed.', [
              countFact('Authors', all.authors.length),
            ]),
          },
          ...all.authors.map((a) => ({ page: paths.author(a.id), card: authorCard(a.data, all.articles.filter((p) => creditedTo(p).includes(a.id)).length) })),
        ]
      : [],
  corrections: () => [
    {
      page: paths.corrections(),
      card: indexCard('Corrections', 'Every correction we have made', 'What was wrong, what is right, and when: articles, timeline and knowledge base.'),
    },
  ],
  search: () => [{ page: paths.search(), card: indexCard('Search', `Search ${siteConfig.title}`, 'Every article, timeline event, lab, model and person.') }],
  about: () => [
    { page: paths.about(), card: indexCard('About', `About ${siteConfig.title}`, 'What we are, how we source facts, and how we correct mistakes.') },
  ],
  notFound: () => [
    { page: '/404.html', card: indexCard('Not found', 'Page not found', 'This page does not exist. Search the site, or start from the front page.') },
  ],
};

/** The preview cards to draw, one per page; `key` is the card's path under /og/. */
export async function ogCards() {
  const all = await getAll();
  return Object.values(pageCards)
    .flatMap((cards) => cards(all))
    .map(({ page, card }) => ({ key: previewKey(page), card }));
}

/** A piece's BibTeX file (/articles/<slug>/cite.bib). */
export const citationFile = (a: ArticleEntry, site: URL, byline: BylineName[]) => bibtex(citationFor(a, site, byline), today());

/** The files the build writes after Astro (src/integrations/generated-files.ts): BibTeX entries and preview images. */
export async function generatedFiles(site: URL) {
  const [articles, cards, authors] = await Promise.all([getArticles(), ogCards(), getAuthors()]);
  return {
    texts: articles.map((a) => ({ path: paths.citation(a.id), text: citationFile(a, site, bylineFor(a, authors)) })),
    previews: cards.map(({ key, card }) => ({ path: paths.og(key), card })),
  };
}

/** Site paths of every page worth keeping offline: articles, archive, timeline, entities, about. */
export async function offlinePages(): Promise<string[]> {
  const all = await getAll();
  return [
    paths.home(),
    paths.archive(),
    paths.timeline(),
    paths.labs(),
    paths.models(),
    paths.people(),
    paths.topics(),
    paths.about(),
    paths.search(),
    ...(all.authors.length ? [paths.authors(), ...all.authors.map((x) => paths.author(x.id))] : []),
    ...all.articles.map((a) => paths.article(a.id)),
    ...all.milestones.map((m) => paths.milestone(m.id)),
    ...all.labs.map((l) => paths.lab(l.id)),
    ...all.models.map((m) => paths.model(m.id)),
    ...all.people.map((p) => paths.person(p.id)),
    ...all.topics.map((t) => paths.topic(t.id)),
  ];
}

/** What a citation of a piece names: title, byline, publisher, date, absolute URL. */
export function citationFor(a: ArticleEntry, site: URL, byline: BylineName[]) {
  return {
    title: a.data.title,
    author: joinNames(byline.map((n) => n.name)),
    publisher: siteConfig.title,
    published: a.data.published,
    url: absolute(paths.article(a.id), site),
    slug: a.id,
  };
}

/** A knowledge-base dataset for <Chart dataset="…"/> (src/lib/datasets.ts). */
export async function chartDataset(id: DatasetId) {
  const [milestones, labs] = await Promise.all([getMilestones(), getLabs()]);
  return dataset(id, { milestones, labs });
}

/** The events a <TimelineSlice> shows, with their labs; `topic` means the events pieces on it cover. */
export async function timelineSlice(q: Omit<SliceQuery, 'topicMilestones'> & { topic?: string | undefined }) {
  const [milestones, labs, articles] = await Promise.all([getMilestones(), getLabs(), getArticles()]);
  const topicMilestones = q.topic ? referencing(articles, 'topics', q.topic).flatMap((a) => a.data.milestones.map((m) => m.id)) : undefined;
  return sliceMilestones(milestones, { ...q, topicMilestones }).map((m) => ({ milestone: m, lab: labs.find((l) => l.id === m.data.lab.id) }));
}

/** Models by id for article components, with their labs; ids not found are left for the caller to report. */
export async function modelsById(ids: string[]) {
  const [models, labs] = await Promise.all([getModels(), getLabs()]);
  return ids.map((id) => {
    const model = models.find((m) => m.id === id);
    return { id, model, lab: model && labs.find((l) => l.id === model.data.lab.id) };
  });
}

/** content/synonyms.yaml, checked by the content check before the build reads it; none without the file. */
export async function getSynonyms(): Promise<string[][]> {
  const text = await readFile(path.join(contentDir, 'synonyms.yaml'), 'utf8').catch(() => '');
  return ((parseYaml(text) ?? []) as unknown[][]).map((entry) => entry.map(String));
}

/**
 * What both searches read beside their index: the synonym list, and the site's vocabulary for
 * "Did you mean …?": the words of the names and aliases of labs, people and models, and the other
 * words of topic names and of the titles of articles and milestones.
 */
export async function searchWords(): Promise<{ synonyms: string[][]; names: string[]; words: string[] }> {
  const all = await getAll();
  const names = vocabularyOf([...all.labs, ...all.people, ...all.models].flatMap((e) => [e.data.name, ...(e.data.aliases ?? [])]));
  const known = new Set(names);
  const words = vocabularyOf([
    ...all.topics.map((t) => t.data.name),
    ...all.articles.map((a) => a.data.title),
    ...all.milestones.map((m) => m.data.title),
  ]).filter((w) => !known.has(w));
  return { synonyms: await getSynonyms(), names, words };
}

/** The model explorer's sorted and filtered pages (pages/models/[facet]/[value].astro): path, label, row count. */
export function explorerViews(rows: ModelRow[]) {
  const sorts = (Object.keys(sortKeys) as SortKey[])
    .filter((k) => k !== DEFAULT_SORT)
    .map((k) => ({ path: paths.modelsSort(k), label: sortKeys[k].toLowerCase(), count: rows.length }));
  const filters = filterFacets.flatMap((facet) =>
    filterValues(rows, facet).map(({ value, label }) => ({
      path: paths.modelsFilter(facet, value),
      label: `${facet}: ${label}`,
      count: filterRows(rows, facet, value).length,
    })),
  );
  return [...sorts, ...filters];
}
