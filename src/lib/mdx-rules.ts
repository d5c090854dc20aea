/**
 * MDX is content, not code. An `.mdx` article is parsed with the parser Astro compiles it with
 * (Sätteri), each import, expression and attribute value with acorn (ESTree), and only this passes:
 * imports of the article components, plain HTML elements the content rules allow, the components of
 * lib/mdx-components.ts with literal props, and `{…}` holding literals. Nothing in the file runs first.
 */
import { parse, parseExpressionAt, type Expression, type Node as EsNode, type Program } from 'acorn';
import { mdxToMdast } from 'satteri';
import { articleComponents, type ComponentRef, type ComponentRule } from './mdx-components.ts';

export interface MdxProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}
export interface MdxResult {
  problems: MdxProblem[];
  refs: (ComponentRef & { line: number; component: string })[];
}

/** Where article components live; an import must resolve into this folder. */
export const COMPONENTS_DIR = 'src/components/mdx/';

/** HTML an article may write as JSX: text-level and block markup, no embedding, forms or scripting. */
export const ALLOWED_HTML = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
]);

const ALLOWED_LITERALS = 'strings, numbers, booleans, null, and arrays or objects of them';

interface Point {
  line: number;
  column: number;
  offset?: number;
}
interface MdNode {
  type: string;
  value?: string;
  name?: string | null;
  children?: MdNode[];
  attributes?: { type: string; name?: string; value?: string | null | { type: string; value: string } }[];
  position?: { start: Point };
}

/** The literal an ESTree node stands for, or why it is not one. */
export function literalValue(node: EsNode): { value: unknown } | { error: string; node: EsNode } {
  const n = node as Expression;
  switch (n.type) {
    case 'Literal':
      if ('regex' in n && n.regex) return { error: 'regular expression', node };
      if (typeof n.value === 'bigint') return { error: 'BigInt literal', node };
      return { value: n.value };
    case 'TemplateLiteral':
      if (n.expressions.length) return { error: 'template literal with an expression', node: n.expressions[0]! };
      return { value: n.quasis.map((q) => q.value.cooked ?? q.value.raw).join('') };
    case 'UnaryExpression': {
      if (n.operator !== '-' || n.argument.type !== 'Literal' || typeof n.argument.value !== 'number')
        return { error: `unary expression "${n.operator}"`, node };
      return { value: -n.argument.value };
    }
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const el of n.elements) {
        if (!el) return { error: 'array hole', node };
        if (el.type === 'SpreadElement') return { error: 'spread (...)', node: el };
        const v = literalValue(el);
        if ('error' in v) return v;
        out.push(v.value);
      }
      return { value: out };
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of n.properties) {
        if (p.type === 'SpreadElement') return { error: 'spread (...)', node: p };
        if (p.computed) return { error: 'computed key', node: p };
        if (p.kind !== 'init' || p.method) return { error: 'method or accessor', node: p };
        if (p.shorthand) return { error: `identifier "${(p.key as { name?: string }).name}"`, node: p };
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
        if (key === undefined) return { error: 'unusual key', node: p };
        const v = literalValue(p.value);
        if ('error' in v) return v;
        out[key] = v.value;
      }
      return { value: out };
    }
    case 'Identifier':
      return { error: `identifier "${n.name}"`, node };
    case 'CallExpression':
      return { error: 'call expression', node };
    case 'NewExpression':
      return { error: '"new" expression', node };
    case 'MemberExpression':
      return { error: 'member expression', node };
    case 'ChainExpression':
      return { error: 'member expression', node };
    case 'ImportExpression':
      return { error: 'dynamic import', node };
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { error: 'function', node };
    case 'TaggedTemplateExpression':
      return { error: 'tagged template', node };
    case 'AssignmentExpression':
      return { error: 'assignment', node };
    case 'AwaitExpression':
      return { error: 'await', node };
    default:
      return { error: `${n.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`, node };
  }
}

/** Line and column of an acorn offset inside a snippet that starts at `at` in the file. */
function shift(at: Point, snippet: string, offset: number): { line: number; column: number } {
  const before = snippet.slice(0, offset).split('\n');
  return before.length === 1
    ? { line: at.line, column: at.column + offset }
    : { line: at.line + before.length - 1, column: before[before.length - 1]!.length + 1 };
}

/** Where an import specifier points, as a path from the project root (for relative paths) or the alias. */
function importTarget(source: string, articleFile: string): string {
  if (source.startsWith('@/')) return `src/${source.slice(2)}`;
  if (!source.startsWith('.')) return source;
  const parts = articleFile.split('/').slice(0, -1);
  for (const seg of source.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The component file an import may name: '<COMPONENTS_DIR><Name>.astro' for a listed component. */
function allowedImport(target: string, components: Record<string, ComponentRule>): string | undefined {
  const i = target.lastIndexOf(COMPONENTS_DIR);
  if (i < 0 || (i > 0 && target[i - 1] !== '/')) return undefined;
  const name = /^([A-Za-z][A-Za-z0-9]*)\.astro$/.exec(target.slice(i + COMPONENTS_DIR.length))?.[1];
  return name && name in components ? name : undefined;
}

/**
 * Checks one `.mdx` body. `body` is the text after the frontmatter; `firstLine` its line in the file;
 * `file` the article's path from the project root (relative imports resolve from it).
 */
export function checkMdx(body: string, firstLine: number, file: string, registry: Record<string, ComponentRule> = articleComponents): MdxResult {
  const problems: MdxProblem[] = [];
  const refs: MdxResult['refs'] = [];
  const at = (p: Point | undefined): Point => ({ line: (p?.line ?? 1) + firstLine - 1, column: p?.column ?? 1 });
  const add = (p: Point, message: string, hint: string) => problems.push({ line: p.line, column: p.column, message, hint });
  const components = Object.keys(registry);
  const allowedComponents = components.length ? components.map((c) => `<${c}>`).join(', ') : '(none yet)';

  let tree: MdNode;
  try {
    tree = mdxToMdast(body) as unknown as MdNode;
  } catch (err) {
    const m = /(\d+):(\d+)/.exec(String((err as Error).message));
    add(
      at(m ? { line: +m[1]!, column: +m[2]! } : undefined),
      `MDX syntax error: ${String((err as Error).message)
        .split('\n')[0]!
        .replace(/^\d+:\d+: /, '')}`,
      'MDX reads { and < as code: escape them as \\{ and \\< in prose',
    );
    return { problems, refs };
  }

  const expression = (source: string, start: Point, what: string): { value: unknown } | undefined => {
    // A comment-only expression ({/* note */}) is how MDX writes a comment.
    if (
      !source
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/[^\n]*/g, '')
        .trim()
    )
      return { value: undefined };
    let node: EsNode;
    try {
      node = parseExpressionAt(source, 0, { ecmaVersion: 'latest', sourceType: 'module' });
      const rest = source
        .slice(node.end)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/[^\n]*/g, '')
        .trim();
      if (rest) throw new Error(`unexpected "${rest.slice(0, 20)}"`);
    } catch (err) {
      add(
        start,
        `${what}: not a JavaScript expression (${(err as Error).message.replace(/ \(\d+:\d+\)$/, '')})`,
        `write ${ALLOWED_LITERALS}; in prose, escape braces as \\{ and \\}`,
      );
      return undefined;
    }
    const v = literalValue(node);
    if ('error' in v) {
      add(
        { ...start, ...shift(start, source, v.node.start) },
        `${what}: ${v.error} is not allowed`,
        `an article's {…} may hold only literals: ${ALLOWED_LITERALS}`,
      );
      return undefined;
    }
    return v;
  };

  const esm = (node: MdNode) => {
    const start = at(node.position?.start);
    let program: Program;
    try {
      program = parse(node.value ?? '', { ecmaVersion: 'latest', sourceType: 'module' });
    } catch (err) {
      add(
        start,
        `import/export line: not valid JavaScript (${(err as Error).message.replace(/ \(\d+:\d+\)$/, '')})`,
        'the only code an article may hold is an import of an article component',
      );
      return;
    }
    for (const st of program.body) {
      const p = { ...start, ...shift(start, node.value ?? '', st.start) };
      if (st.type === 'ImportDeclaration') {
        const source = String(st.source.value);
        const name = allowedImport(importTarget(source, file), registry);
        if (!name) {
          add(
            p,
            `import of '${source}'`,
            `articles may import only the article components in ${COMPONENTS_DIR} (${allowedComponents}); they are available without an import`,
          );
          continue;
        }
        const bad = st.specifiers.find((s) => s.type !== 'ImportDefaultSpecifier' || s.local.name !== name);
        if (bad)
          add(
            { ...start, ...shift(start, node.value ?? '', bad.start) },
            `import of '${source}' must be written "import ${name} from '${source}'"`,
            'a component is imported under its own name, as its default export',
          );
      } else if (st.type.startsWith('Export')) {
        add(p, 'export', 'articles cannot export anything: an export runs code when the site builds');
      } else {
        add(p, `${st.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`, 'the only code an article may hold is an import of an article component');
      }
    }
  };

  const element = (node: MdNode) => {
    const start = at(node.position?.start);
    const name = node.name;
    const component = name ? registry[name] : undefined;
    if (name == null) {
      add(start, 'JSX fragment (<>…</>)', 'write the content without the fragment');
    } else if (!component && !ALLOWED_HTML.has(name)) {
      const isComponent = /^[A-Z]|[.:]/.test(name);
      add(
        start,
        isComponent ? `unknown component <${name}>` : `HTML element <${name}> is not allowed in articles`,
        isComponent ? `articles may use ${allowedComponents}` : 'allowed: text and block markup such as <p>, <strong>, <table>, <figure>, <details>',
      );
    }
    const props: Record<string, unknown> = {};
    for (const attr of node.attributes ?? []) {
      if (attr.type === 'mdxJsxExpressionAttribute') {
        add(start, `<${name}>: spread attribute {${String(attr.value)}}`, 'write each prop with a literal value');
        continue;
      }
      const prop = attr.name ?? '';
      if (/^on/i.test(prop)) {
        add(start, `<${name}>: event-handler prop "${prop}"`, 'articles cannot attach scripts to elements');
        continue;
      }
      if (prop === 'style' || prop === 'dangerouslySetInnerHTML') {
        add(
          start,
          `<${name}>: "${prop}" is not allowed`,
          prop === 'style' ? 'the CSP forbids inline styles: use a component or plain markup' : 'write the markup itself',
        );
        continue;
      }
      const raw = attr.value;
      if (raw === null || raw === undefined) props[prop] = true;
      else if (typeof raw === 'string') props[prop] = raw;
      else {
        const v = expression(raw.value, start, `<${name}> prop "${prop}"`);
        if (v) props[prop] = v.value;
      }
    }
    if (component) {
      const result = component.props.safeParse(props, { reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = issue.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
          const message =
            issue.code === 'unrecognized_keys'
              ? `unknown prop(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
              : issue.code === 'invalid_type' && issue.input === undefined
                ? 'is required'
                : issue.message;
          add(start, `<${name}>${field ? ` prop "${field}"` : ''}: ${message}`, `see the <${name}> section of docs/writing.md`);
        }
      } else {
        for (const ref of component.refs?.(result.data as Record<string, unknown>) ?? []) refs.push({ ...ref, line: start.line, component: name! });
      }
      if (component.children === false && node.children?.length) add(start, `<${name}> takes no content between its tags`, `write <${name} … />`);
    }
  };

  const walk = (node: MdNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        esm(node);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const p = at(node.position?.start);
        expression(node.value ?? '', { ...p, column: p.column + 1 }, 'expression');
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        element(node);
        break;
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return { problems, refs };
}
