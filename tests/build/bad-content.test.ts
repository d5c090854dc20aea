/**
 * Bad content stops the build with a message naming the file and the field (or line), and
 * publishes nothing. Each case copies the good fixture, breaks one thing, and builds it.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, run, root, tmp } from '../helpers/run.ts';

const good = path.join(root, 'tests/fixtures/good/content');
const ARTICLE = 'articles/alpha-fixture-article.mdx';

async function edit(dir: string, file: string, from: string | RegExp, to: string | ((match: string) => string)) {
  const p = path.join(dir, file);
  const text = await readFile(p, 'utf8');
  const next = typeof to === 'string' ? text.replace(from, to) : text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}: ${from}`);
  await writeFile(p, next);
}

type Breaker = (dir: string) => Promise<void>;

/** Copies the good fixture, breaks it one way and builds it: the build's exit code and output, and where it would publish. */
async function buildBroken(name: string, breaker: Breaker) {
  const dir = path.join(tmp, 'bad', name.replace(/\W+/g, '-'));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(good, path.join(dir, 'content'), { recursive: true });
  await breaker(path.join(dir, 'content'));
  const out = path.join(dir, 'dist');
  return { dir, out, ...(await astroBuild({ content: path.join(dir, 'content'), outDir: out })) };
}
const cases: [name: string, breaker: Breaker, file: string, expected: (string | RegExp)[]][] = [
  [
    'an impossible date',
    (d) => edit(d, ARTICLE, "published: '2025-02-01'", "published: '2025-02-30'"),
    ARTICLE,
    [/:4\b/, 'published', 'February 2025 has 28 days'],
  ],
  ['an unquoted date', (d) => edit(d, ARTICLE, "published: '2025-02-01'", 'published: 2025-02-01'), ARTICLE, ['published', 'must be a quoted string']],
  ['a missing title', (d) => edit(d, ARTICLE, /^title: .*\n/m, ''), ARTICLE, ['title', 'is required']],
  [
    'an unknown topic',
    (d) => edit(d, ARTICLE, 'topics: [markets]', 'topics: [markets, nonsense-topic]'),
    ARTICLE,
    ['topics[1]', 'unknown topic "nonsense-topic"'],
  ],
  ['invalid YAML', (d) => edit(d, ARTICLE, 'kind: news', 'kind: news: oops'), ARTICLE, [/:5\b/, 'invalid YAML']],
  ['an MDX syntax error', (d) => edit(d, ARTICLE, 'More text.', 'More text with a {broken expression'), ARTICLE, [/alpha-fixture-article\.mdx/, /\d+:\d+/]],
  // MDX is content, not code (src/lib/mdx-rules.ts): each of these would run with the build's rights.
  [
    'MDX: an import of a Node module',
    (d) => edit(d, ARTICLE, 'More text.', "import fs from 'node:fs';\n\nMore text."),
    ARTICLE,
    [/mdx:\d+:1\b/, "import of 'node:fs'"],
  ],
  [
    'MDX: an import from outside the components folder',
    (d) => edit(d, ARTICLE, 'More text.', "import { paths } from '../../../src/lib/urls.ts';\n\nMore text."),
    ARTICLE,
    [/mdx:\d+:1\b/, "import of '../../../src/lib/urls.ts'"],
  ],
  ['MDX: an export', (d) => edit(d, ARTICLE, 'More text.', 'export const leak = 1;\n\nMore text.'), ARTICLE, [/mdx:\d+:1\b/, 'export']],
  [
    'MDX: a call in an expression',
    (d) => edit(d, ARTICLE, 'More text.', "More text: {require('node:fs').readdirSync('/')}."),
    ARTICLE,
    [/mdx:\d+:\d+\b/, 'call expression is not allowed'],
  ],
  [
    'MDX: a member expression',
    (d) => edit(d, ARTICLE, 'More text.', 'More text: {process.env.HOME}.'),
    ARTICLE,
    [/mdx:\d+:\d+\b/, 'member expression is not allowed'],
  ],
  [
    'MDX: a template literal with an expression',
    (d) => edit(d, ARTICLE, 'More text.', 'More text: {`${1 + 1}`}.'),
    ARTICLE,
    [/mdx:\d+:\d+\b/, 'template literal with an expression'],
  ],
  ['MDX: an unknown component', (d) => edit(d, ARTICLE, 'More text.', 'More text.\n\n<Leak path="/" />'), ARTICLE, [/mdx:\d+:1\b/, 'unknown component <Leak>']],
  [
    'MDX: an event-handler prop',
    (d) => edit(d, ARTICLE, 'More text.', 'More <span onMouseOver="alert(1)">text</span>.'),
    ARTICLE,
    [/mdx:\d+:\d+\b/, 'event-handler prop "onMouseOver"'],
  ],
  [
    'two articles with the same slug',
    (d) => cp(path.join(d, ARTICLE), path.join(d, 'articles/alpha-fixture-article.md')),
    'articles/alpha-fixture-article.md',
    ['duplicate article slug "alpha-fixture-article"'],
  ],
  ['raw <script> in an article', (d) => edit(d, ARTICLE, 'More text.', 'More <script>alert(1)</script> text.'), ARTICLE, ['raw <script> is forbidden']],
  [
    'a placeholder source in a piece going live',
    (d) => edit(d, ARTICLE, 'url: https://github.com/deepseek-ai/DeepSeek-R1', 'url: https://example.com/replace-with-the-source-url'),
    ARTICLE,
    ['sources[0].url', 'still the placeholder'],
  ],
  ['a javascript: link', (d) => edit(d, ARTICLE, '(/labs/deepseek/)', '(javascript:alert(1))'), ARTICLE, ['javascript: URLs are forbidden']],
  ['a link to a page that does not exist', (d) => edit(d, ARTICLE, '(/labs/deepseek/)', '(/labs/no-such-lab/)'), ARTICLE, ['link to "/labs/no-such-lab/"']],
  [
    'a milestone with no source',
    (d) => edit(d, 'milestones/2025.yaml', / {2}sources: \[.*\]\n/, '  sources: []\n'),
    'milestones/2025.yaml',
    ['2025-01-20-deepseek-r1 › sources', 'needs at least one source'],
  ],
  [
    'a milestone with an unknown lab',
    (d) => edit(d, 'milestones/2025.yaml', 'lab: deepseek', 'lab: deepsek'),
    'milestones/2025.yaml',
    ['2025-01-20-deepseek-r1 › lab', 'unknown lab "deepsek"', 'did you mean "deepseek"'],
  ],
  [
    'a duplicate milestone id',
    (d) =>
      appendFile(
        path.join(d, 'milestones/2025.yaml'),
        "- id: 2025-01-20-deepseek-r1\n  date: '2025-01-20'\n  lab: deepseek\n  kind: paper\n  title: Again\n  summary: Again.\n  sources: [https://example.org/]\n",
      ),
    'milestones/2025.yaml',
    ['duplicate milestone id "2025-01-20-deepseek-r1"'],
  ],
  [
    'an impossible milestone date',
    (d) => edit(d, 'milestones/2025.yaml', "date: '2025-01-20'", "date: '2025-01-32'"),
    'milestones/2025.yaml',
    ['2025-01-20-deepseek-r1 › date', 'is not a real day'],
  ],
  [
    'a milestone correction without its note',
    (d) => edit(d, 'milestones/2025.yaml', / {2}sources: \[.*\]\n/, (s) => `${s}  corrections: [{ date: '2026-01-02' }]\n`),
    'milestones/2025.yaml',
    ['2025-01-20-deepseek-r1 › corrections[0].note', 'is required'],
  ],
  [
    'a model correction with an impossible date',
    (d) => appendFile(path.join(d, 'models/deepseek-r1.yaml'), "corrections:\n  - date: '2026-02-30'\n    note: The count was wrong.\n"),
    'models/deepseek-r1.yaml',
    [/:\d+\b/, 'corrections[0].date', 'February 2026 has 28 days'],
  ],
  [
    'a lab correction with no date',
    (d) => appendFile(path.join(d, 'labs/deepseek.yaml'), 'corrections:\n  - note: The founding year was wrong.\n'),
    'labs/deepseek.yaml',
    ['corrections[0].date', 'is required'],
  ],
  [
    'a synonym in two entries (a loop)',
    (d) => writeFile(path.join(d, 'synonyms.yaml'), '- [licence, license]\n- [permit, licence]\n'),
    'synonyms.yaml',
    [/:2\b/, 'entry 2, form 2', '"licence" is also in entry 1'],
  ],
  [
    'an empty synonym',
    (d) => writeFile(path.join(d, 'synonyms.yaml'), '- [open source, open-source]\n- [licence, ""]\n'),
    'synonyms.yaml',
    [/:2\b/, 'entry 2, form 2', 'is empty'],
  ],
  [
    'a synonym of itself',
    (d) => writeFile(path.join(d, 'synonyms.yaml'), '- [licence, license]\n- [Llama, LLaMA]\n'),
    'synonyms.yaml',
    [/:2\b/, 'already in this entry', 'a synonym of itself'],
  ],
  [
    'a model whose lab is missing',
    (d) => edit(d, 'models/deepseek-r1.yaml', 'lab: deepseek', 'lab: nobody-labs'),
    'models/deepseek-r1.yaml',
    ['lab', 'unknown lab "nobody-labs"'],
  ],
];

describe.concurrent('bad content stops the build, naming file and field', () => {
  it.each(cases)('%s', async (name, breaker, file, expected) => {
    const { dir, out, code, output } = await buildBroken(name, breaker);
    expect(code, output).not.toBe(0);
    expect(output).toContain(path.join(dir, 'content', file).replace(/\.mdx$/, ''));
    for (const e of expected) expect(output).toMatch(typeof e === 'string' ? new RegExp(e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : e);
    // A problem the check reports (MDX syntax errors included) stops Astro, started beside it, at the gate.
    expect(output).not.toContain('Building static entrypoints');
    // Nothing half-done is published.
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});

// A bad prop on an article component (src/lib/mdx-components.ts). The component throws at build naming
// the article's file and the prop; the content check, where it validates components, stops it sooner.
// One after the other: these get as far as Astro's render (every prop rule is also unit-tested in
// src/lib/mdx-components.test.ts), and concurrent Astro builds share the project's .astro/ folder.
const PIECE = 'articles/components-fixture-article/index.mdx';
const componentCases: [name: string, breaker: Breaker, expected: (string | RegExp)[]][] = [
  [
    'ModelFacts with an unknown model id',
    (d) => edit(d, PIECE, '<ModelFacts id="deepseek-v3" />', '<ModelFacts id="deepseek-v9" />'),
    [/ModelFacts/, /\bid\b/, 'unknown model "deepseek-v9"'],
  ],
  ['a Figure without alt text', (d) => edit(d, PIECE, ' alt="Three coloured boxes joined by lines"', ''), [/Figure/, /\balt\b/, 'is required']],
  [
    'a Figure whose image is not beside the piece',
    (d) => edit(d, PIECE, 'src="boxes.png"', 'src="missing.png"'),
    [/Figure/, /\bsrc\b/, '"missing.png" is not in the article\'s folder'],
  ],
  ['a Chart with no data', (d) => edit(d, PIECE, /data=\{\[\{label: "Model one".*?\]\}/, 'data={[]}'), [/Chart/, /\bdata\b/, 'no rows']],
  [
    'a Chart value that is not a number',
    (d) => edit(d, PIECE, '{label: "Model two", value: 30.84}', '{label: "Model two", value: "lots"}'),
    [/Chart/, /data\[1\]\.value/, 'must be a number'],
  ],
];

describe('a bad component prop stops the build, naming the article and the prop', () => {
  it.each(componentCases)(
    '%s',
    async (name, breaker, expected) => {
      const { out, code, output } = await buildBroken(name, breaker);
      expect(code, output).not.toBe(0);
      expect(output).toContain('components-fixture-article/index.mdx');
      for (const e of expected) expect(output).toMatch(typeof e === 'string' ? new RegExp(e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : e);
      expect(existsSync(path.join(out, 'index.html'))).toBe(false);
    },
    240_000,
  );
});

describe('bad content in a later build: the check runs before Astro', () => {
  it('Astro never starts: the problem is named and the last build is left as it was', async () => {
    const dir = path.join(tmp, 'bad', 'warm-gate');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await cp(good, path.join(dir, 'content'), { recursive: true });
    const out = path.join(dir, 'dist');
    const first = await astroBuild({ content: path.join(dir, 'content'), outDir: out });
    expect(first.code, first.output).toBe(0);
    const before = await readFile(path.join(out, 'index.html'));
    await edit(path.join(dir, 'content'), ARTICLE, "published: '2025-02-01'", "published: '2025-02-30'");
    const { code, output } = await astroBuild({ content: path.join(dir, 'content'), outDir: out });
    expect(code, output).not.toBe(0);
    expect(output).toContain('February 2025 has 28 days');
    expect(output).toContain('content check failed: nothing was built');
    expect(output).not.toContain('[build]');
    expect((await readFile(path.join(out, 'index.html'))).equals(before)).toBe(true);
  }, 120_000);
});

describe('npm run check reports the same problems without building', () => {
  it('lists every problem at once, with file:line', async () => {
    const dir = path.join(tmp, 'bad', 'check-many');
    await rm(dir, { recursive: true, force: true });
    await cp(good, path.join(dir, 'content'), { recursive: true });
    await edit(path.join(dir, 'content'), ARTICLE, "published: '2025-02-01'", "published: '2025-02-30'");
    await edit(path.join(dir, 'content'), 'milestones/2025.yaml', 'lab: deepseek', 'lab: deepsek');
    const { code, output } = await run([path.join(root, 'scripts/check.ts')], { FC_CONTENT_DIR: path.join(dir, 'content') });
    expect(code).toBe(1);
    expect(output).toContain(`${path.join(dir, 'content', ARTICLE)}:4  published:`);
    expect(output).toMatch(/milestones\/2025\.yaml:3 {2}2025-01-20-deepseek-r1 › lab: unknown lab "deepsek"/);
    expect(output).toContain('2 problem(s)');
  });
  it('passes on the good fixture', async () => {
    const { code, output } = await run([path.join(root, 'scripts/check.ts')], { FC_CONTENT_DIR: good, FC_TODAY: '2026-01-01' });
    expect(output).toContain('content OK');
    // Scheduled pieces are named, with the day they go live.
    expect(output).toMatch(/scheduled: .*scheduled-fixture-article\.mdx \(publishes 2099-01-01\)/);
    expect(code).toBe(0);
  });
});

describe('published URLs never break (content/urls.lock)', () => {
  const copy = async (name: string) => {
    const dir = path.join(tmp, 'lock', name);
    await rm(dir, { recursive: true, force: true });
    await cp(good, path.join(dir, 'content'), { recursive: true });
    await rm(path.join(dir, 'content', ARTICLE));
    return dir;
  };
  it('removing a published article without an alias fails the build, naming the URL', async () => {
    const dir = await copy('removed');
    const { code, output } = await astroBuild({ content: path.join(dir, 'content'), outDir: path.join(dir, 'dist'), env: { FC_TODAY: '2026-01-01' } });
    expect(code).not.toBe(0);
    expect(output).toContain('/articles/alpha-fixture-article/');
    expect(output).toContain('would now 404');
  });
  it('the same removal passes once another piece takes the old path as an alias', async () => {
    const dir = await copy('aliased');
    await edit(
      path.join(dir, 'content'),
      'articles/hostile-fixture-article.mdx',
      'kind: analysis',
      'kind: analysis\naliases: [/articles/alpha-fixture-article/, /articles/old-alpha/]',
    );
    const { code, output } = await astroBuild({ content: path.join(dir, 'content'), outDir: path.join(dir, 'dist'), env: { FC_TODAY: '2026-01-01' } });
    expect(code, output).toBe(0);
    const stub = await readFile(path.join(dir, 'dist/articles/alpha-fixture-article/index.html'), 'utf8');
    expect(stub).toContain('url=/articles/hostile-fixture-article/');
    expect(await readFile(path.join(dir, 'dist/_redirects'), 'utf8')).toContain('/articles/alpha-fixture-article/ /articles/hostile-fixture-article/ 301');
  });
});

describe('a bad setting stops the build before anything runs', () => {
  it.each(['3MB', '-1'])('FC_PRECACHE_LIMIT_KIB=%s: named, with what is wrong, and nothing built', async (value) => {
    const dir = path.join(tmp, 'bad', `setting-${value.replace(/\W+/g, '')}`);
    await rm(dir, { recursive: true, force: true });
    const out = path.join(dir, 'dist');
    const { code, output } = await astroBuild({ content: good, outDir: out, env: { FC_PRECACHE_LIMIT_KIB: value } });
    expect(code, output).not.toBe(0);
    expect(output).toContain(`FC_PRECACHE_LIMIT_KIB: "${value}" is not a whole number of KiB`);
    expect(output).not.toContain('content check');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [{ SITE_URL: '! Invalid URL' }, 'SITE_URL="! Invalid URL" is not an absolute URL; for example SITE_URL=https://example.org'],
    [{ SITE_URL: 'https://example.org/news/' }, 'SITE_URL="https://example.org/news/" must be an origin only; put the path in BASE_PATH (BASE_PATH=/news/)'],
    [{ BASE_PATH: '/new s/' }, 'BASE_PATH="/new s/" may hold only URL path characters'],
  ])('%o: the variable, its value and a good example, and nothing built', async (env, message) => {
    const out = path.join(tmp, 'bad', `setting-${Object.values(env)[0]!.replace(/\W+/g, '')}`, 'dist');
    const { code, output } = await astroBuild({ content: good, outDir: out, env });
    expect(code, output).not.toBe(0);
    expect(output).toContain(message);
    expect(output).not.toContain('content check');
    expect(existsSync(out)).toBe(false);
  });
});
