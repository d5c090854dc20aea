/** Reading built output: HTML files, parsed documents, Pagefind's index. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.html')) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

export const read = (file: string) => readFile(file, 'utf8');

/** The built page for a site path ('/articles/x/'), relative to a dist folder. */
export function pageFile(dist: string, sitePath: string): string {
  return path.join(dist, sitePath.replace(/^\//, ''), sitePath.endsWith('/') ? 'index.html' : '');
}
