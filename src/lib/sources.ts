/**
 * Timeline events list their sources as bare URLs. Where one of our pieces cites the same page,
 * it gave it a title: an event page shows that title (with its publisher) instead of the address.
 */
export interface Source { url: string; title?: string | undefined; publisher?: string | undefined }

const key = (url: string) => url.replace(/^http:/, 'https:').replace(/\/+$/, '');

/** Each URL with the title a piece gave it, when one did (the first piece's, in the order given). */
export function titledSources(urls: string[], cited: Source[]): Source[] {
  const known = new Map<string, Source>();
  for (const s of cited) if (s.title && !known.has(key(s.url))) known.set(key(s.url), s);
  return urls.map((url) => {
    const s = known.get(key(url));
    return s ? { url, title: s.title, publisher: s.publisher } : { url };
  });
}
