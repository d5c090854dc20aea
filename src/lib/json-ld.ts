/**
 * JSON for an inline <script type="application/ld+json">. JSON.stringify leaves "</script>" intact,
 * so hostile text in a title could close the element; escaping <, > and & as \u sequences (and the
 * line separators JavaScript parsers trip on) keeps the block inert and still parses to the same values.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
