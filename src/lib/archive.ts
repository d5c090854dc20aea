/** Archive grouping: pieces by publication year, newest year first. */
export function yearsOf<T extends { data: { published: string } }>(articles: T[]): { year: string; articles: T[] }[] {
  const byYear = new Map<string, T[]>();
  for (const a of articles) {
    const y = a.data.published.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), a]);
  }
  return [...byYear].sort(([a], [b]) => b.localeCompare(a)).map(([year, list]) => ({ year, articles: list }));
}

/** Splits a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}
