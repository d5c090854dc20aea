// Loaded only when a reader arrives from a search result (?pagefind-highlight=…): marks the terms.
import PagefindHighlight from './pagefind/pagefind-highlight.js';
new PagefindHighlight({ highlightParam: 'pagefind-highlight' });
