import { decode } from './offline-archive.ts';

/** Minutes to read a body of Markdown at 220 words a minute; at least 1. Markup counts as words (negligible). */
export function readingMinutes(body: string, wordsPerMinute = 220): number {
  return Math.max(1, Math.round(wordCount(body) / wordsPerMinute));
}

/**
 * Runs of characters between whitespace, as `text.split(/\s+/).filter(Boolean).length` counts
 * them (the same whitespace as `\s`), without making the strings: ~5,000 article pages ask this.
 */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
      || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) { inWord = true; words++; }
  }
  return words;
}

/** The visible text of rendered HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * The text of an article for reading time and for checking which names it already contains: the
 * Markdown body when the entry keeps one (MDX), otherwise the text of its rendered HTML (plain
 * Markdown, whose body the content layer does not keep; see content.config.ts).
 */
export function articleText(entry: { body?: string; rendered?: { html: string } }): string {
  return entry.body ?? htmlText(entry.rendered?.html ?? '');
}
