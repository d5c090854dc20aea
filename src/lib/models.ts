/** Display helpers for model facts. */
export interface Parameters {
  total?: number | undefined;
  active?: number | undefined;
}

/** Billions to a short label: 671 → "671B", 1000 → "1T", 0.5 → "500M"; active counts in parentheses. */
export function formatCount(billions: number): string {
  if (billions >= 1000) return `${+(billions / 1000).toFixed(2)}T`;
  if (billions < 1) return `${+(billions * 1000).toFixed(0)}M`;
  return `${+billions.toFixed(1)}B`;
}

export function formatParameters(p: Parameters | 'undisclosed' | undefined): string {
  if (p === 'undisclosed') return 'Undisclosed';
  if (!p?.total) return '—';
  return p.active ? `${formatCount(p.total)} (${formatCount(p.active)} active)` : formatCount(p.total);
}

export const opennessLabel: Record<string, string> = { open: 'Open', restricted: 'Restricted', closed: 'Closed', unknown: 'Not stated' };

export interface Licence {
  spdx?: string | undefined;
  name: string;
  note?: string | undefined;
}

/** A licence as a short label: its SPDX id where it has one, else its name. */
export function licenceLabel(l: Licence | undefined): string {
  return l ? (l.spdx ?? l.name) : 'Not stated';
}
