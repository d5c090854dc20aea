// Every page's preview image, named after the page: /og/home.png, /og/labs/<id>.png, … (data.ts, ogCards).
// In the build, the files are written after Astro from /build-files.json (src/integrations/
// generated-files.ts), so this route has no paths there. In dev, it serves each image, drawn on request.
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogCards } from '../../data.ts';
import type { Card } from '../../lib/og-card.ts';
import { renderCard } from '../../lib/og-image.ts';
import { ogCacheDir } from '../../site.ts';

export const getStaticPaths = (async () =>
  import.meta.env.DEV ? (await ogCards()).map(({ key, card }) => ({ params: { key }, props: { card } })) : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await renderCard((props as { card: Card }).card, ogCacheDir)), { headers: { 'Content-Type': 'image/png' } });
