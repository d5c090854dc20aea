/** Minutes to read a body of Markdown at 220 words a minute; at least 1. Markup counts as words (negligible). */
export function readingMinutes(body: string, wordsPerMinute = 220): number {
  const words = body.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}
