import { describe, expect, it } from 'vitest';
import { busiestLanes, drawLanes, toneOfKind } from './lanes.ts';

const events = [
  {
    date: '2023-11-02',
    lane: 'deepseek',
    title: 'DeepSeek Coder & LLM',
    href: '/timeline/a/',
    tone: 'ln-release',
    filterKey: 'deepseek model-release open-weights 2023',
  },
  { date: '2025-01', lane: 'deepseek', title: 'R1', href: '/timeline/b/', tone: 'ln-release' },
  { date: '2024-07-23', lane: 'meta', title: 'Llama 3.1 "405B"', href: '/timeline/c/', tone: 'ln-release' },
];
const lanes = [
  { key: 'deepseek', label: 'DeepSeek' },
  { key: 'meta', label: 'Meta' },
];
const svg = drawLanes(events, lanes, { id: 't', title: 'Events by lab', description: 'Three events.', pxPerYear: 100 });
const xOf = (href: string) => Number(new RegExp(`href="${href}"[^>]*><title>[^<]*</title><circle cx="([\\d.]+)"`).exec(svg)![1]);

describe('drawLanes: an accessible SVG with a linked dot per event', () => {
  it('is named by its title and described by its desc', () => {
    expect(svg).toMatch(/^<svg [^>]*role="group" aria-labelledby="t-title" aria-describedby="t-desc"/);
    expect(svg).toContain('<title id="t-title">Events by lab</title><desc id="t-desc">Three events.</desc>');
  });
  it('one link per event, to its page, named by date and title (escaped)', () => {
    expect(svg.match(/<a /g)).toHaveLength(3);
    expect(svg).toContain('<a href="/timeline/c/" class="ln-mark"><title>23 Jul 2024: Llama 3.1 &quot;405B&quot;</title><circle');
    expect(svg).toContain('DeepSeek Coder &amp; LLM');
  });
  it('dots sit on a time axis: later events further right, a year-only or month date at its start', () => {
    expect(xOf('/timeline/a/')).toBeLessThan(xOf('/timeline/c/'));
    expect(xOf('/timeline/c/')).toBeLessThan(xOf('/timeline/b/'));
    expect(xOf('/timeline/b/') - xOf('/timeline/a/')).toBeGreaterThan(100); // more than a year apart at 100 px a year
  });
  it('carries the filter key for the timeline script', () => expect(svg).toContain('data-f="deepseek model-release open-weights 2023"'));
  it('one label per lane and one per year', () => {
    expect(svg).toContain('>DeepSeek</text>');
    expect(svg).toContain('>Meta</text>');
    expect(svg.match(/class="ln-year"/g)).toHaveLength(3); // 2023, 2024, 2025
  });
  it('without lane labels, each dot names its lane instead', () => {
    const bare = drawLanes(events, lanes, { id: 'u', title: '', description: '', laneLabels: false });
    expect(bare).not.toContain('class="ln-lane"');
    expect(bare).toContain('<title>Meta, 23 Jul 2024: Llama 3.1 &quot;405B&quot;</title>');
  });
  it('refuses an event in a lane that does not exist, and no events at all', () => {
    expect(() => drawLanes([{ ...events[0]!, lane: 'x' }], lanes, { id: 't', title: '', description: '' })).toThrow(/lane "x"/);
    expect(() => drawLanes([], lanes, { id: 't', title: '', description: '' })).toThrow(/at least one event/);
  });
});

describe('busiestLanes: the busiest keys get their own lane, the rest share one', () => {
  it.each([
    [['a', 'b', 'a', 'c', 'd'], 3, ['a', 'b', '_other'], 'd', '_other'],
    [['a', 'b'], 3, ['a', 'b'], 'b', 'b'],
  ])('%o, at most %d lanes', (keys, max, laneKeys, probe, lane) => {
    const { lanes: l, laneOf } = busiestLanes(keys, (k) => k.toUpperCase(), max, 'Other');
    expect(l.map((x) => x.key)).toEqual(laneKeys);
    expect(laneOf(probe)).toBe(lane);
  });
  it.each([
    ['model-release', 'ln-release'],
    ['paper', 'ln-paper'],
    ['licence', 'ln-policy'],
    ['funding', 'ln-company'],
  ])('%s is drawn as %s', (k, t) => expect(toneOfKind(k)).toBe(t));
});
