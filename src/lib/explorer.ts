/**
 * The model explorer's logic: a model as a table row, the licence families the size chart colours
 * by, and the sort orders and filters that /models/ offers as pre-rendered pages (so they work
 * without JavaScript) and that src/scripts/model-explorer.ts applies in place.
 */
import { spdxLicences, type SpdxId } from './schema.ts';

export type Openness = 'open' | 'restricted' | 'closed' | 'unknown';
export interface ModelInput {
  id: string;
  data: {
    name: string;
    lab: { id: string };
    released?: string | undefined;
    parameters?: { total?: number | undefined; active?: number | undefined } | 'undisclosed' | undefined;
    contextLength?: number | undefined;
    licence?: { spdx?: string | undefined; name: string; note?: string | undefined } | undefined;
    openness: { weights: Openness; code: Openness; data: Openness; paper: Openness };
  };
}

/** How a licence is drawn and grouped: OSI-approved, another public licence with an SPDX id, the lab's own, or none stated. */
export const licenceFamilies = {
  osi: 'OSI-approved licence',
  public: 'Other public licence (RAIL, Creative Commons)',
  custom: "The lab's own licence",
  none: 'No licence stated',
} as const;
export type LicenceFamily = keyof typeof licenceFamilies;

export interface ModelRow {
  id: string;
  name: string;
  lab: string;
  released: string;
  /** Billions; undefined when not known, 'undisclosed' when the lab did not say. */
  total: number | 'undisclosed' | undefined;
  active: number | undefined;
  context: number | undefined;
  spdx: string | undefined;
  licenceName: string;
  licenceNote: string | undefined;
  /** The licence as a URL segment: `apache-2-0`, `custom`, `not-stated`. */
  licenceSlug: string;
  osi: boolean;
  family: LicenceFamily;
  weights: Openness;
  code: Openness;
  data: Openness;
}

export const slugOfLicence = (spdx: string | undefined, stated: boolean): string =>
  spdx ? spdx.toLowerCase().replace(/[^a-z0-9]+/g, '-') : stated ? 'custom' : 'not-stated';

export function toRow(m: ModelInput): ModelRow {
  const l = m.data.licence;
  const p = m.data.parameters;
  const osi = !!l?.spdx && (spdxLicences[l.spdx as SpdxId]?.osi ?? false);
  return {
    id: m.id,
    name: m.data.name,
    lab: m.data.lab.id,
    released: m.data.released ?? '',
    total: p === 'undisclosed' ? 'undisclosed' : p?.total,
    active: p === 'undisclosed' ? undefined : p?.active,
    context: m.data.contextLength,
    spdx: l?.spdx,
    licenceName: l?.name ?? 'Not stated',
    licenceNote: l?.note,
    licenceSlug: slugOfLicence(l?.spdx, !!l),
    osi,
    family: !l ? 'none' : osi ? 'osi' : l.spdx ? 'public' : 'custom',
    weights: m.data.openness.weights,
    code: m.data.openness.code,
    data: m.data.openness.data,
  };
}

/** Sort orders: each has one direction, the one a reader asks for (newest, largest, longest first; names A to Z). */
export const sortKeys = {
  released: 'Newest first',
  params: 'Most parameters first',
  active: 'Most active parameters first',
  context: 'Longest context first',
  name: 'Name, A to Z',
} as const;
export type SortKey = keyof typeof sortKeys;
export const DEFAULT_SORT: SortKey = 'released';

/** The number a row sorts by (names sort separately); unknown values sort last. */
export function sortValue(r: Pick<ModelRow, 'released' | 'total' | 'active' | 'context'>, key: Exclude<SortKey, 'name'>): number | string | undefined {
  switch (key) {
    case 'released':
      return r.released || undefined;
    case 'params':
      return typeof r.total === 'number' ? r.total : undefined;
    case 'active':
      return r.active ?? (typeof r.total === 'number' ? r.total : undefined);
    case 'context':
      return r.context;
  }
}

export function sortRows<T extends ModelRow>(rows: T[], key: SortKey): T[] {
  if (key === 'name') return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === undefined || y === undefined) return x === y ? a.name.localeCompare(b.name, 'en') : x === undefined ? 1 : -1;
    return (x < y ? 1 : x > y ? -1 : 0) || a.name.localeCompare(b.name, 'en');
  });
}

/** Filters: by licence (its slug) or by how open the weights are. */
export type FilterFacet = 'licence' | 'weights';
export const filterFacets: FilterFacet[] = ['licence', 'weights'];
export const facetOf = (r: ModelRow, facet: FilterFacet): string => (facet === 'licence' ? r.licenceSlug : r.weights);

export function filterRows<T extends ModelRow>(rows: T[], facet: FilterFacet, value: string): T[] {
  return rows.filter((r) => facetOf(r, facet) === value);
}

/** Every value a filter takes, with its label and count, most frequent first. */
export function filterValues(rows: ModelRow[], facet: FilterFacet): { value: string; label: string; count: number }[] {
  const seen = new Map<string, { value: string; label: string; count: number }>();
  for (const r of rows) {
    const value = facetOf(r, facet);
    const label =
      facet === 'licence' ? (r.spdx ?? (r.licenceSlug === 'custom' ? "Lab's own" : 'Not stated')) : r.weights === 'unknown' ? 'not stated' : r.weights;
    const e = seen.get(value) ?? { value, label, count: 0 };
    e.count++;
    seen.set(value, e);
  }
  return [...seen.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The share of rows whose parameter count is known or explicitly undisclosed. */
export const parameterCoverage = (rows: Pick<ModelRow, 'total'>[]): number =>
  rows.length ? rows.filter((r) => r.total !== undefined).length / rows.length : 0;

/** A context length as labs write it: 4096 → "4K", 131072 → "128K", 1000000 → "1M", 10000000 → "10M". */
export function formatContext(tokens: number | undefined): string {
  if (tokens === undefined) return '—';
  if (tokens >= 1e6) return `${+(tokens / 1e6).toFixed(1)}M`;
  return `${+(tokens / (tokens % 1024 === 0 ? 1024 : 1000)).toFixed(1)}K`;
}
