import { describe, expect, it } from 'vitest';
import { archiveYearCard, cardFooter, labCard, modelCard, personCard, timelineFilterCard, topicCard, yearSpan } from './cards.ts';

const facts = (card: { facts?: { label: string; value: string }[] }) => Object.fromEntries((card.facts ?? []).map((f) => [f.label, f.value]));

describe("labCard: a lab's card carries its key facts (founded, headquarters, models and events listed)", () => {
  const lab = { name: 'DeepSeek', nativeName: '深度求索', summary: 'A lab.', founded: '2023', headquarters: 'Hangzhou, Zhejiang, China' };
  it.each([
    ['every fact known', lab, { models: 12, events: 30 }, { Founded: '2023', Headquarters: 'Hangzhou, Zhejiang, China', Models: '12', Events: '30' }],
    [
      'founded to the day',
      { ...lab, founded: '2023-07-17' },
      { models: 1, events: 1 },
      { Founded: '17 July 2023', Headquarters: 'Hangzhou, Zhejiang, China', Models: '1', Events: '1' },
    ],
    ['no founding date or headquarters: left out, not "undefined"', { name: 'X', summary: 'S' }, { models: 0, events: 2 }, { Models: '0', Events: '2' }],
    [
      'large counts are grouped',
      lab,
      { models: 1204, events: 5000 },
      { Founded: '2023', Headquarters: 'Hangzhou, Zhejiang, China', Models: '1,204', Events: '5,000' },
    ],
  ])('%s', (_, l, listed, expected) => expect(facts(labCard(l, listed))).toEqual(expected));

  it('the title shows the native name beside the name, as the page heading does', () => {
    expect(labCard(lab, { models: 0, events: 0 })).toMatchObject({ kicker: 'Lab', title: 'DeepSeek 深度求索', subtitle: 'A lab.', footer: cardFooter });
    expect(labCard({ name: 'Mistral AI', summary: 'S' }, { models: 0, events: 0 }).title).toBe('Mistral AI');
  });
});

describe("modelCard: a model's card carries parameters, licence, release date (and context length where known)", () => {
  const model = { name: 'DeepSeek-R1', summary: 'A reasoning model.' };
  it.each([
    [
      'mixture of experts, SPDX licence, day of release',
      { ...model, parameters: { total: 671, active: 37 }, licence: { spdx: 'MIT', name: 'MIT License' }, released: '2025-01-20' },
      { Parameters: '671B (37B active)', Licence: 'MIT', Released: '20 January 2025' },
    ],
    [
      'a custom licence shows its name',
      { ...model, parameters: { total: 7 }, licence: { name: 'DeepSeek License Agreement' }, released: '2023-11' },
      { Parameters: '7B', Licence: 'DeepSeek License Agreement', Released: 'November 2023' },
    ],
    [
      'undisclosed parameters say so',
      { ...model, parameters: 'undisclosed' as const, licence: { spdx: 'Apache-2.0', name: 'Apache License 2.0' } },
      { Parameters: 'Undisclosed', Licence: 'Apache-2.0' },
    ],
    ['no licence: "Not stated", as on the page; unknown size and date left out', model, { Licence: 'Not stated' }],
    ['context length in tokens', { ...model, contextLength: 131072 }, { Licence: 'Not stated', Context: '131,072 tokens' }],
  ])('%s', (_, m, expected) => expect(facts(modelCard(m, 'DeepSeek'))).toEqual(expected));

  it('the kicker names the lab', () => {
    expect(modelCard(model, 'DeepSeek')).toMatchObject({ kicker: 'Model · DeepSeek', title: 'DeepSeek-R1', subtitle: 'A reasoning model.' });
    expect(modelCard(model, undefined).kicker).toBe('Model');
  });
});

describe('the other cards', () => {
  it.each([
    [
      'a person: native name in the title, roles as facts (three at most)',
      personCard({ name: 'Liang Wenfeng', nativeName: '梁文锋', summary: 'Founder.' }, [
        { lab: 'DeepSeek', title: 'Founder and CEO' },
        { lab: 'High-Flyer', title: 'Co-founder' },
      ]),
      {
        kicker: 'Person',
        title: 'Liang Wenfeng 梁文锋',
        subtitle: 'Founder.',
        facts: [
          { label: 'DeepSeek', value: 'Founder and CEO' },
          { label: 'High-Flyer', value: 'Co-founder' },
        ],
      },
    ],
    [
      'a person with four roles',
      personCard(
        { name: 'P', summary: 'S' },
        ['a', 'b', 'c', 'd'].map((lab) => ({ lab, title: 'T' })),
      ).facts!.length,
      3,
    ],
    [
      'a topic: its pieces',
      topicCard({ name: 'Licensing', description: 'D' }, 1),
      { kicker: 'Topic', title: 'Licensing', subtitle: 'D', facts: [{ label: 'Pieces', value: '1' }] },
    ],
    [
      'a filtered timeline: name capitalised, events and years',
      timelineFilterCard('kind', 'model release', ['2019-02', '2023-07-17', '2025-01-20']),
      { kicker: 'Timeline · kind', title: 'Model release', subtitle: '3 dated, sourced events, 2019–2025.' },
    ],
    ['a filtered timeline of one event', timelineFilterCard('year', '2024', ['2024-05']), { title: '2024', subtitle: '1 dated, sourced event, 2024.' }],
    ['an archive year', archiveYearCard('2025', 1, 1, 40), { kicker: 'Archive', title: '2025', facts: [{ label: 'Pieces', value: '40' }] }],
    ["an archive year's second page", archiveYearCard('2025', 2, 3, 120), { title: '2025, page 2 of 3' }],
  ])('%s', (_, actual, expected) => (typeof expected === 'object' ? expect(actual).toMatchObject(expected) : expect(actual).toBe(expected)));

  it.each([
    [[], undefined],
    [['2025-01-20'], '2025'],
    [['2025-01-20', '2019', '2023-07'], '2019–2025'],
  ])('yearSpan(%j) = %s', (dates, span) => expect(yearSpan(dates)).toBe(span));
});
