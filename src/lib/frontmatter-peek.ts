/**
 * Reading a few frontmatter values without a YAML parser, for head starts before Astro has the
 * content (the preview cards' head start, src/previews.ts). A YAML parser allocates ~30 KB a file:
 * at 5,000 articles, 150 MB of garbage in the build's parent process. What this cannot read gives
 * undefined; the content check, which does parse the YAML, is what reports problems.
 */

/** The frontmatter block at the start of a file: group 1 is its YAML. Shared by the content check, the cards' head start and the aliases read at config time. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * A top-level `key: value` of one line. Only plain, single-quoted and double-quoted one-line
 * values; anything else (a block scalar, a value that continues on the next line, a comment)
 * gives undefined, and the caller parses the YAML or does without.
 */
export function peekValue(front: string, key: string): string | undefined {
  const m = new RegExp(String.raw`^${key}:[ \t]*(.*?)[ \t]*\r?$(\n[ \t]+\S)?`, 'm').exec(front);
  if (!m || m[2] || !m[1]) return undefined;
  const v = m[1];
  if (v.startsWith('"')) { try { const out: unknown = JSON.parse(v); return typeof out === 'string' ? out : undefined; } catch { return undefined; } }
  if (v.startsWith("'")) return /^'(?:[^']|'')*'$/.test(v) ? v.slice(1, -1).replaceAll("''", "'") : undefined;
  return /^[^>|[\]{}&*!%@`#'"]/.test(v) && !/\s#|:\s|:$/.test(v) ? v : undefined;
}
