// The corrections feeds: /corrections/rss.xml, /corrections/atom.xml, /corrections/feed.json.
import type { APIRoute, GetStaticPaths } from 'astro';
import { correctionsFeedResponse } from '../../feeds.ts';
import { feedFormats, type FeedFormat } from '../../lib/feeds.ts';

export const getStaticPaths = (() => feedFormats.map((feed) => ({ params: { feed } }))) satisfies GetStaticPaths;
export const GET: APIRoute = ({ params, site }) => correctionsFeedResponse(params.feed as FeedFormat, site!);
