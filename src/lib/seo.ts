/** schema.org data for link previews and search engines. Serialise with jsonForScript. */
import { toUtcDate } from './dates.ts';
import { absolute } from './urls.ts';

export interface ArticleSeo {
  title: string; dek: string; published: string; updated?: string | undefined; author: string;
  path: string; image: string; site: URL | string; publisher: string;
}

export function articleJsonLd(a: ArticleSeo): Record<string, unknown> {
  const url = absolute(a.path, a.site);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: toUtcDate(a.published).toISOString(),
    dateModified: toUtcDate(a.updated ?? a.published).toISOString(),
    author: [{ '@type': 'Organization', name: a.author }],
    publisher: { '@type': 'Organization', name: a.publisher },
    image: [absolute(a.image, a.site)],
    mainEntityOfPage: url,
  };
}
