// Preview images for articles, timeline events and labs: /og/articles/<slug>.png, …
// Drawing starts in worker threads as soon as the paths are known (src/previews.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogCards } from '../../data.ts';
import { type Card } from '../../lib/og-image.ts';
import { prefetchPreviews, preview } from '../../previews.ts';

export const getStaticPaths = (async () => {
  const cards = await ogCards();
  prefetchPreviews(cards.map((c) => c.card));
  return cards.map(({ key, card }) => ({ params: { key }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await preview((props as { card: Card }).card)), { headers: { 'Content-Type': 'image/png' } });
