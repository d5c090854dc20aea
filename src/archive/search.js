/* Search for the archive opened from disk (file://): a classic script over window.FC_INDEX, because
   file:// pages cannot load modules, fetch files or run Pagefind's WebAssembly. Written for any
   browser of the last years; text goes into the page only through textContent. The build puts the
   site's synonyms and vocabulary (window.FC_WORDS) and the functions the site's search uses on them
   (window.FC_WORDS_LIB, src/lib/search-words.js) ahead of it: a query matches in any of its
   spellings, and one that finds little offers "Did you mean …?". */
(function () {
  'use strict';
  var index = window.FC_INDEX || [];
  var FACETS = ['type', 'lab', 'topic', 'year'];
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var list = document.getElementById('results');
  var status = document.getElementById('search-status');
  var filterBox = document.getElementById('filters');
  var help = document.getElementById('empty-help');
  var didYouMean = document.getElementById('did-you-mean');
  if (!form || !input || !list) return;
  var words = window.FC_WORDS || { synonyms: [], names: [], words: [] };
  var lib = window.FC_WORDS_LIB;
  var names = new Set(words.names);
  var vocabulary = words.names.concat(words.words);
  var FEW = 3;
  var norm = function (s) { return String(s || '').normalize('NFKC').toLowerCase(); };
  var docs = index.map(function (e) { return { e: e, t: norm(e.t), d: norm(e.d), x: e.x }; });

  function readState() {
    var p = new URLSearchParams(location.search);
    var filters = {};
    FACETS.forEach(function (f) { var v = p.getAll(f); if (v.length) filters[f] = v; });
    return { q: (p.get('q') || '').slice(0, 500), filters: filters };
  }
  function writeState(state) {
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    FACETS.forEach(function (f) { (state.filters[f] || []).forEach(function (v) { p.append(f, v); }); });
    try { history.replaceState(null, '', location.pathname + (String(p) ? '?' + p : '')); } catch (e) { /* some browsers refuse on file:// */ }
  }
  /** The best score of the query in any of its spellings, and the terms of that spelling (for the excerpt). */
  function best(doc, spellings) {
    var top = { s: 0, terms: spellings[0] };
    spellings.forEach(function (terms) { var s = matches(doc, terms); if (s > top.s) top = { s: s, terms: terms }; });
    return top;
  }
  function matches(doc, terms) {
    var score = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var inTitle = doc.t.indexOf(term) >= 0, inDek = doc.d.indexOf(term) >= 0, inText = doc.x.indexOf(term) >= 0;
      if (!inTitle && !inDek && !inText) return 0;
      score += (inTitle ? 10 : 0) + (inDek ? 3 : 0) + (inText ? 1 : 0);
    }
    return score;
  }
  function passes(entry, filters, skip) {
    return FACETS.every(function (f) {
      if (f === skip || !filters[f]) return true;
      return filters[f].some(function (v) { return (entry.f[f] || []).indexOf(v) >= 0; });
    });
  }
  function excerpt(doc, terms) {
    var text = doc.e.d;
    var plain = norm(text);
    var at = terms.length ? plain.indexOf(terms[0]) : -1;
    var p = document.createElement('p');
    if (at < 0) { p.textContent = text; return p; }
    p.appendChild(document.createTextNode(text.slice(0, at)));
    var m = document.createElement('mark'); m.textContent = text.slice(at, at + terms[0].length); p.appendChild(m);
    p.appendChild(document.createTextNode(text.slice(at + terms[0].length)));
    return p;
  }
  function renderFilters(hits, state) {
    filterBox.textContent = '';
    FACETS.forEach(function (facet) {
      var counts = {};
      index.forEach(function (e) { (e.f[facet] || []).forEach(function (v) { counts[v] = counts[v] || 0; }); });
      hits.forEach(function (h) { if (passes(h.e, state.filters, facet)) (h.e.f[facet] || []).forEach(function (v) { counts[v]++; }); });
      var values = Object.keys(counts).sort(facet === 'year' ? function (a, b) { return b.localeCompare(a); } : undefined);
      if (!values.length) return;
      var fs = document.createElement('fieldset');
      var legend = document.createElement('legend'); legend.textContent = facet.charAt(0).toUpperCase() + facet.slice(1); fs.appendChild(legend);
      values.forEach(function (v) {
        var label = document.createElement('label'), box = document.createElement('input'), n = document.createElement('span');
        box.type = 'checkbox'; box.name = facet; box.value = v; box.checked = (state.filters[facet] || []).indexOf(v) >= 0;
        n.className = 'meta'; n.textContent = '(' + counts[v] + ')';
        label.appendChild(box); label.appendChild(document.createTextNode(' ' + v + ' ')); label.appendChild(n);
        fs.appendChild(label);
      });
      filterBox.appendChild(fs);
    });
  }
  function render(state) {
    writeState(state);
    input.value = state.q;
    var terms = norm(state.q).split(/\s+/).filter(Boolean);
    var spellings = (lib ? lib.variants(state.q, words.synonyms) : [state.q]).map(function (v) { return norm(v).split(/\s+/).filter(Boolean); });
    if (didYouMean) didYouMean.hidden = true;
    var hasFilters = Object.keys(state.filters).length > 0;
    if (!terms.length && !hasFilters) {
      list.textContent = ''; renderFilters([], state); if (help) help.hidden = false;
      status.textContent = 'Type a word or a name, or pick a filter. This search works from disk.';
      return;
    }
    var hits = docs.map(function (d) { var b = terms.length ? best(d, spellings) : { s: 1, terms: terms }; return { e: d.e, doc: d, s: b.s, terms: b.terms }; })
      .filter(function (h) { return h.s > 0; });
    renderFilters(hits, state);
    var shown = hits.filter(function (h) { return passes(h.e, state.filters); })
      .sort(function (a, b) { return b.s - a.s || String(b.e.date).localeCompare(String(a.e.date)); });
    list.textContent = '';
    shown.slice(0, 50).forEach(function (h) {
      var li = document.createElement('li');
      var kicker = document.createElement('p'); kicker.className = 'kicker';
      kicker.textContent = [h.e.type, (h.e.f.lab || []).join(', '), h.e.date].filter(Boolean).join(' · ');
      var h2 = document.createElement('h2'), a = document.createElement('a');
      a.href = '../' + h.e.u; a.textContent = h.e.t; a.className = 'result-link'; h2.appendChild(a);
      li.appendChild(kicker); li.appendChild(h2); li.appendChild(excerpt(h.doc, h.terms));
      list.appendChild(li);
    });
    if (help) help.hidden = shown.length > 0;
    status.textContent = shown.length
      ? shown.length + ' result' + (shown.length === 1 ? '' : 's') + (shown.length > 50 ? ', showing the first 50' : '') + '.'
      : 'No results for “' + state.q + '”.';
    offer(state.q, shown.length);
  }
  /** "Did you mean …?", as on the site: a link to its search, followed in place. */
  function offer(q, total) {
    if (!didYouMean || !lib || !hasWords(q)) return;
    // Only a word no page of the archive contains may be misspelt.
    var better = lib.suggest(q, vocabulary, function (w) { return !docs.some(function (d) { return d.x.indexOf(w) >= 0 || d.t.indexOf(w) >= 0; }); });
    didYouMean.textContent = '';
    didYouMean.hidden = !lib.worthOffering(q, better, total, FEW, names);
    if (didYouMean.hidden) return;
    var a = document.createElement('a');
    a.href = '?q=' + encodeURIComponent(better);
    a.textContent = better;
    didYouMean.appendChild(document.createTextNode('Did you mean '));
    didYouMean.appendChild(a);
    didYouMean.appendChild(document.createTextNode('?'));
  }
  function hasWords(q) { return norm(q).trim().length > 0; }
  var state = readState();
  if (didYouMean) didYouMean.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a') : null;
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    state = { q: a.textContent, filters: state.filters };
    render(state);
    input.focus();
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); state = { q: input.value, filters: state.filters }; render(state); });
  input.addEventListener('input', function () { state = { q: input.value, filters: state.filters }; render(state); });
  filterBox.addEventListener('change', function () {
    var filters = {};
    filterBox.querySelectorAll('input:checked').forEach(function (b) { (filters[b.name] = filters[b.name] || []).push(b.value); });
    state = { q: input.value, filters: filters };
    render(state);
  });
  render(state);
  document.documentElement.setAttribute('data-search-ready', 'true');
}());
