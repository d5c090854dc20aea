/**
 * The one place that reads a model's fields for article components (ModelFacts, Compare): a spec card
 * as label/value rows. When the model schema changes, only this file follows it.
 */
import { formatDate } from './dates.ts';
import { formatCount, opennessLabel } from './models.ts';

/** The fields read, as the models collection has them today. */
export interface ModelLike {
  name: string;
  released?: string | undefined;
  parameters?: { total?: number | undefined; active?: number | undefined } | undefined;
  parametersNote?: string | undefined;
  architecture?: string | undefined;
  licence?: string | undefined;
  access: string;
  openness: { weights: string; code: string; data: string; paper: string };
}

export interface FactRow { label: string; value: string }

const ARCHITECTURE: Record<string, string> = { dense: 'Dense transformer', moe: 'Mixture of experts', diffusion: 'Diffusion', other: 'Other' };
const ACCESS: Record<string, string> = { 'open-weights': 'Open weights', 'open-source': 'Open source', 'api-only': 'API only' };
const NOT_STATED = 'Not stated';

export function modelFacts(m: ModelLike, labName: string): FactRow[] {
  const p = m.parameters;
  return [
    { label: 'Lab', value: labName },
    { label: 'Released', value: m.released ? formatDate(m.released) : NOT_STATED },
    { label: 'Parameters', value: p?.total ? formatCount(p.total) : NOT_STATED },
    { label: 'Active per token', value: p?.active ? formatCount(p.active) : p?.total ? 'All (dense)' : NOT_STATED },
    { label: 'Architecture', value: m.architecture ? ARCHITECTURE[m.architecture] ?? m.architecture : NOT_STATED },
    { label: 'Licence', value: m.licence ?? NOT_STATED },
    { label: 'Access', value: ACCESS[m.access] ?? m.access },
    { label: 'Weights', value: opennessLabel[m.openness.weights] ?? m.openness.weights },
    { label: 'Training code', value: opennessLabel[m.openness.code] ?? m.openness.code },
    { label: 'Training data', value: opennessLabel[m.openness.data] ?? m.openness.data },
    { label: 'Paper', value: opennessLabel[m.openness.paper] ?? m.openness.paper },
  ];
}

/** A note to show under the card (why a count is what it is), if the model has one. */
export const modelNote = (m: ModelLike): string | undefined => m.parametersNote;
