/**
 * The search page, on Pagefind's JS API (the Component UI alone is larger than our whole budget).
 * State lives in the URL (?q=…&lab=…), so searches can be linked and Back/Forward restore them.
 *
 * Pagefind's filter files (which pages have which type, lab, topic and year) are fetched only when
 * the reader opens the filters, or follows a link that names one: a query alone needs none of them.
 * They grow with the archive (BENCHMARKS.md has their weight at 5,000 articles).
 * Results come ten at a time; "Show more results" fetches the next ten.
 *
 * A query is searched in every spelling content/synonyms.yaml allows (a search per spelling, the
 * results merged by Pagefind's own score), and a query that finds little offers "Did you mean …?"
 * from the site's vocabulary (src/lib/search-words.js). The synonyms come with the page (a data
 * attribute of the form); the vocabulary (search-words.json, ~2.6 KB) and the code that uses it
 * are fetched only for a query with a word that none of its results contains, so a query spelt as
 * the site spells it never pays for them.
 */
import { forPagefind, mergeSpellings, unseenWords, variants } from '../lib/search-words.js';

interface PagefindResultData {
  url: string;
  content?: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface Found {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: Record<string, unknown>): Promise<Found | null>;
  debouncedSearch?: unknown;
}

const FACETS = ['type', 'lab', 'topic', 'year'] as const;
const PAGE = 10;
/** At most this many results, and "Did you mean …?" is offered for any better spelling (with more, only for a name). */
const FEW = 3;

/**
 * Pagefind's ranking, set for this site (README, "Search"): short model and event pages must not
 * beat the explainer on a topic, so the length of a page counts for little (pageLength, default
 * 0.75), how often it uses the words counts more than their share of it (termFrequency, default 1)
 * and a page that keeps using them keeps gaining (termSaturation, default 1.4). A match in a lab's,
 * person's or topic's own names (the `names` metadata, src/components/EntityHeader.astro) adds far
 * more than one in a title (Pagefind's default title weight, 5), so a lab comes first on its name.
 */
const RANKING = { pageLength: 0.1, termFrequency: 0.4, termSaturation: 2, metaWeights: { names: 30 } };

/** Keeps only text and <mark> from a Pagefind excerpt: nothing from the index is trusted as HTML. */
function excerptNodes(html: string): Node[] {
  const t = document.createElement('template');
  t.innerHTML = html;
  const out: Node[] = [];
  t.content.childNodes.forEach((n) => {
    if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      out.push(m);
    } else out.push(document.createTextNode(n.textContent ?? ''));
  });
  return out;
}

interface State {
  q: string;
  filters: Record<string, string[]>;
  sort: '' | 'date';
}

function readState(): State {
  const p = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const f of FACETS) {
    const v = p.getAll(f);
    if (v.length) filters[f] = v;
  }
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

/** Runs the search page and, however that ends, says when it is done (src/scripts/site.ts then registers the service worker). */
export async function startSearch(base: string) {
  let ready = false;
  try {
    ready = await runSearch(base);
  } finally {
    document.documentElement.dataset.searchReady = String(ready);
    document.dispatchEvent(new Event('searchready'));
  }
}

/** True once the first results (or the prompt to type) are shown; false when Pagefind could not load. */
async function runSearch(base: string): Promise<boolean> {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = document.querySelector<HTMLInputElement>('#q')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#results')!;
  const filterBox = document.querySelector<HTMLElement>('#filters')!;
  const help = document.querySelector<HTMLElement>('#empty-help')!;
  const sortBox = document.querySelector<HTMLSelectElement>('#sort')!;
  const panel = document.querySelector<HTMLDetailsElement>('#filter-panel')!;
  const filterNote = document.querySelector<HTMLElement>('#filter-note')!;
  const more = document.querySelector<HTMLButtonElement>('#more')!;
  const didYouMean = document.querySelector<HTMLElement>('#did-you-mean')!;

  // Show the linked query at once; whatever the reader types while Pagefind loads is kept.
  input.value = readState().q;
  status.textContent = 'Loading search…';
  let pagefind: Pagefind;
  const synonyms = JSON.parse(form.dataset.synonyms ?? '[]') as string[][];
  // Without the vocabulary, search still runs, without suggestions.
  let words: Promise<{ names: Set<string>; vocabulary: string[] } | undefined> | undefined;
  const vocabularyFile = () =>
    (words ??= fetch(`${base}search-words.json`)
      .then((r) => (r.ok ? (r.json() as Promise<{ names: string[]; words: string[] }>) : undefined))
      .then((w) => (w ? { names: new Set(w.names), vocabulary: [...w.names, ...w.words] } : undefined))
      .catch(() => {
        words = undefined;
        return undefined;
      }));
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24, highlightParam: 'pagefind-highlight', ranking: RANKING });
    await pagefind.init();
  } catch {
    status.textContent = 'Search could not load. Browse the archive or the timeline instead.';
    help.hidden = false;
    return false;
  }
  // Shown once search works: without it (no JavaScript, or Pagefind failed to load) it holds nothing.
  panel.hidden = false;
  let state: State = { ...readState(), q: input.value };
  let run = 0;
  /** Every facet's values and their counts over the whole site, once the filter files are loaded. */
  let allFilters: Record<string, Record<string, number>> | undefined;
  let loadingFilters: Promise<void> | undefined;
  /** The last query's results, and how many of them are shown. */
  let current: Found | undefined;
  let shown = 0;

  const chosen = () => Object.values(state.filters).reduce((n, v) => n + v.length, 0);
  /** Fetches the filter files (once) and opens the panel; until they are in, the panel says so. */
  function loadFilters(): Promise<void> {
    panel.open = true;
    if (!loadingFilters) {
      filterBox.textContent = 'Loading filters…';
      // Pagefind swallows a filter file that fails to arrive and answers with no values: every page
      // has a type, so no value at all is a failed load (offline, say), tried again the next time.
      loadingFilters = pagefind
        .filters()
        .then((f) => {
          if (!FACETS.some((facet) => Object.keys(f[facet] ?? {}).length)) throw new Error('no filter values');
          allFilters = f;
        })
        .catch((e: unknown) => {
          loadingFilters = undefined;
          throw e;
        });
    }
    return loadingFilters;
  }

  function renderFilters(counts: Record<string, Record<string, number>>) {
    const n = chosen();
    filterNote.textContent = n ? ` (${n} chosen)` : '';
    if (!allFilters) return;
    filterBox.replaceChildren();
    for (const facet of FACETS) {
      // A value the link names but the index lacks (a lab renamed since, say) is listed too, so that it can be unchecked.
      const values = [...new Set([...Object.keys(allFilters[facet] ?? {}), ...(state.filters[facet] ?? [])])].sort((a, b) =>
        facet === 'year' ? b.localeCompare(a) : a.localeCompare(b),
      );
      if (!values.length) continue;
      const fs = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = facet[0]!.toUpperCase() + facet.slice(1);
      fs.append(legend);
      for (const v of values) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = v;
        box.checked = (state.filters[facet] ?? []).includes(v);
        label.append(box, ` ${v} `);
        const n = document.createElement('span');
        n.className = 'meta';
        n.textContent = `(${counts[facet]?.[v] ?? 0})`;
        label.append(n);
        fs.append(label);
      }
      filterBox.append(fs);
    }
  }

  const failed = () =>
    navigator.onLine
      ? 'Search failed. Try again.'
      : // A large archive's index is fetched as searches need it (src/lib/precache.ts): offline, a
        // search that needs files this browser has not kept cannot finish.
        'You are offline, and this search needs parts of the index this browser has not saved. "Save the whole archive" on the Archive page keeps all of it.';
  // Said in the panel, which otherwise would still say "Loading filters…".
  const filtersFailed = () =>
    navigator.onLine ? 'Filters could not load. Close and open them to try again.' : 'You are offline, and the filters are not saved in this browser.';
  /**
   * The query in each of its spellings, merged (mergeSpellings). Sorted
   * by date, the lists cannot be merged (results carry no date until their data is fetched), so the
   * typed spelling is used, or the first other one that finds anything.
   */
  async function search(q: string): Promise<Found | null> {
    const opts = { filters: state.filters, sort: q && !state.sort ? undefined : { date: 'desc' } };
    if (!q) return pagefind.search(null, opts);
    const spellings = variants(q, synonyms).map(forPagefind);
    if (state.sort) {
      for (const v of spellings) {
        const f = await pagefind.search(v, opts);
        if (!f || f.results.length) return f;
      }
      return pagefind.search(spellings[0]!, opts);
    }
    const lists = await Promise.all(spellings.map((v) => pagefind.search(v, opts)));
    if (lists.some((f) => f === null)) return null;
    const found = lists as Found[];
    const widest = found.reduce((a, b) => (b.results.length > a.results.length ? b : a));
    return { ...widest, results: mergeSpellings(found.map((f) => f.results)) };
  }

  /** "Did you mean …?" under the status, for a word that no result shown contains and the vocabulary spells otherwise. */
  async function offerSuggestion(q: string, total: number, shownData: PagefindResultData[], mine: number) {
    const unseen = new Set(
      unseenWords(
        q,
        shownData.map((d) => `${d.meta.title ?? ''} ${d.content ?? ''}`),
      ),
    );
    if (!unseen.size) return;
    const [w, { suggest, worthOffering }] = await Promise.all([vocabularyFile(), import('../lib/search-suggest.js')]);
    if (!w || mine !== run) return;
    const better = suggest(q, w.vocabulary, (word) => unseen.has(word));
    didYouMean.replaceChildren();
    didYouMean.hidden = !worthOffering(q, better, total, FEW, w.names);
    if (!better || didYouMean.hidden) return;
    const a = document.createElement('a');
    const p = new URLSearchParams(location.search);
    p.set('q', better);
    a.href = `${location.pathname}?${p}`;
    a.textContent = better;
    didYouMean.append('Did you mean ', a, '?');
  }

  function showCount() {
    const total = current?.results.length ?? 0;
    status.textContent =
      total === 0 ? `No results for “${state.q.trim()}”.` : `${total} result${total === 1 ? '' : 's'}${total > shown ? `, showing the first ${shown}` : ''}.`;
    const left = total - shown;
    more.hidden = left <= 0;
    more.textContent = left > PAGE ? `Show ${PAGE} more results` : left === 1 ? 'Show the last result' : `Show the last ${left} results`;
  }

  async function render(push: boolean) {
    const mine = ++run;
    const q = state.q.trim();
    writeState(state, push);
    input.value = state.q;
    sortBox.value = state.sort;
    const hasFilters = chosen() > 0;
    // Busy from the moment the URL names this query until its results (or its failure) are shown:
    // screen readers then wait for the list, and anything watching the page knows the results are this query's.
    list.setAttribute('aria-busy', 'true');
    more.hidden = true;
    didYouMean.hidden = true;
    current = undefined;
    try {
      // A linked or restored filter shows checked, among the others with their counts.
      if (hasFilters) await loadFilters();
    } catch {
      if (mine !== run) return;
      list.setAttribute('aria-busy', 'false');
      status.textContent = failed();
      filterBox.textContent = filtersFailed();
      return;
    }
    if (mine !== run) return;
    if (!q && !hasFilters) {
      list.replaceChildren();
      renderFilters(allFilters ?? {});
      help.hidden = false;
      list.setAttribute('aria-busy', 'false');
      status.textContent = 'Type a word or a name, or choose a filter.';
      return;
    }
    let found: Found | null;
    let page: PagefindResultData[];
    try {
      found = await search(q);
      if (mine !== run) return;
      if (!found) {
        list.setAttribute('aria-busy', 'false');
        return;
      }
      page = await Promise.all(found.results.slice(0, PAGE).map((r) => r.data()));
    } catch {
      if (mine !== run) return;
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      status.textContent = failed();
      return;
    }
    if (mine !== run) return;
    current = found;
    shown = page.length;
    renderFilters(found.filters);
    list.replaceChildren(...page.map((d) => resultItem(d)));
    list.setAttribute('aria-busy', 'false');
    help.hidden = found.results.length > 0;
    showCount();
    if (q) void offerSuggestion(q, found.results.length, page, mine);
  }

  /** The next ten results, below the ones shown; focus moves to the first of them. */
  async function showMore() {
    const mine = run;
    const from = current;
    if (!from) return;
    list.setAttribute('aria-busy', 'true');
    more.disabled = true;
    try {
      const next = await Promise.all(from.results.slice(shown, shown + PAGE).map((r) => r.data()));
      if (mine !== run) return;
      const items = next.map((d) => resultItem(d));
      list.append(...items);
      shown += next.length;
      items[0]?.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
      showCount();
    } catch {
      if (mine !== run) return;
      status.textContent = failed();
    } finally {
      more.disabled = false;
      if (mine === run) list.setAttribute('aria-busy', 'false');
    }
  }

  /** Once the filter files are in: the counts for the query shown, or for the whole site. */
  async function showFilters() {
    const mine = run;
    try {
      await loadFilters();
      const q = state.q.trim();
      const counts = q || chosen() ? (await search(q))?.filters : allFilters;
      if (mine === run && counts) renderFilters(counts);
    } catch {
      if (mine === run) filterBox.textContent = filtersFailed();
    }
  }

  function resultItem(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const kind = document.createElement('p');
    kind.className = 'kicker';
    kind.textContent = [d.filters.type?.[0], d.filters.lab?.join(', '), d.meta.date].filter(Boolean).join(' · ');
    const h = document.createElement('h2');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    a.className = 'result-link';
    h.append(a);
    // An entity's result says what it is (its summary's first sentence, src/components/EntityHeader.astro), not the words around the match.
    const p = document.createElement('p');
    if (d.meta.summary) p.textContent = d.meta.summary;
    else p.append(...excerptNodes(d.excerpt));
    li.append(kind, h, p);
    for (const s of (d.sub_results ?? []).filter((s) => s.url.includes('#')).slice(0, 2)) {
      const sub = document.createElement('p');
      sub.className = 'sub';
      const sa = document.createElement('a');
      sa.href = s.url;
      sa.textContent = s.title;
      sa.className = 'result-link';
      sub.append('↳ ', sa);
      li.append(sub);
    }
    return li;
  }

  // Opened by the reader (the page opens it itself for a linked filter, and loads them then).
  panel.addEventListener('toggle', () => {
    if (panel.open && !loadingFilters) void showFilters();
  });
  more.addEventListener('click', () => {
    void showMore();
  });
  // The suggestion is a link to its search (it works opened in a new tab too); followed here, it runs in place.
  didYouMean.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    state = { ...state, q: a.textContent ?? '' };
    void render(true);
    input.focus();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state = { ...state, q: input.value };
    void render(true);
  });
  sortBox.addEventListener('change', () => {
    state = { ...state, q: input.value, sort: sortBox.value === 'date' ? 'date' : '' };
    void render(true);
  });
  let timer: number | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      state = { ...state, q: input.value };
      void render(false);
    }, 150);
  });
  filterBox.addEventListener('change', () => {
    const filters: Record<string, string[]> = {};
    filterBox.querySelectorAll<HTMLInputElement>('input:checked').forEach((b) => {
      (filters[b.name] ??= []).push(b.value);
    });
    state = { ...state, q: input.value, filters };
    void render(true);
  });
  window.addEventListener('popstate', () => {
    state = readState();
    void render(false);
  });
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
  return true;
}
