// /articles/<slug>/cite.bib: the piece's BibTeX entry, linked from its "Cite this" box.
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationFor, getArticles, type ArticleEntry } from '../../../data.ts';
import { bibtex } from '../../../lib/cite.ts';
import { today } from '../../../lib/dates.ts';
import { cacheKey } from '../../../lib/cache-key.ts';

export const getStaticPaths = (async () => (await getArticles()).map((article) => ({
  params: { slug: article.id }, props: { article }, cacheKey: cacheKey(article.id, article.data, today()),
}))) satisfies GetStaticPaths;
export const GET: APIRoute = ({ props, site }) =>
  new Response(bibtex(citationFor((props as { article: ArticleEntry }).article, site!), today()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
