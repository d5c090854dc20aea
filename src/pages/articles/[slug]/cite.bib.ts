// /articles/<slug>/cite.bib: the piece's BibTeX entry, linked from its "Cite this" box.
// The build writes these files after Astro, from /build-files.json (src/integrations/generated-files.ts);
// this route serves them in dev only.
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationFile, getArticles, type ArticleEntry } from '../../../data.ts';

export const getStaticPaths = (async () =>
  import.meta.env.DEV ? (await getArticles()).map((article) => ({ params: { slug: article.id }, props: { article } })) : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(citationFile((props as { article: ArticleEntry }).article, site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
