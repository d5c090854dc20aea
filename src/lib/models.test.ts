import { describe, expect, it } from 'vitest';
import { formatCount, formatParameters, licenceLabel } from './models.ts';

describe('formatParameters: counts as readers write them', () => {
  it.each<[Parameters<typeof formatParameters>[0], string]>([
    [undefined, '—'],
    [{}, '—'],
    ['undisclosed', 'Undisclosed'],
    [{ total: 671, active: 37 }, '671B (37B active)'],
    [{ total: 1000, active: 32 }, '1T (32B active)'],
    [{ total: 7 }, '7B'],
    [{ total: 1.5 }, '1.5B'],
    [{ total: 0.124 }, '124M'],
    [{ total: 46.7, active: 12.9 }, '46.7B (12.9B active)'],
  ])('%o → %s', (p, label) => expect(formatParameters(p)).toBe(label));
  it.each([
    [1000, '1T'],
    [1500, '1.5T'],
    [0.5, '500M'],
  ])('%d → %s', (n, s) => expect(formatCount(n)).toBe(s));
});

describe('licenceLabel: the SPDX id where there is one, else the name', () => {
  it.each([
    [undefined, 'Not stated'],
    [{ spdx: 'MIT', name: 'MIT License' }, 'MIT'],
    [{ name: 'Llama 4 Community License' }, 'Llama 4 Community License'],
  ])('%o → %s', (l, label) => expect(licenceLabel(l)).toBe(label));
});
