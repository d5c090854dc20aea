// The site's feeds: /rss.xml, /atom.xml, /feed.json.
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../feeds.ts';
import { feedFormats, type FeedFormat } from '../lib/feeds.ts';

export const getStaticPaths = (() => feedFormats.map((feed) => ({ params: { feed } }))) satisfies GetStaticPaths;
export const GET: APIRoute = ({ params, site }) => feedResponse(params.feed as FeedFormat, site!);
