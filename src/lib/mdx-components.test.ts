import { describe, expect, it } from 'vitest';
import { articleComponents, ComponentPropError, componentsUsed, parseProps, propsOrThrow, usesKnowledgeBase } from './mdx-components.ts';

const problems = (component: string, props: Record<string, unknown>) => {
  const r = parseProps(articleComponents[component]!.props, props);
  return r.ok ? [] : r.problems.map((p) => `${p.prop}: ${p.message}`);
};
const chart = { kind: 'bar', title: 'T', description: 'D' };

describe('article component props: what the content check and the components both refuse', () => {
  it.each<[string, string, Record<string, unknown>, RegExp[]]>([
    ['a chart with no data', 'Chart', chart, [/^data: a chart needs data/]],
    ['a chart with empty data', 'Chart', { ...chart, data: [] }, [/^data: has no rows/]],
    ['a chart with a text value', 'Chart', { ...chart, data: [{ label: 'a', value: 'x' }] }, [/^data\[0\]\.value: must be a number/]],
    [
      'a chart with data and a dataset',
      'Chart',
      { ...chart, data: [{ label: 'a', value: 1 }], dataset: 'releases-by-year' },
      [/^dataset: give data or dataset, not both/],
    ],
    ['an unknown dataset', 'Chart', { ...chart, dataset: 'nope' }, [/^dataset: must be one of releases-by-year/]],
    ['an unknown kind', 'Chart', { ...chart, kind: 'pie', data: [{ label: 'a', value: 1 }] }, [/^kind: must be one of bar, stacked-bar, line, dot/]],
    ['an unknown prop', 'Chart', { ...chart, dataset: 'releases-by-year', colour: 'red' }, [/unknown prop\(s\) "colour"/]],
    ['a figure without alt', 'Figure', { src: 'a.png' }, [/^alt: is required/]],
    ['a figure with empty alt', 'Figure', { src: 'a.png', alt: ' ' }, [/^alt: must not be empty/]],
    ['a figure from elsewhere', 'Figure', { src: '../other/a.png', alt: 'x' }, [/^src: must be a file name beside the article/]],
    ['a figure that is not an image', 'Figure', { src: 'a.pdf', alt: 'x' }, [/^src: must be a \.png/]],
    ['one model to compare', 'Compare', { models: ['a'] }, [/^models: compares two or three models/]],
    ['a model id that is not an id', 'ModelFacts', { id: 'DeepSeek V3' }, [/^id: must be lowercase/]],
    ['a slice with no selection', 'TimelineSlice', { title: 'T' }, [/^lab: a slice needs lab, topic, ids, or a date range/]],
    ['a slice that ends before it starts', 'TimelineSlice', { title: 'T', from: '2025', to: '2024-06' }, [/^to: is before from \(2025\)/]],
    ['an unknown callout kind', 'Callout', { kind: 'warning' }, [/^kind: must be one of note, contested/]],
  ])('%s', (_n, component, props, expected) => {
    const found = problems(component, props);
    for (const e of expected)
      expect(
        found.some((f) => e.test(f)),
        found.join('\n'),
      ).toBe(true);
  });
  it.each<[string, Record<string, unknown>]>([
    ['Chart', { ...chart, data: [{ label: 2023, value: 4 }] }],
    ['Chart', { ...chart, kind: 'stacked-bar', dataset: 'releases-by-year-and-region' }],
    ['TimelineSlice', { title: 'T', lab: 'deepseek', from: '2023', kinds: ['model-release'], limit: 5 }],
    ['Compare', { models: ['a', 'b', 'c'] }],
    ['Figure', { src: 'routing.svg', alt: 'A diagram' }],
    ['Callout', {}],
  ])('a good %s passes', (component, props) => expect(problems(component, props)).toEqual([]));
});

describe('refs: the knowledge-base ids a use names, for the content check to resolve', () => {
  it.each<[string, Record<string, unknown>, unknown[]]>([
    ['ModelFacts', { id: 'x' }, [{ prop: 'id', collection: 'models', id: 'x' }]],
    [
      'Compare',
      { models: ['a', 'b'] },
      [
        { prop: 'models[0]', collection: 'models', id: 'a' },
        { prop: 'models[1]', collection: 'models', id: 'b' },
      ],
    ],
    [
      'TimelineSlice',
      { lab: 'l', topic: 't', ids: ['m'] },
      [
        { prop: 'lab', collection: 'labs', id: 'l' },
        { prop: 'topic', collection: 'topics', id: 't' },
        { prop: 'ids[0]', collection: 'milestones', id: 'm' },
      ],
    ],
  ])('%s', (component, props, refs) => expect(articleComponents[component]!.refs!(props)).toEqual(refs));
  it('only Callout takes children', () => expect(Object.keys(articleComponents).filter((k) => articleComponents[k]!.children)).toEqual(['Callout']));
});

describe('errors a component throws name the article, the component and the prop', () => {
  it('propsOrThrow', () => {
    expect(() => propsOrThrow('Figure', articleComponents.Figure!.props, { src: 'a.png' }, { file: '/c/articles/x/index.mdx' })).toThrow(
      new ComponentPropError('/c/articles/x/index.mdx', 'Figure', [{ prop: 'alt', message: 'is required' }]),
    );
    expect(new ComponentPropError('/f.mdx', 'Figure', [{ prop: 'alt', message: 'is required' }]).message).toBe('/f.mdx: <Figure> prop "alt" is required');
  });
});

describe('which components a body uses', () => {
  it.each<[string, string[], boolean]>([
    ['Text only.', [], false],
    ['<Callout>x</Callout> and <Figure src="a.png" alt="b" />', ['Figure', 'Callout'], false],
    ['<Chart kind="bar" data={[]} />', ['Chart'], false],
    ['<Chart kind="bar" dataset="releases-by-year" />', ['Chart'], true],
    ['<TimelineSlice lab="x" title="t" />', ['TimelineSlice'], true],
    ['<Charting />', [], false],
  ])('%s', (body, used, kb) => {
    expect(componentsUsed(body)).toEqual(used);
    expect(usesKnowledgeBase(body)).toBe(kb);
  });
});
