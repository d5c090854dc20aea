import type { APIRoute } from 'astro';
import { absolute, paths, withBase } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: ${withBase(paths.search())}\n\nSitemap: ${absolute(paths.sitemap(), site!)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
