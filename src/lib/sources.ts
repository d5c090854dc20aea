/**
 * Timeline events list their sources as bare URLs. Where one of our pieces cites the same page,
 * it gave it a title: an event page shows that title (with its publisher) instead of the address.
 */
export interface Source {
  url: string;
  title?: string;
  publisher?: string | undefined;
}
interface Cited {
  url: string;
  title?: string | undefined;
  publisher?: string | undefined;
}

const key = (url: string) => url.replace(/^http:/, 'https:').replace(/\/+$/, '');

/** Each URL with the title a piece gave it, when one did (the first piece's, in the order given). */
export function titledSources(urls: string[], cited: Cited[]): Source[] {
  const known = new Map<string, { title: string; publisher?: string | undefined }>();
  for (const s of cited) if (s.title && !known.has(key(s.url))) known.set(key(s.url), { title: s.title, publisher: s.publisher });
  return urls.map((url) => ({ url, ...known.get(key(url)) }));
}
