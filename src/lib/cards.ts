/**
 * What each kind of page's preview card says: kicker, title, subtitle and, for entities, a row of
 * key facts. Pure: data.ts (ogCards) gives each page its card; og-image.ts draws it.
 */
import { site } from '../site.ts';
import { formatDate } from './dates.ts';
import { formatParameters, licenceLabel, type Licence, type Parameters } from './models.ts';
import type { Card, Fact } from './og-card.ts';

/** The line at the foot of every card. */
export const cardFooter = `${site.title} · ${site.tagline}`;

const count = (n: number) => n.toLocaleString('en-GB');
/** "1 piece", "2 pieces". */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
/** A name with its native form beside it, as the page's heading shows it: "DeepSeek 深度求索". */
const named = (e: { name: string; nativeName?: string | undefined }) => (e.nativeName ? `${e.name} ${e.nativeName}` : e.name);
const facts = (list: (Fact | false | undefined)[]): Fact[] => list.filter((f): f is Fact => !!f);
/** The years a list of dates spans: "2019–2026", or one year (undefined for none). */
export const yearSpan = (dates: string[]) => {
  const ys = dates.map((d) => d.slice(0, 4)).sort();
  return ys.length === 0 ? undefined : ys[0] === ys.at(-1) ? ys[0]! : `${ys[0]}–${ys.at(-1)}`;
};

/** An article: its kind, headline and dek. */
export const articleCard = (a: { kind: string; title: string; dek: string }): Card => ({ kicker: a.kind, title: a.title, subtitle: a.dek, footer: cardFooter });

/** A timeline event: its date, title and lab. */
export const milestoneCard = (m: { date: string; title: string }, labName: string | undefined): Card => ({
  kicker: `Timeline · ${formatDate(m.date)}`,
  title: m.title,
  subtitle: labName ?? '',
  footer: cardFooter,
});

/** A lab: founded, headquarters, and how many models and timeline events we list. */
interface LabFacts {
  name: string;
  nativeName?: string | undefined;
  summary: string;
  founded?: string | undefined;
  headquarters?: string | undefined;
}
export function labCard(lab: LabFacts, listed: { models: number; events: number }): Card {
  return {
    kicker: 'Lab',
    title: named(lab),
    subtitle: lab.summary,
    footer: cardFooter,
    facts: facts([
      lab.founded !== undefined && { label: 'Founded', value: formatDate(lab.founded) },
      lab.headquarters !== undefined && { label: 'Headquarters', value: lab.headquarters },
      { label: 'Models', value: count(listed.models) },
      { label: 'Events', value: count(listed.events) },
    ]),
  };
}

/** A model: its lab; parameters, licence, release date and context length where known. */
export function modelCard(
  model: {
    name: string;
    summary: string;
    released?: string | undefined;
    parameters?: Parameters | 'undisclosed' | undefined;
    licence?: Licence | undefined;
    contextLength?: number | undefined;
  },
  labName: string | undefined,
): Card {
  const p = model.parameters;
  return {
    kicker: labName ? `Model · ${labName}` : 'Model',
    title: model.name,
    subtitle: model.summary,
    footer: cardFooter,
    facts: facts([
      (p === 'undisclosed' || p?.total !== undefined) && { label: 'Parameters', value: formatParameters(p) },
      { label: 'Licence', value: licenceLabel(model.licence) },
      model.released !== undefined && { label: 'Released', value: formatDate(model.released) },
      model.contextLength !== undefined && { label: 'Context', value: `${count(model.contextLength)} tokens` },
    ]),
  };
}

/** A person: name (and native name), summary, and up to three roles as "lab: title". */
export function personCard(person: { name: string; nativeName?: string | undefined; summary: string }, roles: { lab: string; title: string }[]): Card {
  const facts = roles.slice(0, 3).map((r) => ({ label: r.lab, value: r.title }));
  return { kicker: 'Person', title: named(person), subtitle: person.summary, footer: cardFooter, facts };
}

/** A topic: its name, description and number of pieces. */
export const topicCard = (topic: { name: string; description: string }, pieces: number): Card => ({
  kicker: 'Topic',
  title: topic.name,
  subtitle: topic.description,
  footer: cardFooter,
  facts: [{ label: 'Pieces', value: count(pieces) }],
});

/** An author: name, short bio and number of pieces. */
export const authorCard = (author: { name: string; bio: string }, pieces: number): Card => ({
  kicker: 'Author',
  title: author.name,
  subtitle: author.bio,
  footer: cardFooter,
  facts: [{ label: 'Pieces', value: count(pieces) }],
});

/** A section or listing page: its name as kicker, a headline, a line, and counts. */
export const indexCard = (kicker: string, title: string, subtitle: string, counts: Fact[] = []): Card => ({
  kicker,
  title,
  subtitle,
  footer: cardFooter,
  facts: counts,
});

/** A count as a fact: { label: 'Pieces', value: '1,204' }. */
export const countFact = (label: string, n: number): Fact => ({ label, value: count(n) });

/** A filtered timeline page: what it is filtered by, and how many events over which years. */
export function timelineFilterCard(facet: string, name: string, eventDates: string[]): Card {
  const span = yearSpan(eventDates);
  return indexCard(
    `Timeline · ${facet}`,
    name.charAt(0).toUpperCase() + name.slice(1),
    `${plural(eventDates.length, 'dated, sourced event')}${span ? `, ${span}` : ''}.`,
  );
}

/** The archive of one year, or one page of it. */
export const archiveYearCard = (year: string, page: number, pages: number, pieces: number): Card =>
  indexCard('Archive', pages > 1 ? `${year}, page ${page} of ${pages}` : year, `Every piece we published in ${year}.`, [countFact('Pieces', pieces)]);
