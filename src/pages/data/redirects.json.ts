// Redirects from article aliases, for the build's host files (_redirects, nginx) and for reuse.
import type { APIRoute } from 'astro';
import { getRedirects } from '../../data.ts';
import { withBase } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const redirects = (await getRedirects()).map((r) => ({ from: withBase(r.from), to: withBase(r.to) }));
  return new Response(JSON.stringify(redirects, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
