/** The files a build wrote, as POSIX paths relative to dist/, and the site path each one serves. */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export async function distFiles(dist: string): Promise<string[]> {
  return (await readdir(dist, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** 'index.html' → '/', 'labs/x/index.html' → '/labs/x/', 'rss.xml' → '/rss.xml'. */
export function sitePathOf(rel: string): string {
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

/** The inverse of sitePathOf for pages: '/' → 'index.html', '/labs/x/' → 'labs/x/index.html'. */
export function distFileOf(sitePath: string): string {
  return sitePath.endsWith('/') ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
}

/**
 * Empties `dist` as Astro would at the start of a build (keeping a .git folder), but by moving its
 * entries into `aside` (a folder on the same file system) and deleting them from there in the
 * background: `removed` settles when they are gone. Entries that cannot be moved are
 * deleted in place.
 */
export async function emptyDist(dist: string, aside: string): Promise<{ removed: Promise<void> }> {
  let entries: string[];
  try { entries = await readdir(dist); } catch { return { removed: Promise.resolve() }; }
  await rm(aside, { recursive: true, force: true });
  await mkdir(aside, { recursive: true });
  for (const name of entries) {
    if (name === '.git') continue;
    await rename(path.join(dist, name), path.join(aside, name)).catch(() => rm(path.join(dist, name), { recursive: true, force: true }));
  }
  return { removed: rm(aside, { recursive: true, force: true }) };
}
