// Per-lab and per-topic feeds: /labs/<id>/rss.xml, /topics/<id>/atom.xml, …
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLabs, getTopics } from '../../../data.ts';
import { feedResponse } from '../../../feeds.ts';
import { feedFormats, type FeedFormat } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const [labs, topics] = await Promise.all([getLabs(), getTopics()]);
  const scopes = [...labs.map((l) => ({ scope: 'labs', id: l.id })), ...topics.map((t) => ({ scope: 'topics', id: t.id }))];
  return scopes.flatMap((s) => feedFormats.map((feed) => ({ params: { ...s, feed } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  feedResponse(params.feed as FeedFormat, site!, { facet: params.scope as 'labs' | 'topics', id: params.id! });
