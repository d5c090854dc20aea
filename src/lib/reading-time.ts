import { decode } from './offline-archive.ts';

/** Minutes to read a body of Markdown at 220 words a minute; at least 1. Markup counts as words (negligible). */
export function readingMinutes(body: string, wordsPerMinute = 220): number {
  const words = body.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
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
