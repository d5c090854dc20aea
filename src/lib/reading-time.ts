import { decode } from './offline-archive.ts';

/** Minutes to read `words` words (articleTextFacts) at 220 a minute; at least 1. */
export const minutesFor = (words: number, wordsPerMinute = 220): number => Math.max(1, Math.round(words / wordsPerMinute));

/** Words as a reader counts them: runs of characters between whitespace. */
export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** The visible text of rendered HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text of an article for reading time and for checking which names it already contains: the
 * Markdown body when the entry keeps one (MDX), otherwise the text of its rendered HTML (plain
 * Markdown, whose body the content layer does not keep; see content.config.ts).
 */
export function articleText(entry: { body?: string; rendered?: { html: string } }): string {
  return entry.body ?? htmlText(entry.rendered?.html ?? '');
}

/** What an article page needs from its text: the word count, and whether it contains a name. */
export function articleTextFacts(entry: { body?: string; rendered?: { html: string } }): { words: number; contains: (name: string) => boolean } {
  const text = articleText(entry);
  return { words: wordCount(text), contains: (name) => text.includes(name) };
}
