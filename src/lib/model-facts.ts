/**
 * The one place that reads a model's fields for article components (ModelFacts, Compare): a spec card
 * as label/value rows. When the model schema changes, only this file follows it.
 */
import { formatDate } from './dates.ts';
import { formatCount, licenceLabel, opennessLabel, type Licence } from './models.ts';

/** The fields read, as the models collection has them today. */
export interface ModelLike {
  name: string;
  released?: string | undefined;
  parameters?: { total?: number | undefined; active?: number | undefined } | 'undisclosed' | undefined;
  contextLength?: number | undefined;
  parametersNote?: string | undefined;
  architecture?: string | undefined;
  licence?: Licence | undefined;
  access: string;
  openness: { weights: string; code: string; data: string; paper: string };
}

export interface FactRow {
  label: string;
  value: string;
}

const ARCHITECTURE: Record<string, string> = { dense: 'Dense transformer', moe: 'Mixture of experts', diffusion: 'Diffusion', other: 'Other' };
const ACCESS: Record<string, string> = { 'open-weights': 'Open weights', 'open-source': 'Open source', 'api-only': 'API only' };
const NOT_STATED = 'Not stated';

export function modelFacts(m: ModelLike, labName: string): FactRow[] {
  const undisclosed = m.parameters === 'undisclosed';
  const p = m.parameters === 'undisclosed' ? undefined : m.parameters;
  const unknown = undisclosed ? 'Undisclosed' : NOT_STATED;
  return [
    { label: 'Lab', value: labName },
    { label: 'Released', value: m.released ? formatDate(m.released) : NOT_STATED },
    { label: 'Parameters', value: p?.total ? formatCount(p.total) : unknown },
    { label: 'Active per token', value: p?.active ? formatCount(p.active) : p?.total ? 'All (dense)' : unknown },
    { label: 'Context', value: m.contextLength ? `${m.contextLength.toLocaleString('en-GB')} tokens` : NOT_STATED },
    { label: 'Architecture', value: m.architecture ? (ARCHITECTURE[m.architecture] ?? m.architecture) : NOT_STATED },
    { label: 'Licence', value: m.licence ? `${licenceLabel(m.licence)}${m.licence.spdx ? '' : ' (custom)'}` : NOT_STATED },
    { label: 'Access', value: ACCESS[m.access] ?? m.access },
    { label: 'Weights', value: opennessLabel[m.openness.weights] ?? m.openness.weights },
    { label: 'Training code', value: opennessLabel[m.openness.code] ?? m.openness.code },
    { label: 'Training data', value: opennessLabel[m.openness.data] ?? m.openness.data },
    { label: 'Paper', value: opennessLabel[m.openness.paper] ?? m.openness.paper },
  ];
}

/** A note to show under the card (why a count is what it is), if the model has one. */
export const modelNote = (m: ModelLike): string | undefined => m.parametersNote;
