/**
 * The published-URL lock: every durable URL the site has ever published, one site path a line
 * (base not applied). A build may add lines but never lose one: a locked URL must still be a
 * page, a file, or a redirect to a page.
 */
export function parseLock(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

export function formatLock(paths: Iterable<string>): string {
  return `# Every URL this site has published. Never delete a line: rename through aliases instead.\n${[...new Set(paths)].sort().join('\n')}\n`;
}

/** Filtered views may come and go with the data; everything else, year pages included (event anchors point there), is a promise. */
export function isDurable(path: string): boolean {
  return (
    !/^\/timeline\/(lab|kind|access)\//.test(path) &&
    !/^\/models\/(licence|weights)\//.test(path) &&
    !/^\/(og|pagefind|_astro)\//.test(path) &&
    path !== '/404.html'
  );
}

export function compareLock(locked: Set<string>, built: Set<string>, redirected: Set<string>) {
  return {
    missing: [...locked].filter((p) => !built.has(p) && !redirected.has(p)).sort(),
    added: [...built].filter((p) => isDurable(p) && !locked.has(p)).sort(),
  };
}
