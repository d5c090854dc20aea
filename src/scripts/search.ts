/**
 * The search page, on Pagefind's JS API (the Component UI alone is larger than our whole budget).
 * State lives in the URL (?q=…&lab=…), so searches can be linked and Back/Forward restore them.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: Record<string, unknown>): Promise<{ results: { data(): Promise<PagefindResultData> }[]; filters: Record<string, Record<string, number>>; unfilteredResultCount: number } | null>;
  debouncedSearch?: unknown;
}

const FACETS = ['type', 'lab', 'topic', 'year'] as const;
const PAGE = 10;

/** Keeps only text and <mark> from a Pagefind excerpt: nothing from the index is trusted as HTML. */
function excerptNodes(html: string): Node[] {
  const t = document.createElement('template');
  t.innerHTML = html;
  const out: Node[] = [];
  t.content.childNodes.forEach((n) => {
    if (n.nodeName === 'MARK') { const m = document.createElement('mark'); m.textContent = n.textContent; out.push(m); }
    else out.push(document.createTextNode(n.textContent ?? ''));
  });
  return out;
}

interface State { q: string; filters: Record<string, string[]>; sort: '' | 'date' }

function readState(): State {
  const p = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const f of FACETS) { const v = p.getAll(f); if (v.length) filters[f] = v; }
  return { q: (p.get('q') ?? '').slice(0, 500), filters, sort: p.get('sort') === 'date' ? 'date' : '' };
}

function writeState({ q, filters, sort }: State, push: boolean) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  for (const f of FACETS) for (const v of filters[f] ?? []) p.append(f, v);
  if (sort) p.set('sort', sort);
  const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

export async function startSearch(base: string) {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = document.querySelector<HTMLInputElement>('#q')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#results')!;
  const filterBox = document.querySelector<HTMLElement>('#filters')!;
  const help = document.querySelector<HTMLElement>('#empty-help')!;
  const sortBox = document.querySelector<HTMLSelectElement>('#sort')!;

  // Show the linked query at once; whatever the reader types while Pagefind loads is kept.
  input.value = readState().q;
  status.textContent = 'Loading search…';
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24, highlightParam: 'pagefind-highlight' });
    await pagefind.init();
  } catch {
    status.textContent = 'Search could not load. Browse the archive or the timeline instead.';
    help.hidden = false;
    return;
  }
  const allFilters = await pagefind.filters();
  let state: State = { ...readState(), q: input.value };
  let run = 0;

  function renderFilters(counts: Record<string, Record<string, number>>) {
    filterBox.replaceChildren();
    for (const facet of FACETS) {
      const values = Object.keys(allFilters[facet] ?? {}).sort((a, b) => (facet === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      if (!values.length) continue;
      const fs = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = facet[0]!.toUpperCase() + facet.slice(1);
      fs.append(legend);
      for (const v of values) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox'; box.name = facet; box.value = v;
        box.checked = (state.filters[facet] ?? []).includes(v);
        label.append(box, ` ${v} `);
        const n = document.createElement('span'); n.className = 'meta';
        n.textContent = `(${counts[facet]?.[v] ?? 0})`;
        label.append(n);
        fs.append(label);
      }
      filterBox.append(fs);
    }
  }

  async function render(push: boolean) {
    const mine = ++run;
    const q = state.q.trim();
    writeState(state, push);
    input.value = state.q;
    sortBox.value = state.sort;
    const hasFilters = Object.keys(state.filters).length > 0;
    // Busy from the moment the URL names this query until its results (or its failure) are shown:
    // screen readers then wait for the list, and anything watching the page knows the results are this query's.
    list.setAttribute('aria-busy', 'true');
    if (!q && !hasFilters) {
      list.replaceChildren(); renderFilters(allFilters); help.hidden = false; list.setAttribute('aria-busy', 'false');
      status.textContent = 'Type a word or a name, or pick a filter.';
      return;
    }
    let search: NonNullable<Awaited<ReturnType<Pagefind['search']>>>;
    let page: PagefindResultData[];
    try {
      const found = await pagefind.search(q || null, { filters: state.filters, sort: q && !state.sort ? undefined : { date: 'desc' } });
      if (mine !== run) return;
      if (!found) { list.setAttribute('aria-busy', 'false'); return; }
      search = found;
      page = await Promise.all(search.results.slice(0, PAGE).map((r) => r.data()));
    } catch {
      // A large archive's index is fetched as searches need it (src/lib/precache.ts): offline, a
      // search that needs files this browser has not kept cannot finish.
      if (mine !== run) return;
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      status.textContent = navigator.onLine ? 'Search failed. Try again.'
        : 'You are offline, and this search needs parts of the index this browser has not saved. "Save the whole archive" on the Archive page keeps all of it.';
      return;
    }
    if (mine !== run) return;
    renderFilters(search.filters);
    list.replaceChildren(...page.map((d) => resultItem(d)));
    list.setAttribute('aria-busy', 'false');
    help.hidden = search.results.length > 0;
    status.textContent = search.results.length === 0 ? `No results for “${q}”.`
      : `${search.results.length} result${search.results.length === 1 ? '' : 's'}${search.results.length > PAGE ? `, showing the first ${PAGE}` : ''}.`;
  }

  function resultItem(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const kind = document.createElement('p'); kind.className = 'kicker';
    kind.textContent = [d.filters.type?.[0], d.filters.lab?.join(', '), d.meta.date].filter(Boolean).join(' · ');
    const h = document.createElement('h2');
    const a = document.createElement('a'); a.href = d.url; a.textContent = d.meta.title ?? d.url; a.className = 'result-link';
    h.append(a);
    const p = document.createElement('p'); p.append(...excerptNodes(d.excerpt));
    li.append(kind, h, p);
    for (const s of (d.sub_results ?? []).filter((s) => s.url.includes('#')).slice(0, 2)) {
      const sub = document.createElement('p'); sub.className = 'sub';
      const sa = document.createElement('a'); sa.href = s.url; sa.textContent = s.title; sa.className = 'result-link';
      sub.append('↳ ', sa);
      li.append(sub);
    }
    return li;
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); state = { ...state, q: input.value }; void render(true); });
  sortBox.addEventListener('change', () => { state = { ...state, q: input.value, sort: sortBox.value === 'date' ? 'date' : '' }; void render(true); });
  let timer: number | undefined;
  input.addEventListener('input', () => { clearTimeout(timer); timer = window.setTimeout(() => { state = { ...state, q: input.value }; void render(false); }, 150); });
  filterBox.addEventListener('change', () => {
    const filters: Record<string, string[]> = {};
    filterBox.querySelectorAll<HTMLInputElement>('input:checked').forEach((b) => { (filters[b.name] ??= []).push(b.value); });
    state = { ...state, q: input.value, filters };
    void render(true);
  });
  window.addEventListener('popstate', () => { state = readState(); void render(false); });
  // Arrow keys move between results; Enter follows the focused link natively.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
    if (!links.length) return;
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i === -1 && document.activeElement !== input) return;
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? Math.min(i + 1, links.length - 1) : i - 1;
    (next < 0 ? input : links[next]!).focus();
  });
  await render(false);
  if (!state.q) input.focus();
  document.documentElement.dataset.searchReady = 'true';
}
