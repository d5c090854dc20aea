import { decode } from './offline-archive.ts';

/** Minutes to read `words` words (articleTextFacts) at 220 a minute; at least 1. */
export const minutesFor = (words: number, wordsPerMinute = 220): number => Math.max(1, Math.round(words / wordsPerMinute));

/** Whether code point `c` is whitespace as `\s` matches it. */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * Runs of characters between whitespace, as `text.split(/\s+/).filter(Boolean).length` counts
 * them (the same whitespace as `\s`), without making the strings: ~5,000 article pages ask this.
 */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

const NUMERIC_ENTITY = /&(#x[0-9a-f]+|#\d+);/iy;

/**
 * wordCount(htmlText(html)), in one pass over the HTML without making the text (~5,000 article
 * pages ask this): a tag counts as a space, a numeric entity as the character it stands for, and
 * anything else as itself, exactly as htmlText turns them into text.
 */
export function htmlWordCount(html: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < html.length; i++) {
    let c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const end = html.indexOf('>', i + 1);
      if (end > i + 1) {
        inWord = false;
        i = end;
        continue;
      }
    } else if (c === 38 /* & */) {
      NUMERIC_ENTITY.lastIndex = i;
      const m = NUMERIC_ENTITY.exec(html);
      if (m) {
        const e = m[1]!;
        c = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        i += m[0].length - 1;
      }
    }
    if (isSpace(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

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

/**
 * What an article page needs from articleText, without making that text unless it must (at 5,000
 * articles, making it took ~1.4 s of a build's single rendering thread): its word count, and
 * whether it contains a name. A name with no whitespace and none of & < > " ' cannot be in the text
 * unless it is in the HTML as written, or the HTML has numeric entities (which could spell it).
 */
export function articleTextFacts(entry: { body?: string; rendered?: { html: string } }): { words: number; contains: (name: string) => boolean } {
  const body = entry.body;
  if (body !== undefined) return { words: wordCount(body), contains: (name) => body.includes(name) };
  const html = entry.rendered?.html ?? '';
  let text: string | undefined;
  const entities = html.includes('&#');
  return {
    words: htmlWordCount(html),
    contains: (name) => (entities || /[\s&<>"']/.test(name) || html.includes(name) ? (text ??= htmlText(html)).includes(name) : false),
  };
}
