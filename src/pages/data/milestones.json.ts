import type { APIRoute } from 'astro';
import { milestoneRows } from '../../data.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify({ generated: 'Frontier Commons timeline; fields documented in docs/data.md', milestones: await milestoneRows(site!) }, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
