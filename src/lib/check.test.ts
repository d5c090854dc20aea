import { describe, expect, it } from 'vitest';
import { checkContent, entryId } from './check.ts';

const topics = { path: 'c/topics.yaml', text: '- id: markets\n  name: Markets\n  description: Markets.\n' };
const lab = { path: 'c/labs/deepseek.yaml', text: 'name: DeepSeek\nsummary: A lab.\nsources: [https://example.org/]\n' };
const milestone = { path: 'c/milestones/2025.yaml', text: "- id: 2025-01-20-deepseek-r1\n  date: '2025-01-20'\n  lab: deepseek\n  kind: model-release\n  access: open-weights\n  title: R1\n  summary: R1.\n  sources: [https://example.org/]\n" };
const article = (link: string) => ({
  path: 'c/articles/a.mdx',
  text: `---\ntitle: A\ndek: A piece.\npublished: '2025-02-01'\nkind: news\nsources:\n  - title: S\n    url: https://example.org/\n---\n\nSee [it](${link}).\n`,
});
const run = (link: string) => checkContent({ articles: [article(link)], labs: [lab], models: [], people: [], milestones: [milestone], topics }, '2026-01-01');

describe('links between our own pages: every page the build makes, and only those', () => {
  it.each([
    ['/labs/deepseek/', true], ['/timeline/2025-01-20-deepseek-r1/', true], ['/timeline/lab/deepseek/', true],
    ['/timeline/kind/model-release/', true], ['/timeline/access/open-weights/', true], ['/timeline/year/2025/', true],
    ['/timeline/year/2025/#2025-01-20-deepseek-r1', true], ['/archive/2025/', true], ['/data/milestones.json', true],
    ['/timeline/kind/paper/', false], ['/timeline/year/2019/', false], ['/archive/2019/', false], ['/labs/meta/', false],
  ])('%s resolves: %s', (link, ok) => {
    const problems = run(link).problems.filter((p) => p.message.startsWith('link to'));
    expect(problems.length === 0).toBe(ok);
  });
});

describe('entryId: the id Astro gives an entry file', () => {
  it.each([['a.mdx', 'a'], ['a/index.mdx', 'a'], ['x/y.md', 'x/y'], ['deepseek.yaml', 'deepseek']])('%s → %s', (f, id) => expect(entryId(f)).toBe(id));
});
