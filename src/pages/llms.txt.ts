// llms.txt: a plain map of the site for language-model tools, pointing at pages, feeds and data.
import type { APIRoute } from 'astro';
import { getArticles } from '../data.ts';
import { absolute, paths } from '../lib/urls.ts';
import { site as siteConfig } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const u = (p: string) => absolute(p, site!);
  const lines = [
    `# ${siteConfig.title}`,
    '',
    `> ${siteConfig.description}`,
    '',
    'Every factual claim links to its source; company claims are attributed; contested facts are marked.',
    '',
    '## Articles',
    ...(await getArticles()).map((a) => `- [${a.data.title}](${u(paths.article(a.id))}): ${a.data.dek}`),
    '',
    '## Data',
    `- [Timeline (JSON)](${u(paths.data('milestones.json'))})`,
    `- [Timeline (CSV)](${u(paths.data('milestones.csv'))})`,
    `- [Models (JSON)](${u(paths.data('models.json'))})`,
    '',
    '## Feeds',
    `- [RSS](${u(paths.rss())})`,
    `- [Atom](${u(paths.atom())})`,
    `- [JSON Feed](${u(paths.jsonFeed())})`,
    '',
  ];
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
