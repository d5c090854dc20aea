import { describe, expect, it } from 'vitest';
import { drawSizeChart, sizeLegend, type SizePoint } from './size-chart.ts';

const points: SizePoint[] = [
  { id: 'gpt-2', name: 'GPT-2', released: '2019-02-14', total: 1.5, family: 'custom', href: '/models/gpt-2/', licence: 'Modified MIT' },
  { id: 'v3', name: 'DeepSeek-V3', released: '2024-12-26', total: 671, family: 'custom', href: '/models/v3/', licence: 'DeepSeek Model Agreement' },
  { id: 'k2', name: 'Kimi K2', released: '2025-07', total: 1000, family: 'osi', href: '/models/k2/', licence: 'MIT' },
];
const svg = drawSizeChart(points, { id: 's', title: 'Size over time', description: 'Three models.' });
const at = (href: string) => {
  const [, cx, cy] = new RegExp(`href="${href}"[^>]*><circle cx="([\\d.]+)" cy="([\\d.]+)"`).exec(svg)!;
  return { x: Number(cx), y: Number(cy) };
};

describe('drawSizeChart: model size over time as an accessible SVG', () => {
  it('has a title and a description that name it', () => {
    expect(svg).toMatch(/aria-labelledby="s-title" aria-describedby="s-desc"/);
    expect(svg).toContain('<title id="s-title">Size over time</title><desc id="s-desc">Three models.</desc>');
  });
  it('one linked dot per model, coloured by a class for its licence family, never a style attribute', () => {
    expect(svg.match(/<a /g)).toHaveLength(3);
    expect(svg).toContain('class="sz-osi"');
    expect(svg).not.toContain('style=');
    expect(svg).toContain('aria-label="Kimi K2: 1T parameters, released 2025-07, MIT"');
  });
  it('later is further right; more parameters is higher, on a log scale', () => {
    expect(at('/models/gpt-2/').x).toBeLessThan(at('/models/v3/').x);
    expect(at('/models/v3/').x).toBeLessThan(at('/models/k2/').x);
    expect(at('/models/k2/').y).toBeLessThan(at('/models/v3/').y);
    // log scale: 671B → 1T is a small step next to 1.5B → 671B
    expect(at('/models/v3/').y - at('/models/k2/').y).toBeLessThan((at('/models/gpt-2/').y - at('/models/v3/').y) / 5);
  });
  it('labels the powers of ten in the range', () => {
    for (const t of ['>10B<', '>100B<', '>1T<']) expect(svg).toContain(t);
  });
  it('refuses to draw nothing', () => expect(() => drawSizeChart([], { id: 's', title: '', description: '' })).toThrow(/at least one model/));
  it('the legend lists the families present, in a fixed order, with counts', () => {
    expect(sizeLegend(points)).toEqual([
      { family: 'osi', label: 'OSI-approved licence', count: 1 },
      { family: 'custom', label: "The lab's own licence", count: 2 },
    ]);
  });
});
