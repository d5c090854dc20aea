// Loaded only when a reader arrives from a search result (?pagefind-highlight=…): marks the terms.
import PagefindHighlight from './pagefind/pagefind-highlight.js';
// addStyles off: its inline <style> would break the CSP; our stylesheet styles <mark>.
new PagefindHighlight({ highlightParam: 'pagefind-highlight', addStyles: false });
