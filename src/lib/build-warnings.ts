/**
 * Warnings of the bundler that the build does not print. One only: Rolldown warns, once for every
 * MDX piece, that the `"use astro:head-inject"` directive Astro's MDX pages carry "may not be
 * preserved when bundling" (withastro/astro#18087, open). Astro reads that directive itself before
 * bundling, so the warning says nothing an editor can act on; at 500 MDX pieces it was 5,000 lines
 * burying every other one. Any other warning, that directive's in any other file included, is printed.
 */
export interface BundlerWarning {
  code?: string | undefined;
  message?: string | undefined;
  id?: string | undefined;
}

export function isAstroMdxDirectiveWarning(w: BundlerWarning): boolean {
  return (
    w.code === 'MODULE_LEVEL_DIRECTIVE' &&
    /"use astro:head-inject"/.test(w.message ?? '') &&
    /\.mdx(\?|$)/.test(w.id ?? /in "([^"]+)"/.exec(w.message ?? '')?.[1] ?? '')
  );
}
