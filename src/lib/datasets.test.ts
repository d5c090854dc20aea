import { describe, expect, it } from 'vitest';
import { dataset, regionOf } from './datasets.ts';

const m = (id: string, date: string, lab: string, kind = 'model-release') => ({ id, data: { date, kind, lab: { id: lab } } });
const input = {
  milestones: [
    m('a', '2021-05', 'meta'),
    m('b', '2023-01-02', 'deepseek'),
    m('c', '2023-03', 'mistral'),
    m('d', '2023-04', 'meta', 'funding'),
    m('e', '2023', 'nowhere'),
  ],
  labs: [
    { id: 'meta', data: { country: 'US' } },
    { id: 'deepseek', data: { country: 'CN' } },
    { id: 'mistral', data: { country: 'FR' } },
    { id: 'nowhere', data: {} },
  ],
};

describe('regionOf: how charts group countries', () => {
  it.each([
    ['US', 'United States'],
    ['CN', 'China'],
    ['FR', 'Europe'],
    ['GB', 'Europe'],
    ['AE', 'UAE'],
    ['JP', 'Elsewhere'],
    [undefined, 'Unstated'],
  ])('%s → %s', (c, r) => expect(regionOf(c)).toBe(r));
});

describe('dataset: tables computed from the knowledge base', () => {
  it('releases-by-year counts model releases only, and shows empty years', () => {
    expect(dataset('releases-by-year', input)).toEqual({
      series: ['Releases'],
      rows: [
        { label: '2021', values: [1] },
        { label: '2022', values: [0] },
        { label: '2023', values: [3] },
      ],
    });
  });
  it("releases-by-year-and-region splits them by the lab's region, only regions that occur", () => {
    expect(dataset('releases-by-year-and-region', input)).toEqual({
      series: ['United States', 'China', 'Europe', 'Unstated'],
      rows: [
        { label: '2021', values: [1, 0, 0, 0] },
        { label: '2022', values: [0, 0, 0, 0] },
        { label: '2023', values: [0, 1, 1, 1] },
      ],
    });
  });
  it('no releases, no rows', () => expect(dataset('releases-by-year', { milestones: [], labs: [] }).rows).toEqual([]));
});
