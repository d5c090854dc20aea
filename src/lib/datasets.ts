/**
 * Knowledge-base datasets an article's <Chart dataset="…"/> can name, computed from plain entries
 * (src/data.ts gathers them). Each returns the table a chart draws; its id is the name writers use.
 */
import type { ChartData } from './charts/index.ts';
import { yearOf } from './dates.ts';

export const datasetIds = ['releases-by-year', 'releases-by-year-and-region'] as const;
export type DatasetId = (typeof datasetIds)[number];

/** What the datasets read: timeline events and labs, as plain data. */
export interface DatasetInput {
  milestones: { id: string; data: { date: string; kind: string; lab: { id: string } } }[];
  labs: { id: string; data: { country?: string | undefined } }[];
}

/** How charts group countries (ISO 3166-1 alpha-2): the ones with many labs by name, Europe together. */
const EUROPE = new Set(['AT', 'BE', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'IE', 'IT', 'NL', 'NO', 'PL', 'PT', 'SE']);
const NAMED: Record<string, string> = { US: 'United States', CN: 'China', AE: 'UAE' };
export const REGIONS = ['United States', 'China', 'Europe', 'UAE', 'Elsewhere', 'Unstated'] as const;
export function regionOf(country: string | undefined): (typeof REGIONS)[number] {
  if (!country) return 'Unstated';
  if (EUROPE.has(country)) return 'Europe';
  return (NAMED[country] as (typeof REGIONS)[number] | undefined) ?? 'Elsewhere';
}

/** Every year from the first release to the last, so that a year with none shows as a gap. */
function years(list: DatasetInput['milestones']): number[] {
  const ys = list.map((m) => yearOf(m.data.date));
  if (ys.length === 0) return [];
  const out: number[] = [];
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y);
  return out;
}

export function dataset(id: DatasetId, input: DatasetInput): ChartData {
  const releases = input.milestones.filter((m) => m.data.kind === 'model-release');
  switch (id) {
    case 'releases-by-year':
      return {
        series: ['Releases'],
        rows: years(releases).map((y) => ({ label: String(y), values: [releases.filter((m) => yearOf(m.data.date) === y).length] })),
      };
    case 'releases-by-year-and-region': {
      const country = new Map(input.labs.map((l) => [l.id, l.data.country]));
      const regionOfRelease = (m: DatasetInput['milestones'][number]) => regionOf(country.get(m.data.lab.id));
      const used = REGIONS.filter((r) => releases.some((m) => regionOfRelease(m) === r));
      return {
        series: [...used],
        rows: years(releases).map((y) => ({
          label: String(y),
          values: used.map((r) => releases.filter((m) => yearOf(m.data.date) === y && regionOfRelease(m) === r).length),
        })),
      };
    }
  }
}
