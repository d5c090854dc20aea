/**
 * The order of pieces everywhere they are listed (front page, archive, feeds): newest day first;
 * within one day, the editor's `order` (1 leads the day), then pieces without one, by title.
 * `published` is a day, not a time, so `order` is how an editor ranks a day's pieces.
 */
export interface Orderable {
  published: string;
  order?: number | undefined;
  title: string;
}

export function editorsOrder(a: Orderable, b: Orderable): number {
  if (a.published !== b.published) return b.published < a.published ? -1 : 1;
  const ra = a.order ?? Number.POSITIVE_INFINITY;
  const rb = b.order ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.title.localeCompare(b.title);
}
