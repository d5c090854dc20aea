import { describe, expect, it } from 'vitest';
import { checkContent, checkSynonyms, entryId } from './check.ts';

const topics = { path: 'c/topics.yaml', text: '- id: markets\n  name: Markets\n  description: Markets.\n' };
const lab = { path: 'c/labs/deepseek.yaml', text: 'name: DeepSeek\nsummary: A lab.\nsources: [https://example.org/]\n' };
const milestone = {
  path: 'c/milestones/2025.yaml',
  text:
    "- id: 2025-01-20-deepseek-r1\n  date: '2025-01-20'\n  lab: deepseek\n  kind: model-release\n  access: open-weights\n" +
    '  title: R1\n  summary: R1.\n  sources: [https://example.org/]\n',
};
// The end of a piece's frontmatter and its text.
const TAIL = 'sources:\n  - title: S\n    url: https://example.org/\n---\n\nText.\n';
const article = (link: string) => ({
  path: 'c/articles/a.mdx',
  text: `---\ntitle: A\ndek: A piece.\npublished: '2025-02-01'\nkind: news\nsources:\n  - title: S\n    url: https://example.org/\n---\n\nSee [it](${link}).\n`,
});
const run = (link: string) => checkContent({ articles: [article(link)], labs: [lab], models: [], people: [], milestones: [milestone], topics }, '2026-01-01');

describe('links between our own pages: every page the build makes, and only those', () => {
  it.each([
    ['/labs/deepseek/', true],
    ['/timeline/2025-01-20-deepseek-r1/', true],
    ['/timeline/lab/deepseek/', true],
    ['/timeline/kind/model-release/', true],
    ['/timeline/access/open-weights/', true],
    ['/timeline/year/2025/', true],
    ['/timeline/year/2025/#2025-01-20-deepseek-r1', true],
    ['/archive/2025/', true],
    ['/data/milestones.json', true],
    ['/timeline/kind/paper/', false],
    ['/timeline/year/2019/', false],
    ['/archive/2019/', false],
    ['/labs/meta/', false],
  ])('%s resolves: %s', (link, ok) => {
    const problems = run(link).problems.filter((p) => p.message.startsWith('link to'));
    expect(problems.length === 0).toBe(ok);
  });
});

describe('entryId: the id Astro gives an entry file', () => {
  it.each([
    ['a.mdx', 'a'],
    ['a/index.mdx', 'a'],
    ['x/y.md', 'x/y'],
    ['deepseek.yaml', 'deepseek'],
  ])('%s → %s', (f, id) => expect(entryId(f)).toBe(id));
});

describe('honest labels: "news" is for events of the last 30 days (a warning, not an error)', () => {
  const piece = (published: string, kind: string, milestones: string) => ({
    path: 'c/articles/n.md',
    text: `---\ntitle: N\ndek: A piece.\npublished: '${published}'\nkind: ${kind}\nmilestones: [${milestones}]\n${TAIL}`,
  });
  it.each([
    ['news a week after its event', '2025-01-27', 'news', '2025-01-20-deepseek-r1', 0],
    ['news 31 days after its event', '2025-02-20', 'news', '2025-01-20-deepseek-r1', 1],
    ['analysis long after its event', '2025-12-01', 'analysis', '2025-01-20-deepseek-r1', 0],
    ['news naming no event', '2025-12-01', 'news', '', 0],
  ])('%s: %d warning(s)', (_name, published, kind, ms, count) => {
    const result = checkContent({ articles: [piece(published, kind, ms)], labs: [lab], models: [], people: [], milestones: [milestone], topics }, '2026-01-01');
    expect(result.problems).toEqual([]);
    expect(result.warnings).toHaveLength(count);
    if (count)
      expect(result.warnings[0]).toMatchObject({
        file: 'c/articles/n.md',
        line: 5,
        field: 'kind',
        message: expect.stringContaining('31 days after the newest event it covers (2025-01-20)'),
      });
  });
});

describe('authors: bylines name authors that exist', () => {
  const author = { path: 'c/authors/ada.yaml', text: 'name: Ada\nbio: Writes.\n' };
  const piece = (authors: string) => ({
    path: 'c/articles/b.md',
    text: `---\ntitle: B\ndek: A piece.\npublished: '2025-02-01'\nkind: analysis\nauthors: [${authors}]\n${TAIL}`,
  });
  const check = (authors: string, files = [author]) =>
    checkContent({ articles: [piece(authors)], labs: [lab], models: [], people: [], authors: files, milestones: [milestone], topics }, '2026-01-01');
  it('a known author passes, and has a page to link to', () => {
    const result = check('ada');
    expect(result.problems).toEqual([]);
    expect(result.routes.has('/authors/ada/')).toBe(true);
  });
  it('an unknown author is named with its file, line and field', () => {
    expect(check('adda').problems).toEqual([
      expect.objectContaining({ file: 'c/articles/b.md', line: 6, field: 'authors[0]', message: 'unknown author "adda"', hint: 'did you mean "ada"?' }),
    ]);
  });
  it('an author file without a bio is refused', () => {
    expect(check('ada', [{ path: 'c/authors/ada.yaml', text: 'name: Ada\n' }]).problems).toEqual([
      expect.objectContaining({ file: 'c/authors/ada.yaml', field: 'bio', message: 'is required' }),
    ]);
  });
});

describe('checkSynonyms: a bad entry in content/synonyms.yaml names its line and what is wrong', () => {
  const check = (text: string) => checkSynonyms({ path: 'c/synonyms.yaml', text }).map((p) => `${p.line} ${p.field ?? ''}: ${p.message}`);
  it.each([
    ['a good list', '# comment\n- [licence, license]\n- [open source, open-source, opensource]\n- [梁文锋, Liang Wenfeng]\n', []],
    ['an empty form', '- [licence, license]\n- [llama, ""]\n', ['2 entry 2, form 2: is empty']],
    ['an empty entry', '- [licence, license]\n- []\n', ['2 entry 2: is empty']],
    ['one form only (a synonym of itself)', '- [licence]\n', ['1 entry 1: names only one form, a synonym of itself']],
    [
      'the same form twice (case and spacing aside)',
      '- [open source, Open  Source]\n',
      ['1 entry 1, form 2: "Open  Source" is already in this entry', '1 entry 1: names only one form, a synonym of itself'],
    ],
    ['a form in two entries (a loop: a = b, b = c)', '- [licence, license]\n- [permit, licence]\n', ['2 entry 2, form 2: "licence" is also in entry 1']],
    ['an entry that is not a list', '- licence: license\n', ['1 entry 1: must be a list of forms']],
    ['not a list at all', 'licence: license\n', ['1 : must be a list of entries, each a list of forms']],
    ['invalid YAML', '- [licence, license\n', [/^\d+ : invalid YAML/]],
  ])('%s', (_name, text, expected) => {
    const got = check(text);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(got[i]).toMatch(e));
  });
  it('runs with the rest of the content check', () => {
    const result = checkContent(
      { articles: [], labs: [lab], models: [], people: [], milestones: [], topics, synonyms: { path: 'c/synonyms.yaml', text: '- [a, b]\n- [b, c]\n' } },
      '2026-01-01',
    );
    expect(result.problems.map((p) => `${p.file}:${p.line}`)).toContain('c/synonyms.yaml:2');
  });
});

describe("order: the editor's place for a piece among the day's pieces", () => {
  const piece = (name: string, extra: string, published = '2025-02-01') => ({
    path: `c/articles/${name}.md`,
    text: `---\ntitle: ${name}\ndek: A piece.\npublished: '${published}'\n${extra}kind: news\n${TAIL}`,
  });
  const problems = (...articles: { path: string; text: string }[]) =>
    checkContent({ articles, labs: [lab], models: [], people: [], milestones: [milestone], topics }, '2026-01-01')
      .problems.filter((p) => p.field === 'order')
      .map((p) => `${p.file}:${p.line} ${p.message}`);
  it.each([
    ['a whole number from 1 is fine', [piece('a', 'order: 1\n'), piece('b', 'order: 2\n')], []],
    ['no order is fine', [piece('a', ''), piece('b', '')], []],
    ['the same order on different days is fine', [piece('a', 'order: 1\n'), piece('b', 'order: 1\n', '2025-02-02')], []],
    ['0 is refused', [piece('a', 'order: 0\n')], ['c/articles/a.md:5 must be 1 or more (1 leads the day)']],
    ['a fraction is refused', [piece('a', 'order: 1.5\n')], ['c/articles/a.md:5 must be a whole number, 1 or more (1 leads the day)']],
    ['text is refused', [piece('a', 'order: first\n')], ['c/articles/a.md:5 must be a whole number, 1 or more (1 leads the day)']],
    [
      'two pieces of one day with the same order',
      [piece('a', 'order: 2\n'), piece('b', 'order: 2\n')],
      ['c/articles/b.md:5 2 is also the order of c/articles/a.md, published the same day (2025-02-01)'],
    ],
  ])('%s', (_rule, articles, expected) => expect(problems(...articles)).toEqual(expected));
});
