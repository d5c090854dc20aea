/**
 * One Sätteri hast plugin for what article HTML needs beyond Astro's defaults (Astro 7's Sätteri
 * pipeline ignores rehype plugins):
 * - h2–h4 get a stable id (Astro's own, or a GitHub-style slug) and a permalink anchor;
 * - body paragraphs get an id from their own text ('p-' + a hash) and a ¶ link, so a newsletter can
 *   point at the passage it quotes and an edit to one paragraph moves no other's id;
 * - root-relative links written by editors ('/labs/deepseek/') gain the deploy base;
 * - external links open safely: rel="noopener noreferrer" (global.css marks them as outside sources);
 * - tables and code blocks sit in a box that scrolls sideways on its own, focusable and labelled so
 *   keyboard readers can scroll it too (WCAG 2.1.1), instead of widening the page on a phone.
 */
import { createHash } from 'node:crypto';
import { defineHastPlugin } from 'satteri';
import GithubSlugger from 'github-slugger';
import { contentHref } from '../lib/urls.ts';

/** A paragraph's text reduced to what a reader reads: case, spacing and Unicode form do not change its id. */
export const normaliseParagraph = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The id of a paragraph: 'p-' and 8 hex digits of the SHA-256 of its normalised text. `seen` counts ids
 * already given in this document: a repeated paragraph (or a hash collision) gets '-2', '-3'…
 */
export function paragraphId(text: string, seen: Map<string, number>): string {
  const id = `p-${createHash('sha256').update(normaliseParagraph(text)).digest('hex').slice(0, 8)}`;
  const n = (seen.get(id) ?? 0) + 1;
  seen.set(id, n);
  return n === 1 ? id : `${id}-${n}`;
}

export function linksAndAnchors(base: string) {
  return () => {
    const slugger = new GithubSlugger();
    const paragraphs = new Map<string, number>();
    const boxes = { table: 0, pre: 0 };
    return defineHastPlugin({
      name: 'frontier-commons:links-and-anchors',
      element: {
        filter: ['h2', 'h3', 'h4', 'a', 'p', 'table', 'pre'],
        visit(node, ctx) {
          if (node.tagName === 'p') {
            // List items (footnotes among them) are not quoted passages; an empty paragraph has nothing to link to.
            const parent = ctx.parent(node);
            const text = ctx.textContent(node);
            if ((parent?.type === 'element' && parent.tagName === 'li') || !text.trim()) return;
            const existing = node.properties?.id;
            const id = typeof existing === 'string' && existing ? existing : paragraphId(text, paragraphs);
            if (id !== existing) ctx.setProperty(node, 'id', id);
            ctx.appendChild(node, {
              type: 'element',
              tagName: 'a',
              properties: { href: `#${id}`, className: ['para-link'], ariaLabel: 'Link to this paragraph' },
              children: [],
            });
            return;
          }
          if (node.tagName === 'table' || node.tagName === 'pre') {
            const n = ++boxes[node.tagName];
            const ariaLabel = `${node.tagName === 'table' ? 'Table' : 'Code'} ${n}`;
            ctx.wrapNode(node, { type: 'element', tagName: 'section', properties: { className: ['scroller'], tabIndex: 0, ariaLabel }, children: [] });
            return;
          }
          if (node.tagName === 'a') {
            const href = node.properties?.href;
            if (typeof href !== 'string') return;
            if (/^https?:\/\//i.test(href)) ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
            else if (href.startsWith('/')) ctx.setProperty(node, 'href', contentHref(href, base));
            return;
          }
          const existing = node.properties?.id;
          const id = typeof existing === 'string' && existing ? existing : slugger.slug(ctx.textContent(node));
          if (id !== existing) ctx.setProperty(node, 'id', id);
          ctx.appendChild(node, {
            type: 'element',
            tagName: 'a',
            properties: { href: `#${id}`, className: ['anchor'], ariaLabel: 'Permalink' },
            children: [],
          });
        },
      },
    });
  };
}
