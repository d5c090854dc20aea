/**
 * The editor commands, run as editors run them, against a copy of the good fixture content:
 * `npm run new` and `npm run import` write files that pass `npm run check`, never overwrite one,
 * refuse unknown ids by flag, and keep every imported word. Each case gets its own content copy.
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
// The MDX compiler the build uses (@astrojs/mdx runs on Sätteri; @mdx-js/mdx is not installed).
import { markdownToHast, mdxToHast, mdxToJs } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run, root, tmp } from '../helpers/run.ts';
import { features, visible, words, type AnyNode } from '../helpers/visible-text.ts';

const good = path.join(root, 'tests/fixtures/good/content');
const fixtures = path.join(root, 'tests/fixtures/import');
const TODAY = '2026-01-01';

async function contentCopy(name: string): Promise<string> {
  const dir = path.join(tmp, 'editor', name, 'content');
  await rm(path.dirname(dir), { recursive: true, force: true });
  await cp(good, dir, { recursive: true });
  return dir;
}

const script = (name: string) => path.join(root, 'scripts', name);
const env = (content: string) => ({ FC_CONTENT_DIR: content, FC_TODAY: TODAY });
const articles = async (content: string) => (await readdir(path.join(content, 'articles'))).sort();

function split(file: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(file);
  if (!m) throw new Error(`no frontmatter in:\n${file.slice(0, 200)}`);
  return { data: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]! };
}

async function passesCheck(content: string) {
  const { code, output } = await run([script('check.ts')], env(content));
  expect(output).toContain('content OK');
  expect(code, output).toBe(0);
}

describe('npm run new', () => {
  it('creates a draft with valid frontmatter that passes npm run check', async () => {
    const content = await contentCopy('new-valid');
    const { code, output } = await run(
      [script('new.ts'), 'DeepSeek’s new model: 梁文锋 speaks', '--kind', 'analysis', '--lab', 'deepseek', '--topic', 'china', '--topic', 'markets'],
      env(content),
    );
    expect(code, output).toBe(0);
    const file = path.join(content, 'articles/deepseeks-new-model-speaks.md');
    expect(output).toContain(`created ${file}`);
    // The placeholders are named, so the editor knows what is unfinished.
    expect(output).toContain('write the dek');
    expect(output).toContain('https://example.com/replace-with-the-source-url');
    const { data, body } = split(await readFile(file, 'utf8'));
    expect(data).toMatchObject({
      title: 'DeepSeek’s new model: 梁文锋 speaks',
      published: TODAY,
      kind: 'analysis',
      labs: ['deepseek'],
      topics: ['china', 'markets'],
      draft: true,
    });
    expect(await readFile(file, 'utf8')).toContain(`published: '${TODAY}'`);
    // Plain Markdown whose only text is the visible placeholder: no note that would print on the page.
    expect(visible(markdownToHast(body, { features }) as AnyNode).trim()).toBe('Write the piece here.');
    await passesCheck(content);
  });

  it('uses --dek and --source when given, so only the body is left to write', async () => {
    const content = await contentCopy('new-sourced');
    const { code, output } = await run(
      [
        script('new.ts'),
        'Sourced piece',
        '--dek',
        'A real dek: with a colon.',
        '--source',
        'https://arxiv.org/abs/2412.19437',
        '--source-title',
        'DeepSeek-V3 Technical Report',
      ],
      env(content),
    );
    expect(code, output).toBe(0);
    expect(output).not.toContain('placeholder');
    const { data } = split(await readFile(path.join(content, 'articles/sourced-piece.md'), 'utf8'));
    expect(data).toMatchObject({
      dek: 'A real dek: with a colon.',
      kind: 'news',
      sources: [{ title: 'DeepSeek-V3 Technical Report', url: 'https://arxiv.org/abs/2412.19437' }],
    });
    await passesCheck(content);
  });

  it('gives a taken slug the next free suffix and never overwrites a file', async () => {
    const content = await contentCopy('new-unique');
    const existing = path.join(content, 'articles/alpha-fixture-article.mdx');
    const before = await readFile(existing, 'utf8');
    for (const expected of ['alpha-fixture-article-2', 'alpha-fixture-article-3']) {
      const { code, output } = await run([script('new.ts'), 'Alpha: fixture article'], env(content));
      expect(code, output).toBe(0);
      expect(output).toContain(`created ${path.join(content, 'articles', `${expected}.md`)}`);
    }
    expect(await readFile(existing, 'utf8')).toBe(before);
    await passesCheck(content);
  });

  it.each([
    ['an unknown --lab, naming it and a close match', ['Piece', '--lab', 'deepsek'], ['--lab deepsek', 'unknown lab "deepsek"', 'did you mean "deepseek"']],
    ['an unknown --topic', ['Piece', '--topic', 'nonsense-topic'], ['--topic nonsense-topic', 'unknown topic "nonsense-topic"']],
    ['a --kind outside the enum', ['Piece', '--kind', 'opinion'], ['--kind opinion', 'news, analysis, explainer, brief']],
    ['a --source that is not a URL', ['Piece', '--source', 'not a url'], ['--source not a url', 'must be an absolute http(s) URL']],
    ['no title', ['--lab', 'deepseek'], ['give the title first', 'usage: npm run new']],
  ])('refuses %s, writing nothing', async (name, args, expected) => {
    const content = await contentCopy(`new-refuses-${name.replace(/\W+/g, '-')}`);
    const before = await articles(content);
    const { code, output } = await run([script('new.ts'), ...args], env(content));
    expect(code, output).toBe(1);
    for (const e of expected) expect(output).toContain(e);
    expect(await articles(content)).toEqual(before);
  });
});

const imports: [fixture: string, title: string, warnings: string[], inputWords: (text: string) => string[]][] = [
  ['braces-cjk-long.txt', "DeepSeek's {cheap} model & the <market>", [], (t) => words(t)],
  [
    'article.md',
    'How a {hedge fund} built DeepSeek',
    ['warning: ignored frontmatter field(s) author, date at line 1, column 1', 'warning: could not map <span> at line 29, column 16: kept its text'],
    (t) => words(visible(markdownToHast(t.replace(/^---\n[\s\S]*?\n---\n/, ''), { features }) as AnyNode)),
  ],
  [
    'article.html',
    "Export controls & China's {open} labs",
    [
      'warning: removed <script src="/analytics.js"> at line 6, column 3: scripts are forbidden in content',
      'warning: could not map <table> at line 27, column 5: kept its text',
      'warning: removed <script> at line 32, column 5: scripts are forbidden in content',
    ],
    (t) => words(visible(parse(t) as unknown as AnyNode)),
  ],
];

describe('npm run import', () => {
  it.each(imports)('%s: passes npm run check, compiles as MDX, keeps every word, names what it could not map', async (fixture, title, warnings, inputWords) => {
    const content = await contentCopy(`import-${fixture}`);
    const input = path.join(fixtures, fixture);
    const { code, output } = await run(
      [
        script('import.ts'),
        input,
        '--dek',
        'Imported for the test.',
        '--date',
        '2025-01-27',
        '--source',
        'https://arxiv.org/abs/2412.19437',
        '--source-title',
        'DeepSeek-V3 Technical Report',
        '--lab',
        'deepseek',
        '--topic',
        'china',
      ],
      env(content),
    );
    expect(code, output).toBe(0);
    for (const w of warnings) expect(output).toContain(w);
    expect(output.match(/^warning: /gm) ?? []).toHaveLength(warnings.length);
    // Nothing the content check (MDX rules included: src/lib/mdx-rules.ts) would refuse.
    expect(output).not.toContain('to fix:');

    const created = /^created (.+\.mdx)$/m.exec(output)?.[1];
    expect(created).toBeDefined();
    const { data, body } = split(await readFile(created!, 'utf8'));
    expect(data).toMatchObject({ title, published: '2025-01-27', kind: 'news', labs: ['deepseek'], topics: ['china'] });
    expect(data.draft).toBeUndefined();

    // Valid MDX: the escaping holds up in the compiler the build uses.
    expect(() => mdxToJs(body)).not.toThrow();
    // The words in equal the words out (smart quotes aside, which are the site's typography).
    const out = words(`${String(data.title)} ${visible(mdxToHast(body, { features }) as AnyNode)}`);
    expect(out).toEqual(inputWords(await readFile(input, 'utf8')));
    await passesCheck(content);
  });

  it('keeps a paragraph of more than 5,000 characters whole', async () => {
    const content = await contentCopy('import-long');
    const { code, output } = await run(
      [script('import.ts'), path.join(fixtures, 'braces-cjk-long.txt'), '--dek', 'D.', '--date', '2025-01-27', '--source', 'https://example.org/s'],
      env(content),
    );
    expect(code, output).toBe(0);
    const { body } = split(await readFile(/^created (.+)$/m.exec(output)![1]!, 'utf8'));
    const longest = body.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
    expect(longest.length).toBeGreaterThan(5000);
    expect(longest).toContain('梁文锋 told reporters in Hangzhou that the team would keep publishing weights 🚀 and papers.');
    expect(longest).toContain('cost \\{about\\} $5.6 million');
  });

  it('without a terminal, names every missing flag and writes nothing', async () => {
    const content = await contentCopy('import-missing');
    const before = await articles(content);
    const { code, output } = await run([script('import.ts'), path.join(fixtures, 'article.html')], env(content));
    expect(code, output).toBe(1);
    // The title comes from the file's <h1>, so it is not asked for.
    expect(/^missing (.*): pass them as flags/m.exec(output)?.[1]).toBe('--dek, --date, --source');
    expect(await articles(content)).toEqual(before);
  });

  it.each([
    ['an unknown --lab', ['--lab', 'deepsek'], '--lab deepsek: unknown lab "deepsek"'],
    ['an impossible --date', ['--date', '2025-02-30'], '--date 2025-02-30: must be a real day'],
  ])('refuses %s, writing nothing', async (name, args, expected) => {
    const content = await contentCopy(`import-refuses-${name.replace(/\W+/g, '-')}`);
    const before = await articles(content);
    const { code, output } = await run(
      [script('import.ts'), path.join(fixtures, 'article.md'), '--dek', 'D.', '--date', '2025-01-27', '--source', 'https://example.org/s', ...args],
      env(content),
    );
    expect(code, output).toBe(1);
    expect(output).toContain(expected);
    expect(await articles(content)).toEqual(before);
    expect(existsSync(path.join(content, 'articles/how-a-hedge-fund-built-deepseek.mdx'))).toBe(false);
  });
});
