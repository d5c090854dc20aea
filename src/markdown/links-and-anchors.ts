/**
 * One Sätteri hast plugin for what article HTML needs beyond Astro's defaults (Astro 7's Sätteri
 * pipeline ignores rehype plugins):
 * - h2–h4 get a stable id (Astro's own, or a GitHub-style slug) and a permalink anchor;
 * - root-relative links written by editors ('/labs/deepseek/') gain the deploy base;
 * - external links open safely: rel="noopener noreferrer" (global.css marks them as outside sources);
 * - tables and code blocks sit in a box that scrolls sideways on its own, focusable and labelled so
 *   keyboard readers can scroll it too (WCAG 2.1.1), instead of widening the page on a phone.
 */
import { defineHastPlugin } from 'satteri';
import GithubSlugger from 'github-slugger';
import { contentHref } from '../lib/urls.ts';

export function linksAndAnchors(base: string) {
  return () => {
    const slugger = new GithubSlugger();
    const boxes = { table: 0, pre: 0 };
    return defineHastPlugin({
      name: 'frontier-commons:links-and-anchors',
      element: {
        filter: ['h2', 'h3', 'h4', 'a', 'table', 'pre'],
        visit(node, ctx) {
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
            type: 'element', tagName: 'a',
            properties: { href: `#${id}`, className: ['anchor'], ariaLabel: 'Permalink' },
            children: [],
          });
        },
      },
    });
  };
}
