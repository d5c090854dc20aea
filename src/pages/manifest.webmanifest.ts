import type { APIRoute } from 'astro';
import { site } from '../site.ts';
import { withBase } from '../lib/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        name: site.title,
        short_name: 'Frontier',
        description: site.description,
        lang: site.lang,
        start_url: withBase('/'),
        scope: withBase('/'),
        display: 'standalone',
        background_color: '#fdfcfa',
        theme_color: '#0b5cad',
        icons: [{ src: withBase('/favicon.svg'), sizes: 'any', type: 'image/svg+xml' }],
      },
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
