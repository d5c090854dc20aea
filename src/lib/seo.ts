/** schema.org data for link previews and search engines. Serialise with jsonForScript. */
import { toUtcDate } from './dates.ts';
import { absolute, paths } from './urls.ts';

export interface ArticleSeo {
  title: string;
  dek: string;
  published: string;
  updated?: string | undefined;
  /** The byline: a name with an id has an author page. */
  authors: { id?: string | undefined; name: string; type: 'person' | 'team' }[];
  path: string;
  image: string;
  site: URL | string;
  publisher: string;
}

export function articleJsonLd(a: ArticleSeo): Record<string, unknown> {
  const url = absolute(a.path, a.site);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: toUtcDate(a.published).toISOString(),
    dateModified: toUtcDate(a.updated ?? a.published).toISOString(),
    author: a.authors.map((n) => ({
      '@type': n.type === 'person' ? 'Person' : 'Organization',
      name: n.name,
      ...(n.id ? { url: absolute(paths.author(n.id), a.site) } : {}),
    })),
    publisher: { '@type': 'Organization', name: a.publisher },
    image: [absolute(a.image, a.site)],
    mainEntityOfPage: url,
  };
}
