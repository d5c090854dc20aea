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

describe("order: the editor's place for a piece among the day's pieces", () => {
  const piece = (name: string, extra: string, published = '2025-02-01') => ({
    path: `c/articles/${name}.md`,
    text: `---\ntitle: ${name}\ndek: A piece.\npublished: '${published}'\n${extra}kind: news\nsources:\n  - title: S\n    url: https://example.org/\n---\n\nText.\n`,
  });
  const problems = (...articles: { path: string; text: string }[]) =>
    checkContent({ articles, labs: [lab], models: [], people: [], milestones: [milestone], topics }, '2026-01-01').problems
      .filter((p) => p.field === 'order').map((p) => `${p.file}:${p.line} ${p.message}`);
  it.each([
    ['a whole number from 1 is fine', [piece('a', 'order: 1\n'), piece('b', 'order: 2\n')], []],
    ['no order is fine', [piece('a', ''), piece('b', '')], []],
    ['the same order on different days is fine', [piece('a', 'order: 1\n'), piece('b', 'order: 1\n', '2025-02-02')], []],
    ['0 is refused', [piece('a', 'order: 0\n')], ['c/articles/a.md:5 must be 1 or more (1 leads the day)']],
    ['a fraction is refused', [piece('a', 'order: 1.5\n')], ['c/articles/a.md:5 must be a whole number, 1 or more (1 leads the day)']],
    ['text is refused', [piece('a', 'order: first\n')], ['c/articles/a.md:5 must be a whole number, 1 or more (1 leads the day)']],
    ['two pieces of one day with the same order', [piece('a', 'order: 2\n'), piece('b', 'order: 2\n')],
      ['c/articles/b.md:5 2 is also the order of c/articles/a.md, published the same day (2025-02-01)']],
  ])('%s', (_rule, articles, expected) => expect(problems(...articles)).toEqual(expected));
});
