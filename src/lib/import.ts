/**
 * Turns an existing article (plain text, Markdown or HTML) into an MDX body, and writes the
 * article file around it. Pure: text in, text out, so every rule is testable without a disk.
 *
 * Two promises to the editor. The words come out exactly as they went in: the unified ecosystem
 * parses the input, and remark-stringify with remark-mdx's serializer escapes whatever Markdown or
 * MDX would read as syntax. And nothing disappears silently: whatever cannot be mapped keeps its
 * text and becomes a vfile message with its line and column, so the editor knows where to look.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastNode } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Heading, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';

export type InputKind = 'text' | 'markdown' | 'html';

export interface Imported {
  /** From an <h1>, a leading `# Title`, Markdown frontmatter, or a short first line of text. */
  title?: string;
  body: string;
  /** What could not be mapped, each naming its line and column in the input. */
  warnings: string[];
}

/** The extension decides; without a known one, the content does. */
export function detectKind(text: string, fileName?: string): InputKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
  const byExt = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', mdx: 'markdown', html: 'html', htm: 'html', xhtml: 'html' } as const;
  if (ext in byExt) return byExt[ext as keyof typeof byExt];
  if (/^\s*(?:<!doctype html|<html\b|<head\b|<body\b)/i.test(text)) return 'html';
  if (/^\s*<([a-z][a-z0-9]*)\b[^>]*>[\s\S]*<\/\1\s*>\s*$/i.test(text)) return 'html';
  if (/^ {0,3}(?:#{1,6} |[-*+] |\d+\. |> |```|~~~)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/m.test(text)) return 'markdown';
  return 'text';
}

export function importArticle(text: string, opts: { fileName?: string; kind?: InputKind } = {}): Imported {
  // One newline convention, no BOM, no control characters (MDX has no way to show them).
  const value = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  const file = new VFile({ path: opts.fileName, value });
  const kind = opts.kind ?? detectKind(String(file.value), opts.fileName);
  const tree = kind === 'html' ? htmlToMdast(String(file.value), file, true) : kind === 'markdown' ? markdownToMdast(file) : textToMdast(file);
  const body = mdx.stringify(tree).replace(/^\n+|\s+$/g, '');
  return { ...(file.data.title ? { title: file.data.title as string } : {}), body: body ? `${body}\n` : '', warnings: file.messages.map((m) => m.reason) };
}

/** Where a warning points: its line and column in the input file. */
type Place = { line: number; column: number } | undefined;

/** Records a warning as a vfile message; `what` names the thing, `why` what became of it. */
function warn(file: VFile, place: Place, what: string, why: string) {
  const where = place ? ` at line ${place.line}, column ${place.column}` : '';
  file.message(`${what}${where}: ${why}`, { place });
}

/** Output escapes remark-mdx does not make: a lone `}`, and `import`/`export` opening a line (MDX reads it as JavaScript). */
function mdxSafety(this: Processor) {
  const unsafe = [
    { character: '}', inConstruct: 'phrasing' },
    { atBreak: true, character: 'i', after: 'mport\\s' },
    { atBreak: true, character: 'e', after: 'xport\\s' },
  ];
  ((this.data() as { toMarkdownExtensions?: unknown[] }).toMarkdownExtensions ??= []).push({ unsafe });
}

const mdx = unified().use(remarkStringify, { bullet: '-', rule: '*', emphasis: '*', strong: '*' }).use(remarkGfm).use(remarkMdx).use(mdxSafety);

/** A bare URL in text becomes a link, as GFM would make it, with its characters kept exactly. */
const BARE_URL = /\bhttps?:\/\/[^\s<>]+/gi;

/** Splits text into plain runs and bare URLs (trailing punctuation belongs to the sentence, as in GFM). */
function splitUrls(text: string): { text: string; url?: boolean }[] {
  const out: { text: string; url?: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(BARE_URL)) {
    let url = m[0];
    while (/[.,:;!?'"*_~]$/.test(url) || (url.endsWith(')') && url.split('(').length < url.split(')').length)) url = url.slice(0, -1);
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: url, url: true });
    last = m.index + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

const phrasing = (text: string): PhrasingContent[] =>
  splitUrls(text).map((s) => (s.url ? { type: 'link', url: s.text, children: [{ type: 'text', value: s.text }] } : { type: 'text', value: s.text }));

/** Paragraphs of text; a short first line (≤ 120 characters) followed by a blank line is a headline. */
function textToMdast(file: VFile): Root {
  const paragraphs = String(file.value)
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean);
  if (paragraphs.length > 1 && /^[^\n]{1,120}$/.test(paragraphs[0]!) && !/[.,;:]$/.test(paragraphs[0]!)) file.data.title = paragraphs.shift();
  return { type: 'root', children: paragraphs.map((p) => ({ type: 'paragraph', children: phrasing(p.replace(/[ \t]+/g, ' ')) })) };
}

// HTML: rehype-parse → our clean-up → rehype-remark.
/** Removed with their contents: forbidden in content, and not text anyone wrote for readers. */
const REMOVED: Record<string, string> = {
  script: 'scripts are forbidden in content',
  style: 'styles are forbidden in content',
  iframe: 'embeds are forbidden in content; link to the page instead',
  object: 'embeds are forbidden in content; link to the page instead',
  embed: 'embeds are forbidden in content; link to the page instead',
  template: 'template contents are not shown to readers',
};
/** Metadata, not content: the page <title> is a fallback title, nothing else is shown. */
const HEAD = new Set(['head', 'meta', 'link', 'base', 'title']);
/** What rehype-remark maps as we mean it: the elements themselves, and containers whose words flow through. */
const MAPPED = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'del',
  's',
  'strike',
  'code',
  'kbd',
  'samp',
  'tt',
  'br',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'hr',
  'html',
  'body',
  'main',
  'article',
  'section',
  'div',
  'header',
  'footer',
  'figure',
  'figcaption',
  'center',
  'hgroup',
  'address',
  'span',
  'small',
  'abbr',
  'time',
  'font',
  'cite',
  'dfn',
  'bdi',
  'bdo',
  'data',
  'label',
  'nobr',
  'ins',
]);
/** Read otherwise by rehype-remark (as italics, code, quoted or not at all): plain containers for us, and <menu> a list. */
const RENAMED: Record<string, string> = { mark: 'span', u: 'span', var: 'span', q: 'span', wbr: 'span', dd: 'div', dt: 'div', menu: 'ul' };
/** Unmapped elements that stand apart from the text around them (the rest run inline). */
const BLOCK = new Set(['nav', 'aside', 'form', 'fieldset', 'details', 'summary', 'dl', 'video', 'audio', 'canvas', 'noscript', 'legend']);

interface Ctx {
  file: VFile;
  origin: { line: number; column: number };
  takeTitle: boolean;
  comments: Place[];
  nested?: boolean;
  link?: boolean;
  code?: boolean;
}

/** Places within an HTML fragment of a Markdown file are shifted to the fragment's place in it. */
function placeOf(node: HastNode, { origin }: Ctx): Place {
  const p = node.position?.start;
  return p && { line: p.line + origin.line - 1, column: p.line === 1 ? p.column + origin.column - 1 : p.column };
}

const describe = (el: Element) =>
  `<${el.tagName}${['src', 'href', 'alt'].map((a) => (a in el.properties ? ` ${a}="${String(el.properties[a])}"` : '')).join('')}>`;

const NO_TEXT = 'it has no text to keep; add it by hand if it matters';
const words = (el: Element | HastRoot) => toText(el).replace(/\s+/g, ' ').trim();

function htmlToMdast(html: string, file: VFile, takeTitle: boolean, origin = { line: 1, column: 1 }): Root {
  const ctx: Ctx = { file, origin, takeTitle, comments: [] };
  const hast = unified().use(rehypeParse, { fragment: true }).parse(html);
  const pageTitle = hast.children.find((n): n is Element => n.type === 'element' && n.tagName === 'title');
  hast.children = cleanAll(hast.children, ctx);
  if (takeTitle && !file.data.title && pageTitle) file.data.title = words(pageTitle) || undefined;
  const n = ctx.comments.length;
  const places = ctx.comments.map((p) => `line ${p!.line}, column ${p!.column}`).join('; ');
  const what = n === 1 ? 'an HTML comment' : `${n} HTML comments`;
  if (n) file.message(`removed ${what} (at ${places}): comments are not shown to readers`, { place: ctx.comments[0] });
  return tidy(unified().use(rehypeRemark).runSync(hast, file) as unknown as Root);
}

/** `<b>a</b><b>b</b>` is one bold run, `<b> bold </b>` bolds the word, not the spaces around it, and lists stay tight. */
function tidy<T extends Parent>(parent: T): T {
  const out: Nodes[] = [];
  for (const node of parent.children as Nodes[]) {
    if ('children' in node) tidy(node);
    // A nested list does not make an item loose (rehype-remark counts its items as blocks of the outer item).
    if (node.type === 'listItem') node.spread = node.children.filter((c) => c.type !== 'list').length > 1;
    if (node.type === 'list') node.spread = node.children.some((c) => c.spread);
    const prev = out.at(-1);
    if (!['strong', 'emphasis', 'delete'].includes(node.type) || !('children' in node)) out.push(node);
    else if (prev?.type === node.type && 'children' in prev) (prev.children as Nodes[]).push(...node.children);
    else {
      const [first, last] = [node.children[0], node.children.at(-1)];
      const lead = first?.type === 'text' ? /^\s*/.exec(first.value)![0] : '';
      if (first?.type === 'text') first.value = first.value.slice(lead.length);
      const trail = last?.type === 'text' ? /\s*$/.exec(last.value)![0] : '';
      if (last?.type === 'text') last.value = last.value.slice(0, last.value.length - trail.length);
      const kept = (node.children as Nodes[]).filter((c) => c.type !== 'text' || c.value);
      const around: Nodes[] = [{ type: 'text', value: lead }, ...(kept.length ? [{ ...node, children: kept } as Nodes] : []), { type: 'text', value: trail }];
      out.push(...around.filter((c) => c.type !== 'text' || c.value));
    }
  }
  parent.children = out as Parent['children'];
  return parent;
}

const cleanAll = (nodes: HastNode[], ctx: Ctx): ElementContent[] => nodes.flatMap((n) => clean(n, ctx));

/** One node as rehype-remark should see it: mapped, renamed to a plain container, or removed; all but the mapped named. */
function clean(node: HastNode, ctx: Ctx): ElementContent[] {
  const place = placeOf(node, ctx);
  if (node.type === 'comment') {
    if (node.value.trim() && place) ctx.comments.push(place);
    return [];
  }
  if (node.type === 'text') {
    if (ctx.link || ctx.code) return [node];
    return splitUrls(node.value).map((s) =>
      s.url ? { type: 'element', tagName: 'a', properties: { href: s.text }, children: [{ type: 'text', value: s.text }] } : { type: 'text', value: s.text },
    );
  }
  if (node.type !== 'element') return [];
  const el = node;
  const tag = el.tagName;
  if (tag in REMOVED) return (warn(ctx.file, place, `removed ${describe(el)}`, REMOVED[tag]!), []);
  if (HEAD.has(tag)) return (cleanAll(el.children, ctx), []); // names a script in <head>
  if (tag === 'h1') {
    if (ctx.takeTitle && !ctx.nested && !ctx.file.data.title && words(el)) {
      ctx.file.data.title = words(el);
      return [];
    }
    warn(ctx.file, place, 'another <h1>', "made it a ## heading (the title is the page's only <h1>)");
    el.tagName = 'h2';
  }
  if (tag === 'table') return table(el, ctx, place);
  if (tag === 'a') return link(el, ctx, place);
  // The title is a top-level <h1>, not one inside a list, a quote or an element we could not map.
  const nested = ctx.nested || ['ul', 'ol', 'li', 'blockquote'].includes(tag) || !MAPPED.has(tag);
  const inner = { ...ctx, nested, code: ctx.code || ['code', 'kbd', 'samp', 'tt', 'pre'].includes(tag) };
  if (tag in RENAMED) el.tagName = RENAMED[tag]!;
  else if (!MAPPED.has(tag)) {
    warn(ctx.file, place, `could not map ${describe(el)}`, words(el) ? 'kept its text' : NO_TEXT);
    if (!words(el)) return [];
    el.tagName = BLOCK.has(tag) ? 'div' : 'span';
    el.properties = {};
  }
  el.children = cleanAll(el.children, inner);
  return [el];
}

/** A table keeps its words, and is named: one paragraph per row (and caption), cells separated by " | ". */
function table(el: Element, ctx: Ctx, place: Place): ElementContent[] {
  const rows: Element[] = [];
  const visit = (n: Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'caption') rows.push({ ...c, tagName: 'p', children: cleanAll(c.children, ctx) });
      else if (c.tagName === 'tr') {
        const cells = c.children.filter((x): x is Element => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th'));
        const children = cells.flatMap((cell, i) => [...(i ? [{ type: 'text' as const, value: ' | ' }] : []), ...cleanAll(cell.children, ctx)]);
        rows.push({ type: 'element', tagName: 'p', properties: {}, children });
      } else if (c.tagName in REMOVED) clean(c, ctx);
      else visit(c);
    }
  };
  visit(el);
  warn(ctx.file, place, `could not map ${describe(el)}`, words(el) ? 'kept its text' : NO_TEXT);
  return rows;
}

/** Links keep their URL exactly; what cannot be a link keeps its text, and is named. */
function link(el: Element, ctx: Ctx, place: Place): ElementContent[] {
  const href = typeof el.properties.href === 'string' ? el.properties.href.trim() : undefined;
  const children = cleanAll(el.children, { ...ctx, link: true });
  const unlinked = [{ type: 'element', tagName: 'span', properties: {}, children } satisfies Element];
  if (href === undefined || ctx.link) return unlinked;
  const why = 'kept its text (javascript: URLs are forbidden in content)';
  if (/^javascript:/i.test(href)) return (warn(ctx.file, place, 'removed a javascript: link', why), unlinked);
  if (!words(el)) return (warn(ctx.file, place, `removed a link to "${href}"`, 'it had no text to show'), unlinked);
  if (!/^(?:https?:|mailto:|#)/i.test(href) && !(href.startsWith('/') && !href.startsWith('//'))) {
    warn(ctx.file, place, `link to "${href}"`, 'not an absolute URL, kept as written; make it https://… or a root-relative path of this site');
  }
  return [{ type: 'element', tagName: 'a', properties: { href }, children }];
}

// Markdown: remark-parse, with HTML in it converted as HTML.
function markdownToMdast(file: VFile): Root {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(file);
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (yaml) {
    try {
      const data = (parseYaml(yaml.value) ?? {}) as Record<string, unknown>;
      if (typeof data !== 'object') throw new TypeError('not a mapping');
      if (typeof data.title === 'string' && data.title.trim()) file.data.title = data.title.trim();
      const other = Object.keys(data).filter((k) => k !== 'title');
      const why = 'pass what still matters as flags (--dek, --date, --source…)';
      if (other.length) warn(file, yaml.position?.start, `ignored frontmatter field(s) ${other.join(', ')}`, why);
      tree.children.shift();
    } catch {
      warn(file, yaml.position?.start, 'the frontmatter', 'not YAML fields, kept it as text');
      tree.children[0] = { type: 'paragraph', children: [{ type: 'text', value: `---\n${yaml.value}\n---` }] };
    }
  }
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1 && (!file.data.title || toString(first) === file.data.title)) {
    file.data.title ??= toString(first);
    tree.children.shift();
  }
  convertHtml(tree, file);
  return tree;
}

/** HTML blocks are converted as HTML; inline tags are dropped (scripts with their contents) and named. */
function convertHtml(parent: Parent, file: VFile) {
  const flow = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
  const out: RootContent[] = [];
  let removing: string | undefined;
  for (const node of parent.children as RootContent[]) {
    if (node.type === 'heading' && node.depth === 1) {
      warn(file, node.position?.start, '# heading', "made it a ## heading (the title is the page's only <h1>)");
      (node as Heading).depth = 2;
    }
    if (node.type !== 'html') {
      if (!removing) out.push(node);
      if ('children' in node) convertHtml(node, file);
      continue;
    }
    if (flow) {
      out.push(...htmlToMdast(node.value, file, false, node.position?.start).children);
      continue;
    }
    const tag = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(node.value);
    const name = tag?.[2]?.toLowerCase();
    if (removing) {
      if (tag?.[1] && name === removing) removing = undefined;
    } else if (!tag) {
      out.push(...(htmlToMdast(node.value, file, false, node.position?.start).children as RootContent[]));
    } else if (tag[1]) continue;
    else if (name === 'br') out.push({ type: 'break' });
    else if (name! in REMOVED) {
      warn(file, node.position?.start, `removed <${name}>`, REMOVED[name!]!);
      if (!/\/>$|<\//.test(node.value)) removing = name;
    } else warn(file, node.position?.start, `could not map <${name}>`, 'kept its text');
  }
  parent.children = out as Parent['children'];
}

// The article file.
export interface ArticleFields {
  title: string;
  dek: string;
  published: string;
  kind: string;
  labs?: string[];
  models?: string[];
  people?: string[];
  topics?: string[];
  sources: { title: string; url: string }[];
  draft?: boolean;
}

/**
 * YAML double-quoted text. JSON's escapes are valid YAML; U+2028/2029 and U+0085 are escaped too,
 * since YAML parsers disagree about whether they end a line.
 */
function quote(text: string): string {
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Ids are written bare, as in the content model, unless YAML would read them as something else. */
function idList(ids: string[]): string {
  const bare = (id: string) => /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id) && !/^(?:true|false|null|yes|no|on|off|y|n)$/.test(id);
  return `[${ids.map((id) => (bare(id) ? id : quote(id))).join(', ')}]`;
}

/** The text of an article file, fields in the order content-model.md lists them. Dates are quoted. */
export function articleFile(a: ArticleFields, body: string): string {
  const lines = ['---', `title: ${quote(a.title)}`, `dek: ${quote(a.dek)}`, `published: '${a.published}'`, `kind: ${a.kind}`];
  for (const key of ['labs', 'models', 'people', 'topics'] as const) {
    const ids = a[key];
    if (ids?.length) lines.push(`${key}: ${idList(ids)}`);
  }
  lines.push('sources:');
  for (const s of a.sources) lines.push(`  - title: ${quote(s.title)}`, `    url: ${quote(s.url)}`);
  if (a.draft) lines.push('draft: true');
  lines.push('---', '');
  return `${lines.join('\n')}\n${body.replace(/^\n+/, '')}`;
}
