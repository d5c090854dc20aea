/**
 * The content check (lib/check.ts) fed from disk. `npm run build` and `npm run check` run it before
 * anything is built (scripts/check.ts); the integration here runs it when `astro dev` starts, where
 * problems are logged and the server still runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { parse } from 'yaml';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblem, FRONTMATTER, type ContentFiles, type SourceFile } from '../lib/check.ts';
import { today } from '../lib/dates.ts';
import { contentDir } from '../site.ts';

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter(
      (e) =>
        e.isFile() &&
        !path
          .relative(dir, e.parentPath)
          .split(path.sep)
          .some((p) => p.startsWith('.')) &&
        !e.name.startsWith('.'),
    )
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

// At most 64 files open at once: opening 20,000 at once runs out of file descriptors (EMFILE).
const readAll = (files: string[]) => pMap(files, async (p): Promise<SourceFile> => ({ path: p, text: await readFile(p, 'utf8') }), { concurrency: 64 });
const readIfThere = async (p: string) => (existsSync(p) ? { path: p, text: await readFile(p, 'utf8') } : undefined);

/** Reads content/ into the shape lib/check.ts takes. Files the build would skip are reported. */
export async function readContentFiles(dir: string = contentDir): Promise<ContentFiles> {
  const ignored: string[] = [];
  const pick = async (folder: string, ext: RegExp, nested: boolean) => {
    const top = path.join(dir, folder);
    const all = await walk(top);
    const keep = new Set(all.filter((f) => ext.test(f) && (nested || path.dirname(f) === top)));
    ignored.push(...all.filter((f) => !keep.has(f) && !/\.(png|jpe?g|webp|avif|gif|svg)$/i.test(f)));
    return readAll([...keep]);
  };
  return {
    articles: await pick('articles', /\.mdx?$/, true),
    labs: await pick('labs', /\.yaml$/, false),
    models: await pick('models', /\.yaml$/, false),
    people: await pick('people', /\.yaml$/, false),
    authors: await pick('authors', /\.yaml$/, false),
    milestones: await pick('milestones', /\.yaml$/, false),
    topics: await readIfThere(path.join(dir, 'topics.yaml')),
    synonyms: await readIfThere(path.join(dir, 'synonyms.yaml')),
    ignored,
  };
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'frontier-commons:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'dev') return;
        const result = checkContent(await readContentFiles(), today());
        for (const s of result.scheduled) logger.info(`scheduled, not built until ${s.published}: ${s.file}`);
        for (const w of result.warnings) logger.warn(formatProblem(w));
        if (result.problems.length) logger.warn(`${result.problems.length} content problem(s):\n${result.problems.map(formatProblem).join('\n')}`);
      },
    },
  };
}

/** Old paths (aliases) of every article, read synchronously for config-time filters (the sitemap). */
export function aliasPathsSync(dir: string = contentDir): Set<string> {
  const out = new Set<string>();
  const folder = path.join(dir, 'articles');
  if (!existsSync(folder)) return out;
  for (const e of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.mdx?$/.test(e.name)) continue;
    const fm = FRONTMATTER.exec(readFileSync(path.join(e.parentPath, e.name), 'utf8'))?.[1];
    try {
      const aliases = (parse(fm ?? '') as { aliases?: unknown } | null)?.aliases;
      if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') out.add(a);
    } catch {
      /* the content check reports bad YAML */
    }
  }
  return out;
}
