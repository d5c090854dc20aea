/**
 * One Sätteri hast plugin for what article HTML needs beyond Astro's defaults (Astro 7's Sätteri
 * pipeline ignores rehype plugins):
 * - h2–h4 get a stable id (Astro's own, or a GitHub-style slug) and a permalink anchor;
 * - root-relative links written by editors ('/labs/deepseek/') gain the deploy base;
 * - external links open safely: rel="noopener noreferrer".
 */
import { defineHastPlugin } from 'satteri';
import GithubSlugger from 'github-slugger';
import { contentHref } from '../lib/urls.ts';

export function linksAndAnchors(base: string) {
  return () => {
    const slugger = new GithubSlugger();
    return defineHastPlugin({
      name: 'frontier-commons:links-and-anchors',
      element: {
        filter: ['h2', 'h3', 'h4', 'a'],
        visit(node, ctx) {
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
