// Every feed: /rss.xml, /labs/<id>/atom.xml, /topics/<id>/feed.json, /timeline/rss.xml, /timeline/lab/<id>/rss.xml … (src/feeds.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAll } from '../data.ts';
import { feedResponse, feedScopes, type FeedScope } from '../feeds.ts';
import { feedFormats, type FeedFormat } from '../lib/feeds.ts';

export const getStaticPaths = (async () =>
  feedScopes(await getAll()).flatMap((scope) =>
    feedFormats.map((format) => ({ params: { feed: scope.file(format).slice(1) }, props: { scope, format } })),
  )) satisfies GetStaticPaths;
export const GET: APIRoute = ({ props, site }) => feedResponse(props.scope as FeedScope, props.format as FeedFormat, site!);
