// On every page, and kept tiny (article pages allow nothing else): offline support, the "/" search
// shortcut, and highlighting of search terms when arriving from a result.
const base = import.meta.env.BASE_URL;
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
  // A first visit precaches a few hundred files, which would slow the page's own work on a phone's CPU: so after load,
  // or on the search page, which works after load, once the frame with its first results is painted (src/scripts/search.ts).
  const searching = document.getElementById('search-form') && !document.documentElement.dataset.searchReady;
  if (searching) document.addEventListener('searchready', () => requestAnimationFrame(() => setTimeout(register)), { once: true });
  else if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement;
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
  const box = document.querySelector<HTMLInputElement>('#q, #site-search');
  if (box) {
    e.preventDefault();
    box.focus();
  }
});
if (location.search.includes('pagefind-highlight=')) {
  // A script element, not import(): a dynamic import would pull Vite's preload helper into every page.
  const s = document.createElement('script');
  s.type = 'module';
  s.src = `${base}highlight.js`;
  document.head.append(s);
}
// The contents sit folded above the piece on phones and open in the side column on wide screens.
const toc = document.querySelector<HTMLDetailsElement>('details.toc');
if (toc && matchMedia('(min-width: 64rem)').matches) toc.open = true;
