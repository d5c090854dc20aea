import type { APIRoute } from 'astro';
import { milestoneRows } from '../../data.ts';
import { toCsv } from '../../lib/export-data.ts';

const columns = [
  'id',
  'date',
  'precision',
  'lab',
  'lab_name',
  'kind',
  'access',
  'title',
  'summary',
  'contested',
  'contested_note',
  'models',
  'url',
  'sources',
  'articles',
];
export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv((await milestoneRows(site!)) as unknown as Record<string, unknown>[], columns), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
