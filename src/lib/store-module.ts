/**
 * Astro makes the content layer's store a module of the build: `export default JSON.parse("…")`, one
 * string literal of the whole store, which Rolldown bundles and V8 compiles slowly as it grows. The
 * build keeps the store's text in a file instead, and the module reads it when it runs: the same value
 * (src/integrations/content-store.ts; its saving is in BENCHMARKS.md, "Speed mechanisms kept").
 */
const HEAD = 'export default JSON.parse(';
const TAIL = ')';

/** The store's JSON text, out of Astro's module; undefined when the module is in any other shape. */
export function storeText(code: string): string | undefined {
  const src = code.trimEnd();
  if (!src.startsWith(HEAD) || !src.endsWith(TAIL)) return undefined;
  try {
    const text: unknown = JSON.parse(src.slice(HEAD.length, -TAIL.length));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A module whose default export is the store parsed from `file`, read when the module runs. */
export function storeModuleReading(file: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}
