/** The words a reader sees in a parsed tree (hast from the MDX compiler, or parse5's DOM). */
const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'div',
  'section',
  'article',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'br',
  'hr',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
]);
const HIDDEN = new Set(['head', 'script', 'style', 'iframe', 'template', 'object', 'embed']);

export type AnyNode = { type?: string; nodeName?: string; tagName?: string; value?: string; children?: AnyNode[]; childNodes?: AnyNode[] };

/** Text a reader sees: block boundaries and line breaks separate words; raw HTML shows nothing. */
export function visible(node: AnyNode): string {
  if (node.type === 'text' || node.nodeName === '#text') return node.value ?? '';
  if (node.type === 'raw' || node.nodeName === '#comment' || HIDDEN.has(node.tagName ?? '')) return '';
  const inner = (node.children ?? node.childNodes ?? []).map(visible).join('');
  return BLOCK.has(node.tagName ?? '') ? ` ${inner} ` : inner;
}

/** Words, in order. A table's cells come out joined by "|", which is not a word. */
export const words = (text: string) => text.split(/\s+/).filter((w) => w && w !== '|');

/** Smart quotes are the site's typography, not a change of words: compile without them to compare. */
export const features = { smartPunctuation: false };
