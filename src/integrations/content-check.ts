/**
 * Runs lib/check.ts over content/ before Astro builds anything. In a build, any problem stops it
 * with every problem listed (file:line, field, hint); in dev they are logged and the server runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { parse } from 'yaml';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblem, type ContentFiles, type SourceFile } from '../lib/check.ts';
import { today } from '../lib/dates.ts';
import { FRONTMATTER } from '../lib/frontmatter-peek.ts';
import { contentDir } from '../site.ts';

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out.sort();
}

const read = async (p: string): Promise<SourceFile> => ({ path: p, text: await readFile(p, 'utf8') });

/** Reads files 64 at a time: opening 20,000 at once runs out of file descriptors (EMFILE). */
async function readAll(files: string[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (let i = 0; i < files.length; i += 64) out.push(...(await Promise.all(files.slice(i, i + 64).map(read))));
  return out;
}

/** Reads content/ into the shape lib/check.ts takes. Files the build would skip are reported. */
export async function readContentFiles(dir: string = contentDir): Promise<ContentFiles> {
  const ignored: string[] = [];
  const pick = async (folder: string, ext: RegExp, nested: boolean) => {
    const top = path.join(dir, folder);
    const all = await walk(top);
    const keep = all.filter((f) => ext.test(f) && (nested || path.dirname(f) === top));
    const kept = new Set(keep); // a Set: with an array this test was quadratic (7.8 s of the check at 20,000 articles)
    ignored.push(...all.filter((f) => !kept.has(f) && !/\.(png|jpe?g|webp|avif|gif|svg)$/i.test(f)));
    return readAll(keep);
  };
  const topicsPath = path.join(dir, 'topics.yaml');
  const topics = await stat(topicsPath).then(() => read(topicsPath), () => undefined);
  const synonymsPath = path.join(dir, 'synonyms.yaml');
  const synonyms = await stat(synonymsPath).then(() => read(synonymsPath), () => undefined);
  return {
    articles: await pick('articles', /\.mdx?$/, true),
    labs: await pick('labs', /\.yaml$/, false),
    models: await pick('models', /\.yaml$/, false),
    people: await pick('people', /\.yaml$/, false),
    authors: await pick('authors', /\.yaml$/, false),
    milestones: await pick('milestones', /\.yaml$/, false),
    topics,
    synonyms,
    ignored,
  };
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'frontier-commons:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        // scripts/build.ts runs the check itself, beside Astro, behind the gate below (FC_CONTENT_CHECK_GATE).
        // FC_CONTENT_CHECKED skips it (profiling a bare `astro build`); `astro dev` and a bare `astro build` run it here.
        if (command === 'preview' || process.env.VITEST || process.env.FC_CONTENT_CHECKED || process.env.FC_CONTENT_CHECK_GATE) return;
        const result = checkContent(await readContentFiles(), today());
        for (const s of result.scheduled) logger.info(`scheduled, not built until ${s.published}: ${s.file}`);
        for (const w of result.warnings) logger.warn(formatProblem(w));
        if (result.problems.length === 0) return;
        const report = result.problems.map(formatProblem).join('\n');
        if (command === 'build') throw new Error(`${result.problems.length} content problem(s):\n${report}`);
        logger.warn(`${result.problems.length} content problem(s):\n${report}`);
      },
      // scripts/build.ts runs the check beside Astro's start (FC_CONTENT_CHECK_GATE): Astro loads its
      // config and syncs the content layer meanwhile, then waits here for the verdict before it
      // empties dist or builds anything. On a failed check it is stopped while it waits.
      'astro:build:start': async () => {
        if (!process.env.FC_CONTENT_CHECK_GATE || !process.send) return;
        await awaitContentCheck(process as GateProcess);
      },
    },
  };
}

/** The messages of the check gate between scripts/build.ts and Astro's process. */
export const GATE = { ask: 'content-check?', passed: 'content-check: passed' } as const;

/** What the gate needs of Astro's process: its IPC channel to scripts/build.ts. */
export interface GateProcess {
  send(message: string): unknown;
  once(event: 'message', listener: (message: unknown) => void): unknown;
  channel?: { unref(): void } | undefined;
}

/** Asks the parent process for the check's verdict and waits for it (the child asks first, so no answer is missed). */
export function awaitContentCheck(proc: GateProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    proc.once('message', (m) => {
      // The channel must not keep Astro's process alive once the answer is in.
      proc.channel?.unref();
      if (m === GATE.passed) resolve();
      else reject(new Error('the content check did not pass'));
    });
    proc.send(GATE.ask);
  });
}

/** Old paths (aliases) of every article, read synchronously for config-time filters (the sitemap). */
export function aliasPathsSync(dir: string = contentDir): Set<string> {
  const out = new Set<string>();
  const folder = path.join(dir, 'articles');
  if (!existsSync(folder)) return out;
  for (const e of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.mdx?$/.test(e.name)) continue;
    const fm = FRONTMATTER.exec(readFileSync(path.join(e.parentPath, e.name), 'utf8'))?.[1];
    // Most pieces have no aliases: parsing every frontmatter cost ~0.9 s of each build's start at 5,000 articles.
    if (!fm?.includes('aliases')) continue;
    try {
      const aliases = (parse(fm ?? '') as { aliases?: unknown } | null)?.aliases;
      if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') out.add(a);
    } catch { /* the content check reports bad YAML */ }
  }
  return out;
}
