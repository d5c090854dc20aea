/** The files a build wrote, as POSIX paths relative to dist/, and the site path each one serves. */
import { readdir } from 'node:fs/promises';
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
