/** Bylines: who a piece is credited to, as names and links. */
export interface AuthorLike {
  id: string;
  name: string;
  type: 'person' | 'team';
}
/** One name in a byline; `id` is absent when the piece is credited to the publication itself. */
export interface BylineName {
  id?: string;
  name: string;
  type: 'person' | 'team';
}

/** The piece's authors in its order; with none named, the default author, or else the publication. */
export function bylineOf(ids: string[], authors: AuthorLike[], defaultId: string, publication: string): BylineName[] {
  const byId = new Map(authors.map((a) => [a.id, a]));
  const named = ids.map((id) => byId.get(id)).filter((a): a is AuthorLike => a !== undefined);
  if (named.length) return named.map(({ id, name, type }) => ({ id, name, type }));
  const fallback = byId.get(defaultId);
  return fallback ? [{ id: fallback.id, name: fallback.name, type: fallback.type }] : [{ name: publication, type: 'team' }];
}

/** "A", "A and B", "A, B and C": for feeds, citations and plain text. */
export function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
