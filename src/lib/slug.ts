/**
 * Article slugs: the file name, and so the URL, of a piece. They must be lowercase ASCII
 * kebab-case (the checker refuses anything else) and they never change once published, so the
 * same title must always give the same slug, whatever the machine or locale.
 */

export const MAX_SLUG_LENGTH = 80;

/** What a title with no ASCII letters or digits (all CJK, all emoji) becomes. */
export const FALLBACK_SLUG = 'article';

// Letters NFKD does not decompose into ASCII; without these 'Straße' would lose its 'ss'.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
};

/** 'Qwen2.5: what’s new' → 'qwen2-5-whats-new'. */
export function slugify(title: string): string {
  const ascii = title
    .replace(/[ßẞæÆœŒøØđĐðÐłŁþÞıħĦ]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // An apostrophe joins a word ("DeepSeek's"), it does not split it into "deepseek-s".
    .replace(/(?<=[a-z0-9])['’](?=[a-z])/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return trim(ascii, MAX_SLUG_LENGTH) || FALLBACK_SLUG;
}

/** Cuts at the last word boundary that fits; a single over-long word is cut where it must be. */
function trim(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}

/** `base`, or the first of base-2, base-3… not in `existing`, still within the length limit. */
export function uniqueSlug(base: string, existing: ReadonlySet<string>): string {
  if (!existing.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!existing.has(candidate)) return candidate;
  }
}
