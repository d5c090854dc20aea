/**
 * After the build: host files from one source (security headers from lib/headers.ts, redirects from
 * article aliases), and the published-URL lock. A locked URL that is neither built nor redirected
 * fails the build; new durable URLs are appended to the lock for the editor to commit.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { distFiles, sitePathOf } from './dist-files.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FILE_TYPES, netlifyHeaders, netlifyRedirects, nginxSnippet, type Redirect } from '../lib/headers.ts';
import { compareLock, formatLock, isDurable, parseLock } from '../lib/url-lock.ts';
import { BASE, paths, withBase, withoutBase } from '../lib/urls.ts';
import { contentDir } from '../site.ts';

/** Site paths of what the build wrote: '/x/' for x/index.html, '/feed.json' for files. */
async function builtPaths(dist: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const rel of await distFiles(dist)) {
    if (/^(_astro|pagefind|og|_nginx)\//.test(rel) || rel.startsWith('_') || `/${rel}` === paths.buildFiles()) continue;
    if (rel.endsWith('index.html') || /\.(xml|json|csv|txt)$/.test(rel)) out.add(sitePathOf(rel));
  }
  return out;
}

export function deployFiles(): AstroIntegration {
  return {
    name: 'frontier-commons:deploy-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const redirects = JSON.parse(await readFile(path.join(dist, 'data/redirects.json'), 'utf8')) as Redirect[];
        const typed = (await distFiles(dist))
          .filter((rel) => FILE_TYPES[path.posix.basename(rel)])
          .map((rel) => withBase(sitePathOf(rel)))
          .sort();
        await writeFile(path.join(dist, '_headers'), netlifyHeaders(BASE, typed));
        await writeFile(path.join(dist, '_redirects'), netlifyRedirects(redirects));
        await mkdir(path.join(dist, '_nginx'), { recursive: true });
        await writeFile(path.join(dist, '_nginx/site.conf'), nginxSnippet(redirects));

        const lockFile = path.join(contentDir, 'urls.lock');
        const locked = existsSync(lockFile) ? parseLock(await readFile(lockFile, 'utf8')) : new Set<string>();
        const redirectedFrom = new Set(redirects.map((r) => withoutBase(r.from)));
        const built = await builtPaths(dist);
        for (const r of redirectedFrom) built.delete(r); // a stub page is not the page itself
        const { missing, added } = compareLock(locked, built, redirectedFrom);
        if (missing.length) {
          throw new Error(
            `${missing.length} published URL(s) in ${lockFile} would now 404:\n${missing.map((m) => `  ${m}`).join('\n')}\n` +
              "Published URLs never break. If a piece was renamed, add its old path to the new file's `aliases`; if it was removed, restore it.",
          );
        }
        if (added.length) {
          await writeFile(lockFile, formatLock([...locked, ...[...built].filter(isDurable)]));
          logger.info(`${added.length} new URL(s) added to ${lockFile}: commit it with the content.`);
        }
        logger.info(`host files and URL lock checked (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
