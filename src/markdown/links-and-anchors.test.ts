// The article plugin, run through Sätteri itself (the compiler Astro uses for .md and .mdx).
import { parse } from 'parse5';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { linksAndAnchors, normaliseParagraph, paragraphId } from './links-and-anchors.ts';

const html = (md: string) => markdownToHtml(md, { hastPlugins: [linksAndAnchors('/news/')] }).html;

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
function all(n: Node, pick: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pick(n)) out.push(n);
  for (const c of n.childNodes ?? []) all(c, pick, out);
  return out;
}
/** Each paragraph's id with the href and label of its ¶ link. */
function paragraphs(md: string) {
  return all(parse(html(md)) as unknown as Node, (n) => n.nodeName === 'p').map((p) => {
    const link = p.childNodes?.find((c) => c.nodeName === 'a' && attr(c, 'class') === 'para-link');
    return { id: attr(p, 'id'), href: link && attr(link, 'href'), label: link && attr(link, 'aria-label') };
  });
}

const piece = ['First paragraph, about DeepSeek.', 'Second paragraph, about Qwen.', 'Third paragraph, about Mistral.'];

describe("paragraph ids: derived from the paragraph's own text", () => {
  it('gives every body paragraph an id and a labelled ¶ link to it', () => {
    const ps = paragraphs(piece.join('\n\n'));
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.id).toMatch(/^p-[0-9a-f]{8}$/);
      expect(p.href).toBe(`#${p.id}`);
      expect(p.label).toBe('Link to this paragraph');
    }
    expect(new Set(ps.map((p) => p.id)).size).toBe(3);
  });

  it.each([
    ['a paragraph edited', [piece[0], 'Second paragraph, about Qwen3 (edited).', piece[2]], [0, 2]],
    ['a paragraph inserted before the others', ['A new opening paragraph.', ...piece], [1, 2, 3]],
    ['a paragraph removed', [piece[0], piece[2]], [0, 1]],
    ['a heading and a list added', ['## Background', piece[0], '- one\n- two', piece[1], piece[2]], [0, 1, 2]],
  ])("keeps the other paragraphs' ids when %s", (_, edited, kept) => {
    const before = paragraphs(piece.join('\n\n')).map((p) => p.id);
    const after = paragraphs((edited as string[]).join('\n\n')).map((p) => p.id);
    const unchanged = piece.filter((t) => (edited as string[]).includes(t)).map((t) => before[piece.indexOf(t)]);
    expect((kept as number[]).map((i) => after[i])).toEqual(unchanged);
  });

  it('gives a repeated paragraph a suffix, in order', () => {
    const ids = paragraphs(['Same words.', 'Other words.', 'Same words.'].join('\n\n')).map((p) => p.id);
    expect(ids[2]).toBe(`${ids[0]}-2`);
  });

  it('ignores case, spacing and Unicode form, not wording', () => {
    const seen = () => new Map<string, number>();
    expect(paragraphId('Open  weights\nmodel', seen())).toBe(paragraphId('open weights model', seen()));
    expect(paragraphId('Caf\u00e9', seen())).toBe(paragraphId('Cafe\u0301', seen()));
    expect(paragraphId('open weights model', seen())).not.toBe(paragraphId('open-weights model', seen()));
    expect(normaliseParagraph('  A\tB  ')).toBe('a b');
  });

  it('leaves list items and footnotes without a paragraph link', () => {
    const out = html('Body text.[^1]\n\n- loose item\n\n- another loose item\n\n[^1]: A footnote.');
    expect(out.match(/class="para-link"/g)).toHaveLength(1);
  });

  it('works in MDX too', () => {
    const code = mdxToJs('import X from "./x.astro";\n\nA paragraph in MDX.\n\n<X />\n', { hastPlugins: [linksAndAnchors('/')] }).code;
    expect(code).toMatch(/id: "p-[0-9a-f]{8}"/);
    expect(code).toContain('para-link');
  });
});
