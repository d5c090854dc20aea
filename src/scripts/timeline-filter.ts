/**
 * Enhances the full timeline: filter links narrow the list in place (no reload), combine across
 * facets, and keep their state in the URL (?lab=deepseek&kind=model-release). Without JavaScript
 * the same links lead to real filtered pages.
 */
const FACETS = ['lab', 'kind', 'access', 'year'] as const;

export function enhanceTimeline() {
  const nav = document.querySelector<HTMLElement>('nav.filters');
  if (!nav) return;
  // data-f holds "lab kind access year" (kept in one attribute to save bytes on a long page).
  // The list items and the visual timeline's dots (SVG links) carry the same data-f, and hide together.
  const items = [...document.querySelectorAll<HTMLElement | SVGElement>('li.ms, a.ln-mark[data-f]')].map((li) => {
    const [lab, kind, access, year] = (li.dataset.f ?? '').split(' ');
    return { li, values: { lab, kind, access, year } as Record<(typeof FACETS)[number], string | undefined> };
  });
  const years = [...document.querySelectorAll<HTMLElement>('section.year')];
  const count = document.querySelector<HTMLElement>('#timeline-count');

  function apply() {
    const params = new URLSearchParams(location.search);
    let shown = 0;
    for (const { li, values } of items) {
      const ok = FACETS.every((f) => !params.has(f) || params.get(f) === values[f]);
      li.toggleAttribute('hidden', !ok);
      if (ok && li instanceof HTMLLIElement) shown++;
    }
    for (const y of years) y.hidden = !y.querySelector('li.ms:not([hidden])');
    nav!.querySelectorAll<HTMLAnchorElement>('a[data-facet]').forEach((a) => {
      if (params.get(a.dataset.facet!) === a.dataset.value) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    const clear = nav!.querySelector('a[data-clear]');
    if (FACETS.some((f) => params.has(f))) clear?.removeAttribute('aria-current');
    else clear?.setAttribute('aria-current', 'page');
    if (count) count.textContent = `${shown} event${shown === 1 ? '' : 's'}`;
  }

  nav.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-facet], a[data-clear]');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const params = new URLSearchParams(location.search);
    if (a.hasAttribute('data-clear')) FACETS.forEach((f) => params.delete(f));
    else if (params.get(a.dataset.facet!) === a.dataset.value) params.delete(a.dataset.facet!);
    else params.set(a.dataset.facet!, a.dataset.value!);
    history.pushState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    apply();
  });
  window.addEventListener('popstate', apply);
  apply();
}
