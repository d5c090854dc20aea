// Preview images for articles, timeline events and labs: /og/articles/<slug>.png, …
// Drawing starts in worker threads as soon as the paths are known (src/previews.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogCards } from '../../data.ts';
import { cardHash, type Card } from '../../lib/og-image.ts';
import { prefetchPreviews, preview } from '../../previews.ts';

export const getStaticPaths = (async () => {
  const cards = await ogCards();
  prefetchPreviews(cards.map((c) => c.card));
  // The card's hash is its cache key: an unchanged card is copied from the last build, not drawn or read.
  return cards.map(({ key, card }) => ({ params: { key }, props: { card }, cacheKey: cardHash(card) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await preview((props as { card: Card }).card)), { headers: { 'Content-Type': 'image/png' } });
