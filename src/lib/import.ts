/**
 * Turns an existing article (plain text, Markdown or HTML) into an MDX body, and writes the
 * article file around it. Pure: text in, text out, so every rule is testable without a disk.
 *
 * Two promises to the editor. The words come out exactly as they went in: text is escaped,
 * never reworded, because MDX reads `{`, `}` and `<` as code and Markdown reads `*`, `_`, `#`…
 * as formatting. And nothing disappears silently: whatever cannot be mapped keeps its text and
 * is named in `warnings` with its line, so the editor knows where to look.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { parse as parseYaml } from 'yaml';

export type InputKind = 'text' | 'markdown' | 'html';

export interface Imported {
  /** From an <h1>, a leading `# Title`, Markdown frontmatter, or a short first line of text. */
  title?: string;
  body: string;
  warnings: string[];
}

/** The extension decides; without a known one, the content does. */
export function detectKind(text: string, fileName?: string): InputKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (/^\s*(?:<!doctype html|<html\b|<head\b|<body\b)/i.test(text)) return 'html';
  if (/^\s*<([a-z][a-z0-9]*)\b[^>]*>[\s\S]*<\/\1\s*>\s*$/i.test(text)) return 'html';
  if (/^ {0,3}(?:#{1,6} |[-*+] |\d+\. |> |```|~~~)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/m.test(text)) return 'markdown';
  return 'text';
}

export function importArticle(text: string, opts: { fileName?: string; kind?: InputKind } = {}): Imported {
  const clean = normalise(text);
  const kind = opts.kind ?? detectKind(clean, opts.fileName);
  if (kind === 'html') return htmlToMdx(clean);
  if (kind === 'markdown') return markdownToMdx(clean);
  return textToMdx(clean);
}

/** One newline convention, no BOM, and no control characters (the converter uses two as markers). */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Escaping literal text

/** Characters that would start Markdown or MDX syntax anywhere in a line. */
const SPECIAL = /[\\`*_[\]{}<|~]/g;
/** `&copy;` in the text must stay those six characters, not become ©. */
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;
/** A bare URL in text; GFM would link it anyway, and escaping its `_` would cut the link short. */
const BARE_URL = /\bhttps?:\/\/[^\s<>]+/gi;

/** Escapes text so Markdown and MDX render exactly these characters. */
export function escapeText(text: string): string {
  return text.replace(SPECIAL, '\\$&').replace(ENTITY_LIKE, '\\&');
}

/** Escapes text, writing bare URLs as explicit links so their characters need no escapes. */
function escapeInline(text: string, autolink: boolean): string {
  if (!autolink) return escapeText(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BARE_URL)) {
    const url = trimUrl(m[0]);
    out += escapeText(text.slice(last, m.index)) + `[${escapeText(url)}](${destination(url)})`;
    last = m.index + url.length;
  }
  return out + escapeText(text.slice(last));
}

/** Trailing punctuation belongs to the sentence, as in GFM: "see https://x.org/a." */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    if (/[.,:;!?'"*_~]$/.test(u)) u = u.slice(0, -1);
    else if (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1);
    else return u;
  }
}

/** A link destination that resolves to exactly `href`. */
function destination(href: string): string {
  const escaped = href.replace(/\\/g, '\\\\').replace(ENTITY_LIKE, '\\&');
  return /[\s<>()]/.test(href) ? `<${escaped.replace(/[<>]/g, '\\$&')}>` : escaped;
}

/**
 * Escapes what only means something at the start of a line: headings, quotes, list markers,
 * setext underlines, and MDX's `import`/`export` (which would be read as JavaScript).
 */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(#{1,6})(?=[ \t]|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+])(?=[ \t]|$)/, '\\$1')
    .replace(/^([-=])(?=[-=]*[ \t]*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
    .replace(/^(i)(?=mport[ \t])|^(e)(?=xport[ \t])/, (c) => `&#${c.charCodeAt(0)};`);
}

/** A code span that shows `code` verbatim, whatever backticks it holds. */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(code) || (/^ .*[^ ].* $/.test(code)) ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

function codeBlock(code: string, lang = ''): string {
  const longest = Math.max(0, ...[...code.matchAll(/^ *(`{3,})/gm)].map((m) => m[1]!.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${code}\n${fence}`;
}

// ---------------------------------------------------------------------------------------------
// Emphasis
//
// Inline HTML is rendered with markers around bold, italic and struck text, and the markers are
// resolved once the whole paragraph is known: `**` only works when its neighbours allow it
// (`a**"b"**c` is not bold in Markdown), so where they do not, MDX's JSX form is written instead.

const OPEN = '\u0001';
const CLOSE = '\u0002';
const MARKS = { s: ['**', 'strong'], e: ['*', 'em'], d: ['~~', 'del'] } as const;
type Mark = keyof typeof MARKS;

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && (/[\p{P}\p{S}]/u.test(c) || c === OPEN || c === CLOSE);

function resolveEmphasis(text: string): string {
  // <b>a</b><b>b</b> is one bold run, not `**a****b**`.
  const s = text.replace(/\u0002([sed])\u0001\1/g, '');
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === OPEN) stack.push(i);
    else if (s[i] === CLOSE) pairs.set(stack.pop()!, i);
  }
  const replace = new Map<number, string>();
  for (const [open, close] of pairs) {
    const mark = s[open + 1] as Mark;
    const before = s[open - 1];
    const first = s[open + 2];
    const last = s[close - 1];
    const after = s[close + 2];
    const markdown = !isSpace(first) && !isSpace(last)
      && (!isPunct(first) || isSpace(before) || isPunct(before))
      && (!isPunct(last) || isSpace(after) || isPunct(after))
      // Delimiters of two different runs must not touch: `**a***b*` is ambiguous.
      && before !== CLOSE && after !== OPEN;
    const [md, tag] = MARKS[mark];
    replace.set(open, markdown ? md : `<${tag}>`);
    replace.set(close, markdown ? md : `</${tag}>`);
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const r = replace.get(i);
    if (r !== undefined) { out += r; i++; } else out += s[i];
  }
  return out;
}

/** Moves edge spaces outside the markers: `** bold **` would not be bold. */
function wrap(inner: string, mark: Mark): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!m[2]) return inner;
  return `${m[1]}${OPEN}${mark}${m[2]}${CLOSE}${mark}${m[3]}`;
}

/** A paragraph's inline text, where '\n' is a hard break (<br>), as Markdown lines. */
function finishInline(raw: string, hardBreaks = true): string {
  const text = resolveEmphasis(raw.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ').replace(/^[\s]+|[\s]+$/g, ''));
  if (!hardBreaks) return text.replace(/\n/g, ' ');
  return text.split('\n').map(escapeLineStart).join('\\\n');
}

// ---------------------------------------------------------------------------------------------
// Markdown blocks, rendered with their container prefixes

type Block =
  | { t: 'p'; text: string }
  | { t: 'h'; level: number; text: string }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'quote'; blocks: Block[] }
  | { t: 'code'; lang: string; text: string }
  | { t: 'hr' }
  | { t: 'raw'; text: string };

function render(blocks: Block[]): string {
  return blocks.map(renderBlock).filter((b) => b !== '').join('\n\n');
}

function renderBlock(b: Block): string {
  switch (b.t) {
    case 'p': case 'raw': return b.text;
    case 'h': return `${'#'.repeat(b.level)} ${b.text.replace(/#+$/, '\\$&')}`;
    case 'hr': return '***';
    case 'code': return codeBlock(b.text, b.lang);
    case 'quote': return render(b.blocks).split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
    case 'list': return b.items.map((item, i) => {
      const marker = b.ordered ? `${b.start + i}. ` : '- ';
      // A nested list may follow its item's text directly; other blocks need a blank line.
      const body = item.map((blk, j) => (j === 0 ? '' : blk.t === 'list' ? '\n' : '\n\n') + renderBlock(blk)).join('');
      if (!body) return marker.trimEnd();
      const indent = ' '.repeat(marker.length);
      return body.split('\n').map((l, j) => (j === 0 ? marker + l : l ? indent + l : l)).join('\n');
    }).join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// HTML

type Node = T.ChildNode | T.ParentNode;
const isElement = (n: Node): n is T.Element => 'tagName' in n;
const isText = (n: Node): n is T.TextNode => n.nodeName === '#text';
const isComment = (n: Node): n is T.CommentNode => n.nodeName === '#comment';
const children = (n: Node): T.ChildNode[] => ('childNodes' in n ? n.childNodes : []);
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** Removed with their contents: forbidden in content, and not text anyone wrote for readers. */
const REMOVED: Record<string, string> = {
  script: 'scripts are forbidden in content',
  style: 'styles are forbidden in content',
  iframe: 'embeds are forbidden in content; link to the page instead',
  object: 'embeds are forbidden in content; link to the page instead',
  embed: 'embeds are forbidden in content; link to the page instead',
  template: 'template contents are not shown to readers',
};
/** Containers with no meaning Markdown loses: their content is converted, silently. */
const TRANSPARENT_BLOCK = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'footer', 'figure', 'figcaption', 'center', 'hgroup', 'address', 'li', 'dd', 'dt']);
const TRANSPARENT_INLINE = new Set(['span', 'small', 'abbr', 'time', 'mark', 'u', 'font', 'q', 'ins', 'cite', 'dfn', 'var', 'bdi', 'bdo', 'data', 'label', 'wbr', 'nobr']);
const BLOCK = new Set([...TRANSPARENT_BLOCK, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'pre', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'dl', 'nav', 'aside', 'form', 'fieldset', 'details', 'summary', 'menu', 'video', 'audio', 'canvas', 'noscript']);
/** Metadata, not content: the page <title> is used as a fallback title, nothing else is shown. */
const HEAD = new Set(['head', 'meta', 'link', 'base', 'title']);

interface Ctx { link?: boolean; heading?: boolean; nested?: boolean }

class HtmlConverter {
  warnings: string[] = [];
  title: string | undefined;
  private comments: number[] = [];
  private lineOffset: number;
  private takeTitle: boolean;

  constructor(lineOffset = 0, takeTitle = true) {
    this.lineOffset = lineOffset;
    this.takeTitle = takeTitle;
  }

  convert(html: string): Block[] {
    const doc = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
    const root = doc.childNodes.find(isElement)!;
    const head = root.childNodes.find((n): n is T.Element => isElement(n) && n.tagName === 'head');
    const body = root.childNodes.find((n): n is T.Element => isElement(n) && n.tagName === 'body');
    let pageTitle: string | undefined;
    // The parser puts comments before <html> or between <head> and <body> outside both.
    for (const n of [...doc.childNodes, ...root.childNodes]) if (isComment(n)) this.comment(n);
    for (const n of head ? children(head) : []) {
      if (isComment(n)) this.comment(n);
      else if (isElement(n) && n.tagName === 'title') pageTitle = plainText(n) || undefined;
      else if (isElement(n) && !HEAD.has(n.tagName)) this.inline(n, {});
    }
    const blocks = body ? this.blocks(children(body), {}) : [];
    if (this.takeTitle) this.title ??= pageTitle;
    if (this.comments.length) {
      this.warnings.push(`removed ${this.comments.length === 1 ? 'an HTML comment' : `${this.comments.length} HTML comments`} (at line ${this.comments.join(', ')}): comments are not shown to readers`);
    }
    return blocks;
  }

  private line(n: Node): number {
    return ('sourceCodeLocation' in n && n.sourceCodeLocation ? n.sourceCodeLocation.startLine : 1) + this.lineOffset;
  }

  private comment(n: T.CommentNode) {
    if (n.data.trim()) this.comments.push(this.line(n));
  }

  private describe(el: T.Element): string {
    const shown = ['src', 'href', 'alt'].map((a) => [a, attr(el, a)] as const).filter(([, v]) => v !== undefined);
    return `<${el.tagName}${shown.map(([a, v]) => ` ${a}="${v}"`).join('')}>`;
  }

  private unmapped(el: T.Element, kept: string) {
    const what = kept.trim() ? 'kept its text' : 'it has no text to keep; add it by hand if it matters';
    this.warnings.push(`could not map ${this.describe(el)} at line ${this.line(el)}: ${what}`);
  }

  private removed(el: T.Element) {
    this.warnings.push(`removed ${this.describe(el)} at line ${this.line(el)}: ${REMOVED[el.tagName]}`);
  }

  private isBlock(el: T.Element): boolean {
    if (BLOCK.has(el.tagName)) return true;
    if (TRANSPARENT_INLINE.has(el.tagName) || el.tagName in REMOVED) return false;
    return children(el).some((c) => isElement(c) && this.isBlock(c));
  }

  blocks(nodes: T.ChildNode[], ctx: Ctx): Block[] {
    const out: Block[] = [];
    let inline = '';
    const flush = () => {
      const text = finishInline(inline);
      if (text) out.push({ t: 'p', text });
      inline = '';
    };
    for (const n of nodes) {
      if (isElement(n) && this.isBlock(n)) {
        flush();
        out.push(...this.block(n, ctx));
      } else inline += this.inline(n, ctx);
    }
    flush();
    return out;
  }

  private block(el: T.Element, ctx: Ctx): Block[] {
    const tag = el.tagName;
    const nested = { ...ctx, nested: true };
    if (tag === 'p') return this.blocks(children(el), ctx);
    if (/^h[1-6]$/.test(tag)) {
      if (tag === 'h1' && this.takeTitle && !this.title && !ctx.nested) {
        this.title = plainText(el) || undefined;
        if (this.title) return [];
      }
      if (tag === 'h1') this.warnings.push(`another <h1> at line ${this.line(el)}: made it a ## heading (the title is the page's only <h1>)`);
      const text = finishInline(this.inlineAll(children(el), { ...ctx, heading: true }), false);
      return text ? [{ t: 'h', level: Math.max(2, Number(tag[1])), text }] : [];
    }
    if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
      const items: Block[][] = [];
      let loose: T.ChildNode[] = [];
      for (const c of children(el)) {
        if (isElement(c) && c.tagName === 'li') {
          if (loose.length) items.push(this.blocks(loose, nested));
          loose = [];
          items.push(this.blocks(children(c), nested));
        } else if (!(isText(c) && !c.value.trim())) loose.push(c);
      }
      if (loose.length) items.push(this.blocks(loose, nested));
      const start = Number.parseInt(attr(el, 'start') ?? '1', 10);
      return items.length ? [{ t: 'list', ordered: tag === 'ol', start: Number.isFinite(start) && start >= 0 ? start : 1, items }] : [];
    }
    if (tag === 'blockquote') {
      const blocks = this.blocks(children(el), nested);
      return blocks.length ? [{ t: 'quote', blocks }] : [];
    }
    if (tag === 'pre') {
      const code = children(el).find((c): c is T.Element => isElement(c) && c.tagName === 'code');
      const lang = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(attr(code ?? el, 'class') ?? '')?.[1] ?? '';
      return [{ t: 'code', lang, text: rawText(el).replace(/\n+$/, '') }];
    }
    if (tag === 'hr') return [{ t: 'hr' }];
    if (tag === 'table') {
      const rows = this.tableRows(el);
      this.unmapped(el, rows.join(''));
      return rows.map((text) => ({ t: 'p', text }));
    }
    if (TRANSPARENT_BLOCK.has(tag)) return this.blocks(children(el), ctx);
    const blocks = this.blocks(children(el), nested);
    this.unmapped(el, render(blocks));
    return blocks;
  }

  /** A table keeps its words: one paragraph per row (and caption), cells separated by " | ". */
  private tableRows(table: T.Element): string[] {
    const rows: string[] = [];
    const visit = (n: T.Element) => {
      for (const c of children(n)) {
        if (!isElement(c)) continue;
        if (c.tagName === 'caption') rows.push(finishInline(this.inlineAll(children(c), {})));
        else if (c.tagName === 'tr') {
          const cells = children(c).filter((x): x is T.Element => isElement(x) && (x.tagName === 'td' || x.tagName === 'th'));
          rows.push(escapeLineStart(cells.map((cell) => finishInline(this.inlineAll(children(cell), {}), false)).filter(Boolean).join(' \\| ')));
        } else if (c.tagName in REMOVED) this.removed(c);
        else visit(c);
      }
    };
    visit(table);
    return rows.filter(Boolean);
  }

  private inlineAll(nodes: T.ChildNode[], ctx: Ctx): string {
    return nodes.map((n) => this.inline(n, ctx)).join('');
  }

  private inline(n: T.ChildNode, ctx: Ctx): string {
    if (isText(n)) return escapeInline(n.value.replace(/\s+/g, ' '), !ctx.link);
    if (isComment(n)) { this.comment(n); return ''; }
    if (!isElement(n)) return '';
    const tag = n.tagName;
    if (tag in REMOVED) { this.removed(n); return ''; }
    if (tag === 'br') return ctx.heading ? ' ' : '\n';
    if (tag === 'strong' || tag === 'b') return wrap(this.inlineAll(children(n), ctx), 's');
    if (tag === 'em' || tag === 'i') return wrap(this.inlineAll(children(n), ctx), 'e');
    if (tag === 'del' || tag === 's' || tag === 'strike') return wrap(this.inlineAll(children(n), ctx), 'd');
    if (tag === 'code' || tag === 'kbd' || tag === 'samp' || tag === 'tt') {
      const code = rawText(n).replace(/\s+/g, ' ');
      return code.trim() ? codeSpan(code) : code;
    }
    if (tag === 'a') return this.link(n, ctx);
    if (TRANSPARENT_INLINE.has(tag)) return this.inlineAll(children(n), ctx);
    if (BLOCK.has(tag) && (TRANSPARENT_BLOCK.has(tag) || tag === 'p' || /^h[1-6]$/.test(tag))) {
      // A block inside inline content (a <div> in a link): its words, set apart by spaces.
      return ` ${this.inlineAll(children(n), ctx)} `;
    }
    const kept = this.inlineAll(children(n), ctx);
    this.unmapped(n, kept);
    return kept;
  }

  private link(a: T.Element, ctx: Ctx): string {
    const href = attr(a, 'href')?.trim();
    const text = this.inlineAll(children(a), { ...ctx, link: true });
    if (href === undefined || ctx.link) return text;
    if (/^\s*javascript:/i.test(href)) {
      this.warnings.push(`removed a javascript: link at line ${this.line(a)}: kept its text (javascript: URLs are forbidden in content)`);
      return text;
    }
    if (!text.replace(/[\u0001\u0002][sed]/g, '').trim()) {
      this.warnings.push(`removed a link to "${href}" at line ${this.line(a)}: it had no text to show`);
      return text;
    }
    if (!/^(?:https?:|mailto:|#)/i.test(href) && !(href.startsWith('/') && !href.startsWith('//'))) {
      this.warnings.push(`link to "${href}" at line ${this.line(a)} is not an absolute URL: kept as written; make it https://… or a root-relative path of this site`);
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
    return `${m[1]}[${m[2]}](${destination(href)})${m[3]}`;
  }
}

/** Text as a reader sees it: blocks and <br> separate words; removed elements add nothing. */
function plainText(n: Node): string {
  const parts: string[] = [];
  const visit = (x: Node) => {
    if (isText(x)) parts.push(x.value);
    else if (isElement(x)) {
      if (x.tagName in REMOVED) return;
      if (x.tagName === 'br' || BLOCK.has(x.tagName)) parts.push(' ');
      children(x).forEach(visit);
      if (BLOCK.has(x.tagName)) parts.push(' ');
    }
  };
  children(n).forEach(visit);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Text exactly as written, for code. */
function rawText(n: Node): string {
  return children(n).map((c) => (isText(c) ? c.value : isElement(c) ? rawText(c) : '')).join('');
}

export function htmlToMdx(html: string): Imported {
  const c = new HtmlConverter();
  const body = render(c.convert(html));
  return { ...(c.title ? { title: c.title } : {}), body: finish(body), warnings: c.warnings };
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** A first line this short, followed by a blank line, is a headline rather than a paragraph. */
const TITLE_MAX = 120;

export function textToMdx(text: string): Imported {
  const paragraphs = text.split(/\n[ \t]*\n/).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean)).filter((p) => p.length);
  let title: string | undefined;
  const first = paragraphs[0];
  if (first?.length === 1 && paragraphs.length > 1 && first[0]!.length <= TITLE_MAX && !/[.,;:]$/.test(first[0]!)) {
    title = first[0];
    paragraphs.shift();
  }
  const body = paragraphs.map((lines) => lines.map((l) => escapeLineStart(escapeInline(l.replace(/\s+/g, ' '), true))).join('\n')).join('\n\n');
  return { ...(title ? { title } : {}), body: finish(body), warnings: [] };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const FENCE = /^(\s*)(`{3,}|~{3,})/;
/** Lines that open an HTML block (CommonMark kinds 1, 2 and 6): converted as HTML. */
const HTML_BLOCK = /^ {0,3}<(?:!--|\/?(?:script|style|pre|iframe|table|div|p|ul|ol|li|dl|h[1-6]|blockquote|section|article|aside|header|footer|nav|figure|figcaption|form|details|summary|video|audio|object|embed|center|hr|br)(?:[\s/>]|$))/i;
const HTML_BLOCK_END: [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(script|style|pre|iframe)\b/i, /<\/(?:script|style|pre|iframe)>/i],
];

export function markdownToMdx(source: string): Imported {
  const warnings: string[] = [];
  let title: string | undefined;
  let text = source;
  let lineOffset = 0;

  const fm = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (fm) {
    try {
      const data = parseYaml(fm[1]!) as Record<string, unknown> | null;
      if (data && typeof data === 'object') {
        if (typeof data.title === 'string' && data.title.trim()) title = data.title.trim();
        const other = Object.keys(data).filter((k) => k !== 'title');
        if (other.length) warnings.push(`ignored frontmatter field(s) ${other.join(', ')} at line 1: pass what still matters as flags (--dek, --date, --source…)`);
      }
      text = text.slice(fm[0].length);
      lineOffset = fm[0].split('\n').length - 1;
    } catch {
      warnings.push('the frontmatter at line 1 is not valid YAML: kept it as text');
    }
  }

  const lines = text.split('\n');
  const out: string[] = [];
  let para: { start: number; lines: string[]; first: boolean } | null = null;
  let seenContent = false;
  let lastBlockWasList = false;

  const flush = () => {
    if (!para) return;
    out.push(escapeMarkdown(para.lines.join('\n'), para.start, warnings));
    para = null;
  };
  const heading = (level: number, content: string, line: number, first = !seenContent) => {
    if (level === 1 && title === undefined && first) { title = stripInlineMarkdown(content); return; }
    if (level === 1 && title !== undefined && first && stripInlineMarkdown(content) === title) return;
    if (level === 1) warnings.push(`# heading at line ${line}: made it a ## heading (the title is the page's only <h1>)`);
    out.push(`${'#'.repeat(Math.max(2, level))} ${escapeMarkdown(content, line, warnings)}`);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1 + lineOffset;

    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const [, indent, marks] = fence;
      const block = [line];
      const closing = new RegExp(`^\\s*${marks![0] === '`' ? '`' : '~'}{${marks!.length},}\\s*$`);
      while (++i < lines.length) {
        block.push(lines[i]!);
        if (closing.test(lines[i]!)) break;
      }
      out.push(block.join('\n'));
      seenContent = true;
      lastBlockWasList = indent!.length > 0 && lastBlockWasList;
      continue;
    }
    if (!line.trim()) { flush(); out.push(''); continue; }

    // MDX has no indented code blocks: outside a list, they become fenced blocks.
    if (!para && /^(?: {4}|\t)/.test(line) && !lastBlockWasList) {
      const block: string[] = [];
      let j = i;
      while (j < lines.length && (/^(?: {4}|\t)/.test(lines[j]!) || (!lines[j]!.trim() && /^(?: {4}|\t)/.test(lines[j + 1] ?? '')))) {
        block.push(lines[j]!.replace(/^(?: {4}|\t)/, ''));
        j++;
      }
      out.push(codeBlock(block.join('\n')));
      i = j - 1;
      seenContent = true;
      continue;
    }

    if (!para && HTML_BLOCK.test(line)) {
      const end = HTML_BLOCK_END.find(([startRe]) => startRe.test(line))?.[1];
      const block = [line];
      if (end) {
        while (!end.test(block.at(-1)!) && i + 1 < lines.length) block.push(lines[++i]!);
      } else {
        while (i + 1 < lines.length && lines[i + 1]!.trim()) block.push(lines[++i]!);
      }
      const c = new HtmlConverter(lineNo - 1, false);
      const md = render(c.convert(block.join('\n')));
      warnings.push(...c.warnings);
      if (md) out.push(md);
      seenContent ||= md !== '';
      continue;
    }

    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      flush();
      heading(atx[1]!.length, atx[2] ?? '', lineNo);
      seenContent = true;
      lastBlockWasList = false;
      continue;
    }
    if (para && /^ {0,3}=+[ \t]*$/.test(line)) {
      const { lines: setext, start, first } = para;
      para = null;
      heading(1, setext.join(' '), start, first);
      seenContent = true;
      continue;
    }

    if (!para) {
      para = { start: lineNo, lines: [], first: !seenContent };
      lastBlockWasList = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/.test(line) || (lastBlockWasList && /^\s/.test(line));
      seenContent = true;
    } else if (/^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/.test(line)) lastBlockWasList = true;
    para.lines.push(line);
  }
  flush();

  const body = out.join('\n').replace(/\n{3,}/g, '\n\n');
  return { ...(title ? { title } : {}), body: finish(body), warnings };
}

/** '*How* we [did](https://x) it' → 'How we did it', for a title taken from a heading. */
function stripInlineMarkdown(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

/**
 * Escapes what MDX reads differently from Markdown in a block of Markdown source: `{`, `}` and
 * `<` outside code spans, autolinks (`<https://…>`), inline HTML and comments.
 */
function escapeMarkdown(src: string, firstLine: number, warnings: string[]): string {
  let out = '';
  let comments = 0;
  const lineAt = (i: number) => firstLine + (src.slice(0, i).match(/\n/g)?.length ?? 0);
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(src[i + 1] ?? '')) { out += src.slice(i, i + 2); i += 2; continue; }
    if (c === '`') {
      const run = /^`+/.exec(src.slice(i))![0];
      const close = findClosingRun(src, i + run.length, run.length);
      if (close >= 0) { out += src.slice(i, close + run.length); i = close + run.length; continue; }
      out += run;
      i += run.length;
      continue;
    }
    if (c === '{' || c === '}') { out += `\\${c}`; i++; continue; }
    if (c === '<') {
      const rest = src.slice(i);
      const auto = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i.exec(rest);
      const email = /^<([\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)>/i.exec(rest);
      if (auto || email) {
        const url = auto ? auto[1]! : `mailto:${email![1]}`;
        out += `[${escapeText(auto ? auto[1]! : email![1]!)}](${destination(url)})`;
        i += (auto ?? email)![0].length;
        continue;
      }
      const comment = /^<!--[\s\S]*?-->/.exec(rest);
      if (comment) { comments++; i += comment[0].length; continue; }
      const tag = /^<(\/?)([a-z][a-z0-9-]*)(?:\s[^<>]*)?\/?>/i.exec(rest);
      if (tag) {
        const name = tag[2]!.toLowerCase();
        if (!tag[1] && name in REMOVED) {
          const end = new RegExp(`</${name}\\s*>`, 'i').exec(rest);
          const length = end ? end.index + end[0].length : tag[0].length;
          warnings.push(`removed <${name}> at line ${lineAt(i)}: ${REMOVED[name]}`);
          i += length;
          continue;
        }
        if (!tag[1]) {
          warnings.push(name === 'br'
            ? `could not map <br> at line ${lineAt(i)}: replaced it with a space`
            : `could not map <${name}> at line ${lineAt(i)}: kept its text`);
        }
        out += name === 'br' ? ' ' : '';
        i += tag[0].length;
        continue;
      }
      out += '\\<';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (comments) warnings.push(`removed ${comments === 1 ? 'an HTML comment' : `${comments} HTML comments`} at line ${firstLine}: comments are not shown to readers`);
  return out.split('\n').map((l) => l.replace(/^(i)(?=mport[ \t])|^(e)(?=xport[ \t])/, (ch) => `&#${ch.charCodeAt(0)};`)).join('\n');
}

/** Where the code span opened at `from` closes: the next backtick run of the same length. */
function findClosingRun(src: string, from: number, length: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(src); m; m = re.exec(src)) if (m[0].length === length) return m.index;
  return -1;
}

function finish(body: string): string {
  const trimmed = body.replace(/^\n+|\s+$/g, '');
  return trimmed ? `${trimmed}\n` : '';
}

// ---------------------------------------------------------------------------------------------
// The article file

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
  return `[${ids.map((id) => (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id) && !/^(?:true|false|null|yes|no|on|off|y|n)$/.test(id) ? id : quote(id))).join(', ')}]`;
}

/** The text of an article file, fields in the order content-model.md lists them. Dates are quoted. */
export function articleFile(a: ArticleFields, body: string): string {
  const lines = [
    '---',
    `title: ${quote(a.title)}`,
    `dek: ${quote(a.dek)}`,
    `published: '${a.published}'`,
    `kind: ${a.kind}`,
  ];
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
