// /articles/<slug>/cite.bib: the piece's BibTeX entry, linked from its "Cite this" box.
// The build writes these files after Astro, from /build-files.json (src/integrations/generated-files.ts);
// this route serves them in dev only.
import type { APIRoute, GetStaticPaths } from 'astro';
import { bylineFor, citationFile, getArticles, getAuthors, type ArticleEntry } from '../../../data.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const authors = await getAuthors();
  return (await getArticles()).map((article) => ({ params: { slug: article.id }, props: { article, byline: bylineFor(article, authors) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(citationFile((props as { article: ArticleEntry }).article, site!, (props as { byline: ReturnType<typeof bylineFor> }).byline), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
