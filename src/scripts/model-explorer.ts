/**
 * Enhances /models/: the sort and filter links reorder and narrow the table in place (no reload),
 * filters combine across facets, and the state lives in the URL (?sort=params&licence=mit) so it
 * can be shared and survives reload and Back. Without JavaScript the same links lead to real pages.
 */
const FACETS = ['licence', 'weights'] as const;
const SORTS = ['released', 'params', 'active', 'context', 'name'] as const;
type Sort = (typeof SORTS)[number];

export function enhanceExplorer() {
  const nav = document.querySelector<HTMLElement>('nav.ex-controls');
  const tbody = document.querySelector<HTMLTableSectionElement>('table.ex-table tbody');
  if (!nav || !tbody) return;
  const rows = [...tbody.rows];
  const count = document.querySelector<HTMLElement>('#models-count');
  const caption = document.querySelector<HTMLElement>('table.ex-table caption');
  const marks = [...document.querySelectorAll<SVGElement>('a.sz-mark')];
  const sortLabel = (s: Sort) => nav.querySelector<HTMLElement>(`a[data-sort="${s}"]`)?.textContent?.trim().toLowerCase() ?? s;

  const key = (r: HTMLTableRowElement, s: Sort): string | number | undefined => {
    const v = r.dataset[s];
    if (!v) return undefined;
    return s === 'name' || s === 'released' ? v : Number(v);
  };

  function apply() {
    const params = new URLSearchParams(location.search);
    const s = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as Sort) : 'released';
    const sorted = [...rows].sort((a, b) => {
      if (s === 'name') return a.dataset.name!.localeCompare(b.dataset.name!, 'en');
      const x = key(a, s);
      const y = key(b, s);
      if (x === undefined || y === undefined) return x === y ? a.dataset.name!.localeCompare(b.dataset.name!, 'en') : x === undefined ? 1 : -1;
      return (x < y ? 1 : x > y ? -1 : 0) || a.dataset.name!.localeCompare(b.dataset.name!, 'en');
    });
    tbody!.append(...sorted);
    let shown = 0;
    for (const r of rows) {
      const ok = FACETS.every((f) => !params.has(f) || params.get(f) === r.dataset[f]);
      r.hidden = !ok;
      if (ok) shown++;
    }
    // The size chart's dots follow the filter: a dot links to the same page as its row.
    for (const m of marks) m.toggleAttribute('hidden', !!rows.find((r) => r.querySelector('a')?.getAttribute('href') === m.getAttribute('href'))?.hidden);
    nav!
      .querySelectorAll<HTMLAnchorElement>('a[data-sort]')
      .forEach((a) => (a.dataset.sort === s ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current')));
    nav!
      .querySelectorAll<HTMLAnchorElement>('a[data-facet]')
      .forEach((a) => (params.get(a.dataset.facet!) === a.dataset.value ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current')));
    document.querySelectorAll<HTMLElement>('table.ex-table thead th').forEach((th) => {
      if (th.dataset.col === s) th.setAttribute('aria-sort', s === 'name' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    if (count) count.textContent = `${shown} model${shown === 1 ? '' : 's'}`;
    if (caption)
      caption.textContent = `Models, ${sortLabel(s)}${FACETS.filter((f) => params.has(f))
        .map((f) => `, ${f}: ${params.get(f)}`)
        .join('')}`;
  }

  nav.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-sort], a[data-facet], a[data-clear]');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const params = new URLSearchParams(location.search);
    if (a.hasAttribute('data-clear')) {
      FACETS.forEach((f) => params.delete(f));
      params.delete('sort');
    } else if (a.dataset.sort) {
      if (a.dataset.sort === 'released') params.delete('sort');
      else params.set('sort', a.dataset.sort);
    } else if (params.get(a.dataset.facet!) === a.dataset.value) params.delete(a.dataset.facet!);
    else params.set(a.dataset.facet!, a.dataset.value!);
    history.pushState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    apply();
  });
  window.addEventListener('popstate', apply);
  apply();
}
