import { describe, expect, it } from 'vitest';
import { filterRows, filterValues, formatContext, parameterCoverage, slugOfLicence, sortRows, toRow, type ModelInput } from './explorer.ts';

const open = { weights: 'open', code: 'open', data: 'unknown', paper: 'open' } as const;
const m = (
  id: string,
  released: string,
  parameters: ModelInput['data']['parameters'],
  licence: ModelInput['data']['licence'],
  contextLength?: number,
): ModelInput => ({
  id,
  data: {
    name: id.toUpperCase(),
    lab: { id: 'lab' },
    released,
    parameters,
    licence,
    contextLength,
    openness: { ...open, weights: licence?.spdx ? 'open' : 'restricted' },
  },
});
const models = [
  m('a', '2023-07-18', { total: 70 }, { name: 'Llama 2 Community License' }, 4096),
  m('b', '2025-01-20', { total: 671, active: 37 }, { spdx: 'MIT', name: 'MIT License' }, 131072),
  m('c', '2024', 'undisclosed', { spdx: 'Apache-2.0', name: 'Apache License 2.0' }),
  m('d', '2022-08-22', { total: 0.86 }, { spdx: 'CreativeML-OpenRAIL-M', name: 'CreativeML OpenRAIL-M' }),
  m('e', '2019-02-14', undefined, undefined),
].map(toRow);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).join('');

describe('toRow: licence family and OSI status come from the SPDX id', () => {
  it.each([
    ['a', 'custom', false, 'custom'],
    ['b', 'osi', true, 'mit'],
    ['c', 'osi', true, 'apache-2-0'],
    ['d', 'public', false, 'creativeml-openrail-m'],
    ['e', 'none', false, 'not-stated'],
  ])('%s: family %s, OSI %s, slug %s', (id, family, osi, slug) => {
    const r = models.find((x) => x.id === id)!;
    expect([r.family, r.osi, r.licenceSlug]).toEqual([family, osi, slug]);
  });
  it('undisclosed stays undisclosed, not a number and not unknown', () => expect(models.find((r) => r.id === 'c')!.total).toBe('undisclosed'));
  it.each([
    ['BSD-3-Clause', true, 'bsd-3-clause'],
    [undefined, true, 'custom'],
    [undefined, false, 'not-stated'],
  ] as const)('slug of %s (stated %s) is %s', (s, stated, slug) => {
    expect(slugOfLicence(s, stated)).toBe(slug);
  });
});

describe('sortRows: one direction per key, unknown values last', () => {
  it.each([
    ['released', 'bcade'], // newest first; a year-only date sorts by its year
    ['params', 'badce'], // undisclosed and unknown after every count
    ['active', 'abdce'], // a dense model's active count is its total: 70B before 37B of 671B
    ['context', 'bacde'],
    ['name', 'abcde'],
  ] as const)('%s → %s', (key, order) => expect(ids(sortRows(models, key))).toBe(order));
});

describe('filterRows and filterValues: each value a page, with its count', () => {
  it.each([
    ['licence', 'mit', 'b'],
    ['licence', 'custom', 'a'],
    ['licence', 'not-stated', 'e'],
    ['weights', 'open', 'bcd'],
    ['weights', 'restricted', 'ae'],
  ] as const)('%s = %s → %s', (facet, value, out) => expect(ids(filterRows(models, facet, value))).toBe(out));
  it('labels licences by SPDX id, the rest in words; most frequent first', () => {
    expect(filterValues(models, 'weights')).toEqual([
      { value: 'open', label: 'open', count: 3 },
      { value: 'restricted', label: 'restricted', count: 2 },
    ]);
    expect(filterValues(models, 'licence').map((v) => v.label)).toEqual(['Apache-2.0', 'CreativeML-OpenRAIL-M', "Lab's own", 'MIT', 'Not stated']);
  });
});

describe('parameterCoverage: a count or an explicit undisclosed both count', () => {
  it.each<[Parameters<typeof parameterCoverage>[0], number]>([
    [models, 0.8],
    [[], 0],
    [[{ total: undefined }], 0],
  ])('%# → %d', (rows, share) => expect(parameterCoverage(rows)).toBe(share));
});

describe('formatContext: lengths as labs write them', () => {
  it.each([
    [undefined, '—'],
    [4096, '4K'],
    [131072, '128K'],
    [32000, '32K'],
    [1000000, '1M'],
    [1048576, '1M'],
    [10000000, '10M'],
  ])('%s → %s', (n, s) => expect(formatContext(n)).toBe(s));
});
