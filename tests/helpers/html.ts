/** Parsed HTML for tests: the DOM a browser would build, walked without a browser. */
import { parse } from 'parse5';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

type P5Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: P5Node[]; value?: string; content?: P5Node };

function convert(n: P5Node): El {
  const kids = n.content?.childNodes ?? n.childNodes ?? [];
  const children = kids.filter((c) => c.tagName).map(convert);
  const text = kids.map((c) => (c.nodeName === '#text' ? (c.value ?? '') : c.tagName ? convert(c).text : '')).join('');
  return { tag: n.tagName ?? n.nodeName, attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])), text, children };
}

export function parseHtml(html: string): El {
  return convert(parse(html) as unknown as P5Node);
}

export function all(root: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (pred(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}
