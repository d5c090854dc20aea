import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { checkMdx, literalValue } from './mdx-rules.ts';
import type { ComponentRule } from './mdx-components.ts';
import { parseExpressionAt } from 'acorn';

// A registry of two stand-in components, so the rules are tested apart from the real list.
const registry: Record<string, ComponentRule> = {
  Note: { props: z.strictObject({ kind: z.enum(['note', 'contested']).default('note') }), children: true },
  Card: {
    props: z.strictObject({ model: z.string(), rows: z.array(z.strictObject({ label: z.string(), value: z.number() })).optional() }),
    refs: (p) => [{ prop: 'model', collection: 'models', id: String(p.model) }],
    children: false,
  },
};
const FILE = 'content/articles/probe.mdx';
const check = (body: string) => checkMdx(body, 10, FILE, registry);
const messages = (body: string) => check(body).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('MDX is content, not code: what an article may hold', () => {
  it.each([
    ['prose with Markdown', 'Some **bold** text and a [link](/labs/deepseek/).'],
    [
      'plain HTML elements',
      'A <strong>word</strong>, <abbr title="mixture of experts">MoE</abbr>.\n\n<details>\n<summary>More</summary>\n\nText.\n\n</details>',
    ],
    ['a component with literal props', '<Card model="deepseek-r1" rows={[{label: "2023", value: 4}, {"label": "2024", value: -1.5}]} />'],
    ['a component with children', '<Note kind="contested">\n\nSources disagree.\n\n</Note>'],
    ['a boolean shorthand prop on HTML', '<details open><summary>x</summary>y</details>'],
    ['literal expressions', 'A {"string"}, {42}, {true}, {null}, {`plain template`} and {[1, "two"]}.'],
    ['an MDX comment', "Text {/* an editor's note */} more."],
    ['an import of an article component, relative', 'import Card from \'../../src/components/mdx/Card.astro\';\n\n<Card model="x" />'],
    ['an import of an article component, by alias', "import Note from '@/components/mdx/Note.astro';"],
  ])('allows %s', (_name, body) => expect(check(body).problems).toEqual([]));

  it.each([
    ['an import of a Node module', "import fs from 'node:fs';", ["10:1 import of 'node:fs'"]],
    ['an import from outside the components folder', "import X from '../../src/lib/urls.ts';", ["10:1 import of '../../src/lib/urls.ts'"]],
    [
      'an import of a file in the folder that is not a listed component',
      "import Y from '@/components/mdx/Secret.astro';",
      ["10:1 import of '@/components/mdx/Secret.astro'"],
    ],
    ['a component imported under another name', "import Foo from '@/components/mdx/Card.astro';", ['must be written "import Card from']],
    ['an export', 'export const leak = 1;', ['10:1 export']],
    ['an export after an import on the same block', "import Card from '@/components/mdx/Card.astro';\nexport default function x() {}", ['11:1 export']],
    ['a call in an expression', 'Root: {leak.join(", ")}', ['10:8 expression: call expression is not allowed']],
    ['a member expression', 'Token: {process.env.TOKEN}', ['expression: member expression is not allowed']],
    ['an identifier', 'Value: {secret}', ['expression: identifier "secret" is not allowed']],
    ['a template literal with an expression', 'A {`x${y}`} b', ['10:8 expression: template literal with an expression is not allowed']],
    ['a dynamic import', '{import("node:fs")}', ['dynamic import is not allowed']],
    ['a function', '{(() => 1)()}', ['call expression is not allowed']],
    ['an unknown component', '<Chartz data={[1]} />', ['10:1 unknown component <Chartz>']],
    ['a member-expression component', '<Foo.Bar />', ['unknown component <Foo.Bar>']],
    ['a disallowed HTML element', '<iframe src="https://example.org/"></iframe>', ['HTML element <iframe> is not allowed']],
    ['a script element', '<script>alert(1)</script>', ['HTML element <script> is not allowed']],
    ['an event-handler prop', '<span onClick="alert(1)">x</span>', ['<span>: event-handler prop "onClick"']],
    ['an event-handler prop in lower case', '<span onmouseover="x">x</span>', ['event-handler prop "onmouseover"']],
    ['a spread attribute', '<Card {...props} />', ['spread attribute {...props}']],
    ['a style attribute', '<span style="color:red">x</span>', ['"style" is not allowed']],
    ['a non-literal prop', '<Card model={models[0]} />', ['<Card> prop "model": member expression is not allowed']],
    ['a spread inside a literal', '<Card model="x" rows={[...rows]} />', ['spread (...) is not allowed']],
    ['a prop the component does not take', '<Card model="x" colour="red" />', ['unknown prop(s) "colour"']],
    ['a missing required prop', '<Card />', ['<Card> prop "model": is required']],
    ['a prop of the wrong shape', '<Card model="x" rows={[{label: "a"}]} />', ['<Card> prop "rows[0].value"']],
    ['children on a component that takes none', '<Card model="x">text</Card>', ['<Card> takes no content']],
    ['an MDX syntax error', 'Text with a {broken expression', ['MDX syntax error']],
  ])('refuses %s', (_name, body, expected) => {
    const got = messages(body);
    for (const e of expected)
      expect(
        got.some((m) => m.includes(e)),
        `${JSON.stringify(got)} should include "${e}"`,
      ).toBe(true);
  });

  it('names the ids a component refers to, with their line, for the content check to resolve', () => {
    expect(check('Text.\n\n<Card model="deepseek-r9" />').refs).toEqual([
      { prop: 'model', collection: 'models', id: 'deepseek-r9', line: 12, component: 'Card' },
    ]);
  });
});

describe('literalValue: the value a literal expression stands for', () => {
  const value = (src: string) => literalValue(parseExpressionAt(src, 0, { ecmaVersion: 'latest' }));
  it.each([
    ['"a"', 'a'],
    ['-3', -3],
    ['[1, [2]]', [1, [2]]],
    ['{a: 1, "b": [true]}', { a: 1, b: [true] }],
    ['`t`', 't'],
    ['null', null],
  ])('%s → %o', (src, v) => expect(value(src)).toEqual({ value: v }));
  it.each([
    ['x', 'identifier "x"'],
    ['!true', 'unary expression "!"'],
    ['/re/', 'regular expression'],
    ['{[k]: 1}', 'computed key'],
    ['{a}', 'identifier "a"'],
    ['1 + 2', 'binary expression'],
  ])('%s is not a literal: %s', (src, error) => expect(value(src)).toMatchObject({ error }));
});
