// The stylesheet of the feeds' browser view: the site's own tokens and base styles, then the view's few rules. A file, as the CSP asks.
import type { APIRoute } from 'astro';
import tokens from '../styles/tokens.css?raw';
import global from '../styles/global.css?raw';
import components from '../styles/components.css?raw';
import feed from '../styles/feed.css?raw';

export const GET: APIRoute = () => new Response([tokens, global, components, feed].join('\n'), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
