import type { APIRoute } from 'astro';
import { modelRows } from '../../data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify({ generated: 'Frontier Commons models; fields documented in docs/data.md', models: await modelRows(site!) }, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
