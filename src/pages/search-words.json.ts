// The synonym list and the site's vocabulary, read by the search page and the archive's search.
import type { APIRoute } from 'astro';
import { searchWords } from '../data.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await searchWords()), { headers: { 'Content-Type': 'application/json' } });
