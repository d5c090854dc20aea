import { parse } from 'parse5';
// The MDX compiler the build itself uses (@astrojs/mdx runs on Sätteri), so "compiles" here
// means "builds" there.
import { markdownToHast, mdxToHast, mdxToJs } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { articleFile, detectKind, importArticle, type InputKind } from './import.ts';
import { schemas } from './schema.ts';
import { features, visible, words, type AnyNode } from '../../tests/helpers/visible-text.ts';

function inputWords(text: string, kind: InputKind): string[] {
  if (kind === 'text') return words(text);
  if (kind === 'html') return words(visible(parse(text) as unknown as AnyNode));
  return words(visible(markdownToHast(text.replace(/^---\n[\s\S]*?\n---\n/, ''), { features }) as AnyNode));
}

function outputWords(title: string | undefined, body: string): string[] {
  return words(`${title ?? ''} ${visible(mdxToHast(body, { features }) as AnyNode)}`);
}

describe('detectKind: the extension decides, then the content', () => {
  it.each([
    ['piece.txt', '# looks like markdown', 'text'],
    ['piece.md', '<p>looks like html</p>', 'markdown'],
    ['piece.HTML', 'just words', 'html'],
    ['piece.htm', 'just words', 'html'],
    [undefined, '<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    [undefined, '<p>One</p>\n<p>Two</p>', 'html'],
    [undefined, '## A heading\n\nText with [a link](https://example.org/).', 'markdown'],
    [undefined, 'Just a paragraph of prose.\n\nAnd another, with 1 < 2.', 'text'],
    ['notes.doc', 'Words only.', 'text'],
  ] as const)('%s %j → %s', (fileName, text, kind) => {
    expect(detectKind(text, fileName)).toBe(kind);
  });
});

describe('plain text: words and characters build exactly as written', () => {
  it.each([
    ['braces', 'Costs were {redacted} and }{ odd.', 'Costs were \\{redacted\\} and \\}\\{ odd.'],
    ['angle brackets', 'If a < b and <div> appears, or </p>.', 'If a \\< b and \\<div> appears, or \\</p>.'],
    ['emphasis characters', 'snake_case, *stars* and ~tilde~', 'snake_case, \\*stars\\* and \\~tilde\\~'],
    ['link syntax', '[not](a link) and `not code`', '\\[not]\\(a link) and \\`not code\\`'],
    ['entities stay literal', 'AT&T writes &amp; and &#123;', 'AT\\&T writes \\&amp; and \\&#123;'],
    ['a backslash (before a letter it escapes nothing)', 'C:\\path\\to and \\*', 'C:\\path\\to and \\\\\\*'],
    ['a heading marker at line start', '# not a heading', '\\# not a heading'],
    ['a list marker at line start', '- not a list\n1. nor this\n2) nor this', '\\- not a list\n1\\. nor this\n2\\) nor this'],
    ['a quote marker at line start', '> not a quote', '\\> not a quote'],
    ['a setext underline', 'Line\n===\n---', 'Line\n\\===\n\\---'],
    ['MDX import/export at line start', 'import tariffs rose\nexport controls', '&#x69;mport tariffs rose\n&#x65;xport controls'],
    ['CJK and emoji untouched', '梁文锋 🚀 مرحبا', '梁文锋 🚀 مرحبا'],
    [
      'a bare URL becomes a link that keeps it exactly',
      'See https://example.org/a_b?q=1&x=2.',
      'See [https://example.org/a_b?q=1\\&x=2](https://example.org/a_b?q=1\\&x=2).',
    ],
    ['hard-wrapped lines lose only their indentation', '  one\n\ttwo  ', 'one\ntwo'],
  ])('%s', (_rule, text, body) => {
    expect(importArticle(text, { kind: 'text' }).body).toBe(`${body}\n`);
  });

  it.each([
    ['A short headline\n\nThe first paragraph.', 'A short headline'],
    ['A short headline?\n\nBody.', 'A short headline?'],
    ['One sentence that ends.\n\nBody.', undefined],
    ['Only one paragraph, no title', undefined],
    [`${'Long '.repeat(30)}\n\nBody.`, undefined],
    ['First line\nsecond line of the same paragraph\n\nBody.', undefined],
  ])('title: %j → %j (a short first line followed by a blank line)', (text, title) => {
    expect(importArticle(text, { kind: 'text' }).title).toBe(title);
  });
});

describe('HTML: what maps to Markdown', () => {
  it.each([
    ['p', '<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['h2–h6 keep their level', '<h2>A</h2><h3>B</h3><h6>C</h6>', '## A\n\n### B\n\n###### C'],
    ['h1 becomes the title, a second h1 a ##', '<h1>Title</h1><p>x</p><h1>Again</h1>', 'x\n\n## Again'],
    ['links keep their URL exactly', '<p><a href="https://example.org/a_(b)?x=1&amp;y=2#z">t</a></p>', '[t](https://example.org/a_\\(b\\)?x=1\\&y=2#z)'],
    ['strong, b, em, i', '<p><strong>s</strong> <b>b</b> <em>e</em> <i>i</i></p>', '**s** **b** *e* *i*'],
    ['spaces move outside emphasis', '<p>a<b> bold </b>b</p>', 'a **bold** b'],
    ['adjacent bold runs merge', '<p><b>a</b><b>b</b></p>', '**ab**'],
    [
      'bold that touches letters: they are written as character references, so the ** still open and close',
      '<p>a<strong>"q"</strong>b</p>',
      '&#x61;**"q"**&#x62;',
    ],
    ['nested lists', '<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>', '- a\n  - b\n- c'],
    ['a nested list does not make its item loose', '<ol><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ol>', '1. a\n   - b\n   - c\n2. d'],
    ['ordered lists keep their start', '<ol start="3"><li>x</li><li>y</li></ol>', '3. x\n4. y'],
    ['blockquote', '<blockquote><p>q</p><p>r</p></blockquote>', '> q\n>\n> r'],
    ['br is a hard break', '<p>a<br>b</p>', 'a\\\nb'],
    ['inline code is not escaped', '<p><code>{x} &lt;y&gt; *z*</code></p>', '`{x} <y> *z*`'],
    ['code with backticks', '<p><code>a`b</code></p>', '``a`b``'],
    ['pre keeps its text and language', '<pre><code class="language-ts">if (a < b) {\n  f();\n}</code></pre>', '```ts\nif (a < b) {\n  f();\n}\n```'],
    ['text is escaped', '<p>{x} &lt;y&gt; 1 &lt; 2</p>', '\\{x\\} \\<y> 1 \\< 2'],
    ['del and s', '<p><del>gone</del></p>', '~~gone~~'],
    ['transparent containers', '<div><section><span>x</span></section></div>', 'x'],
  ])('%s', (_rule, html, body) => {
    expect(importArticle(html, { kind: 'html' }).body).toBe(`${body}\n`);
  });

  it('keeps link URLs exactly, and keeps bold bold, in the page the compiler builds', () => {
    const tags = (body: string, tag: string) => {
      const found: AnyNode[] = [];
      const visit = (n: AnyNode) => {
        if (n.tagName === tag) found.push(n);
        n.children?.forEach(visit);
      };
      visit(mdxToHast(body, { features }) as AnyNode);
      return found;
    };
    const { body } = importArticle('<p><a href="https://example.org/a_(b)?x=1&amp;y=2#z">t</a> and https://example.org/c_d?e=1&amp;f=2.</p>', { kind: 'html' });
    expect(tags(body, 'a').map((a) => (a as { properties?: { href?: string } }).properties?.href)).toEqual([
      'https://example.org/a_(b)?x=1&y=2#z',
      'https://example.org/c_d?e=1&f=2',
    ]);
    expect(tags(importArticle('<p>a<strong>"q"</strong>b</p>', { kind: 'html' }).body, 'strong').map(visible)).toEqual(['"q"']);
  });

  it('takes the title from the first <h1>, else from <title>', () => {
    expect(importArticle('<title>Page</title><h1>Headline <em>here</em></h1><p>x</p>', { kind: 'html' }).title).toBe('Headline here');
    expect(importArticle('<title>Page</title><p>x</p>', { kind: 'html' }).title).toBe('Page');
  });
});

describe('HTML: nothing is dropped silently (unmapped elements keep their text and are named with a line)', () => {
  it.each([
    [
      'a table keeps its text',
      '<p>x</p>\n<table><tr><th>Model</th><th>Size</th></tr><tr><td>R1</td><td>671B</td></tr></table>',
      ['could not map <table> at line 2, column 1: kept its text'],
      'x\n\nModel | Size\n\nR1 | 671B',
    ],
    [
      'a script is removed with its content',
      '<p>x</p>\n\n<script>alert("hi")</script>',
      ['removed <script> at line 3, column 1: scripts are forbidden in content'],
      'x',
    ],
    ['a style is removed', '<style>p { color: red }</style><p>x</p>', ['removed <style> at line 1, column 1'], 'x'],
    [
      'an iframe is removed, naming its src',
      '<p>x</p><iframe src="https://www.youtube.com/embed/abc"></iframe>',
      ['removed <iframe src="https://www.youtube.com/embed/abc"> at line 1, column 9: embeds are forbidden'],
      'x',
    ],
    [
      'an image has no text, so it is named',
      '<p>See <img src="chart.png" alt="A chart"> here</p>',
      ['could not map <img src="chart.png" alt="A chart"> at line 1, column 8: it has no text to keep'],
      'See here',
    ],
    [
      'a form keeps its text',
      '<form><label>Email</label> <button>Subscribe</button></form>',
      ['could not map <form> at line 1, column 1: kept its text', 'could not map <button> at line 1, column 28: kept its text'],
      'Email Subscribe',
    ],
    [
      'a video keeps its fallback text',
      '<video src="a.mp4">Watch the launch</video>',
      ['could not map <video src="a.mp4"> at line 1, column 1: kept its text'],
      'Watch the launch',
    ],
    [
      'a javascript: link keeps its text',
      '<p><a href="javascript:void(0)">click</a></p>',
      ['removed a javascript: link at line 1, column 4: kept its text'],
      'click',
    ],
    [
      'a relative link is kept but flagged',
      '<p><a href="../old/page.html">old</a></p>',
      ['link to "../old/page.html" at line 1, column 4: not an absolute URL'],
      '[old](../old/page.html)',
    ],
    ['comments are counted', '<p>x</p><!-- a --><!-- b -->', ['removed 2 HTML comments (at line 1, column 9; line 1, column 19)'], 'x'],
  ])('%s', (_rule, html, warnings, body) => {
    const result = importArticle(html, { kind: 'html' });
    for (const w of warnings) expect(result.warnings.join('\n')).toContain(w);
    expect(result.body).toBe(`${body}\n`);
  });

  it('reports nothing for content it maps fully', () => {
    expect(importArticle('<h1>T</h1><p>A <a href="https://example.org/">link</a>.</p><ul><li>x</li></ul>', { kind: 'html' }).warnings).toEqual([]);
  });
});

describe('Markdown: passes through, with what MDX reads differently made literal', () => {
  it.each([
    ['braces and < outside code', 'a {b} < c', 'a \\{b\\} \\< c'],
    ['code spans and fences untouched', '`{x} <y>`\n\n```js\nconst {a} = b < c;\n```', '`{x} <y>`\n\n```js\nconst {a} = b < c;\n```'],
    ['existing escapes kept', '\\{ok\\} and \\<', '\\{ok\\} and \\<'],
    ['an autolink becomes a link', '<https://example.org/x>', '[https://example.org/x](https://example.org/x)'],
    ['a leading # heading is the title', '# Title\n\nText.', 'Text.'],
    ['so is a leading setext heading', 'Title\n=====\n\nText.', 'Text.'],
    ['a later setext h1 becomes ##', 'Intro.\n\nPart\n====\n\nText.', 'Intro.\n\n## Part\n\nText.'],
    ['a later # heading becomes ##', 'Intro.\n\n# Part\n\nText.', 'Intro.\n\n## Part\n\nText.'],
    ['indented code becomes fenced (MDX has no indented code)', 'Text.\n\n    code {x}\n    more', 'Text.\n\n```\ncode {x}\nmore\n```'],
    ['list continuations are not code', '- item\n\n  still the item', '- item\n\n  still the item'],
    ['indented code in a list item stays code, fenced', '- item\n\n      code {x}', '- item\n\n  ```\n  code {x}\n  ```'],
    ['import/export at line start', 'import x\n\nexport y', '&#x69;mport x\n\n&#x65;xport y'],
    ['HTML blocks are converted', '<div>\n<p>A <em>b</em></p>\n</div>', 'A *b*'],
  ])('%s', (_rule, md, body) => {
    expect(importArticle(md, { kind: 'markdown' }).body).toBe(`${body}\n`);
  });

  it('reads the title from frontmatter and names the fields it ignores', () => {
    const r = importArticle("---\ntitle: From frontmatter\ndate: '2024-01-01'\ntags: [a]\n---\n\nBody.", { kind: 'markdown' });
    expect(r.title).toBe('From frontmatter');
    expect(r.body).toBe('Body.\n');
    expect(r.warnings).toEqual([expect.stringContaining('ignored frontmatter field(s) date, tags')]);
  });

  it('names what it could not map inside an HTML block at its place in the Markdown file', () => {
    const r = importArticle('Intro.\n\n<div>\n<p>A <img src="x.png"> b</p>\n</div>', { kind: 'markdown' });
    expect(r.body).toBe('Intro.\n\nA b\n');
    expect(r.warnings).toEqual(['could not map <img src="x.png"> at line 4, column 6: it has no text to keep; add it by hand if it matters']);
  });

  it('removes inline scripts and names inline HTML it cannot map, with lines', () => {
    const r = importArticle('Line one.\n\nA <span>kept</span> word <script>x()</script> end.', { kind: 'markdown' });
    expect(r.body).toBe('Line one.\n\nA kept word  end.\n');
    expect(r.warnings).toEqual([
      'could not map <span> at line 3, column 3: kept its text',
      'removed <script> at line 3, column 26: scripts are forbidden in content',
    ]);
  });
});

const html = `<!doctype html><html><head><title>Ignored</title></head><body>
<h1>Export controls &amp; {open} models</h1>
<p>The <a href="https://www.bis.gov/press?a=1&amp;b=2">rule</a> says <strong>"advanced"</strong> chips &lt;= 4800 TPP; see <em>Annex {A}</em>.</p>
<h2>What changed</h2>
<ul><li>One_thing <code>{x}</code></li><li>Two<ol><li>nested 1. item</li><li># hash</li></ol></li></ul>
<blockquote><p>— "Quote" with *stars* and [brackets]</p></blockquote>
<p>import this<br>export that<br>- dash</p>
<pre>const x = {a: 1} &lt; 2;</pre>
<table><tr><th>Chip</th><th>TPP</th></tr><tr><td>H20</td><td>2,368</td></tr></table>
<p>梁文锋 🚀 https://example.org/x_(y).</p>
</body></html>`;

const markdown = `# Title from the *heading*

Intro with {braces}, <https://example.org/a>, a < b and \`code {x}\`.

## Section

- item with *emphasis* and [a link](https://example.org/b_c)
  - nested {y}
- 1 > 0

> quote {q}

\`\`\`
raw {code} <here>
\`\`\`

    indented {code}

Last line with **bold** and 梁文锋 🚀.
`;

const text = `A plain headline

Paragraph with {braces}, <angles>, *stars*, _underscores_, [brackets], \`ticks\`, ~tildes~, | pipes and &amp;.
# hash line
- dash line
1. number line
> quote line
import something
https://example.org/path_with_underscores?q=1.

梁文锋 🚀 ${'long words '.repeat(20)}`;

describe('round trip: the body compiles as MDX and shows exactly the words that went in', () => {
  it.each([
    ['text', text, 'text'],
    ['markdown', markdown, 'markdown'],
    ['html', html, 'html'],
  ] as const)('%s', (_name, input, kind) => {
    const { title, body } = importArticle(input, { kind });
    expect(() => mdxToJs(body)).not.toThrow();
    expect(outputWords(title, body)).toEqual(inputWords(input, kind));
  });

  const tricky = [
    '{}',
    '{/* c */}',
    '<div>',
    '</p>',
    '<!-- c -->',
    '<https://x.org>',
    '&amp;',
    '&#123;',
    '*a*',
    '_a_',
    '**a**',
    '~~a~~',
    '`a`',
    '[a](b)',
    '![a](b)',
    '[^1]',
    'a\\b',
    '\\',
    '# h',
    '## h',
    '> q',
    '- l',
    '+ l',
    '* l',
    '1. l',
    '1) l',
    '---',
    '===',
    '***',
    '___',
    '| a | b |\n|---|---|',
    'import a from "b"',
    'export const a = 1',
    '$x$',
    'www.example.org',
    'a  \nb',
    '<3',
    '->',
    '=>',
    'x<y>z',
    '&',
    '"q" \'q\'',
  ];
  it.each(tricky)('plain text %j builds as written', (t) => {
    const input = `Before ${t} after`;
    const { body } = importArticle(input, { kind: 'text' });
    expect(() => mdxToJs(body)).not.toThrow();
    expect(outputWords(undefined, body)).toEqual(words(input));
  });
  it.each(tricky)('HTML text %j builds as written', (t) => {
    const input = `<p>Before ${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')} after</p>`;
    const { body } = importArticle(input, { kind: 'html' });
    expect(() => mdxToJs(body)).not.toThrow();
    expect(outputWords(undefined, body)).toEqual(inputWords(input, 'html'));
  });
});

describe('articleFile: a file the schema accepts, with quoted dates and any title', () => {
  it.each([
    ['plain', 'A title'],
    ['hostile', '</script><script>x</script> "Quotes" & 梁文锋 🚀 \u2028 # not a comment: yes'],
    ['YAML-looking', 'yes'],
  ])('%s title survives YAML', (_name, title) => {
    const fields = { title, dek: 'Dek: with a colon', published: '2026-01-02', kind: 'news', labs: ['deepseek'], topics: ['null'] };
    const file = articleFile({ ...fields, sources: [{ title: 'S', url: 'https://example.org/a#b' }], draft: true }, 'Body.\n');
    const fm = /^---\n([\s\S]*?)\n---\n\nBody\.\n$/.exec(file);
    expect(fm).not.toBeNull();
    expect(fm![1]).toContain("published: '2026-01-02'");
    const data = parseYaml(fm![1]!);
    expect(data.title).toBe(title);
    expect(data.topics).toEqual(['null']);
    expect(schemas.article.safeParse(data).success).toBe(true);
  });
});
