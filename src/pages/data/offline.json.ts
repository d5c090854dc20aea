// Every page a reader can save for offline reading (base applied), for the "save the archive" control.
import type { APIRoute } from 'astro';
import { offlinePages } from '../../data.ts';
import { withBase } from '../../lib/urls.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify({ pages: (await offlinePages()).map((p) => withBase(p)) }), { headers: { 'Content-Type': 'application/json' } });
