// npm run new -- "Title" [--kind analysis] [--lab id]... [--model id]... [--person id]... [--topic id]...
//   [--dek "…"] [--source URL [--source-title "…"]]... [--draft]
// Creates content/articles/<slug>.md (plain Markdown: the fast path at scale) as a draft that already passes `npm run check`.
// Also the one place an article file is created: scripts/import.ts uses createArticle().
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkContent, entryId, type Problem } from '../src/lib/check.ts';
import { today } from '../src/lib/dates.ts';
import { articleFile, type ArticleFields } from '../src/lib/import.ts';
import { articleKinds } from '../src/lib/schema.ts';
import { slugify, uniqueSlug } from '../src/lib/slug.ts';
import { readContentFiles } from '../src/integrations/content-check.ts';
import { PLACEHOLDER_DEK, PLACEHOLDER_SOURCE } from '../src/lib/placeholders.ts';

// Placeholders that pass the schema (drafts are checked too) but that the check refuses once a piece goes live.
export { PLACEHOLDER_DEK, PLACEHOLDER_SOURCE } from '../src/lib/placeholders.ts';
// No note in the body: a Markdown comment would reach the page. The CLI prints the guidance instead.
const BODY = `Write the piece here.
`;

/** Flags shared with scripts/import.ts: what an article is about, and where its facts come from. */
export const articleOptions = {
  kind: { type: 'string' },
  lab: { type: 'string', multiple: true },
  model: { type: 'string', multiple: true },
  person: { type: 'string', multiple: true },
  topic: { type: 'string', multiple: true },
  dek: { type: 'string' },
  source: { type: 'string', multiple: true },
  'source-title': { type: 'string', multiple: true },
  draft: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export class UsageError extends Error {}

/** Parses argv, turning node:util's errors into a message that ends with the usage line. */
export function parseCli<O extends ParseArgsConfig['options']>(options: O, usage: string) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nusage: ${usage}`);
  }
}

export function kindFrom(kind: string | undefined): ArticleFields['kind'] {
  if (kind === undefined) return 'news';
  if (!(articleKinds as readonly string[]).includes(kind)) throw new UsageError(`--kind ${kind}: must be one of ${articleKinds.join(', ')}`);
  return kind;
}

/** --source URL [--source-title T] pairs, in order; an untitled source is named after its host. */
export function sourcesFrom(urls: string[] = [], titles: string[] = []): ArticleFields['sources'] {
  if (titles.length > urls.length) throw new UsageError(`${titles.length} --source-title for ${urls.length} --source: give each title after its --source`);
  return urls.map((url, i) => ({ url, title: titles[i] ?? hostOf(url) }));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

const FLAG: Record<string, string> = {
  title: 'the title',
  dek: '--dek',
  published: '--date',
  kind: '--kind',
  labs: '--lab',
  models: '--model',
  people: '--person',
  topics: '--topic',
  sources: '--source',
};

/** A frontmatter problem, said in terms of the flag the editor typed. */
function asFlag(p: Problem, fields: ArticleFields): string {
  const m = /^(\w+)(?:\[(\d+)\])?/.exec(p.field ?? '');
  const key = m?.[1] ?? '';
  const list = (fields as unknown as Record<string, unknown>)[key];
  const value = Array.isArray(list) && m?.[2] !== undefined ? list[Number(m[2])] : undefined;
  const shown = typeof value === 'string' ? ` ${value}` : value && typeof value === 'object' && 'url' in value ? ` ${String(value.url)}` : '';
  return `${FLAG[key] ?? p.field}${shown}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}

export interface Created {
  file: string;
  bodyProblems: Problem[];
}

/**
 * Checks the article against the content it joins, exactly as `npm run check` will, then writes
 * it under a slug no other article has. Refuses (UsageError) on any frontmatter problem; returns
 * problems in the body (a link to a page that does not exist) for the editor to fix.
 */
export async function createArticle(fields: ArticleFields, body: string, format: 'md' | 'mdx'): Promise<Created> {
  const dir = process.env.FC_CONTENT_DIR ?? 'content';
  const articlesDir = path.join(dir, 'articles');
  const files = await readContentFiles(dir);
  const taken = new Set(files.articles.map((f) => entryId(path.relative(articlesDir, f.path).split(path.sep).join('/'))));
  const text = articleFile(fields, body);
  const base = slugify(fields.title);
  for (;;) {
    const slug = uniqueSlug(base, taken);
    const file = path.join(articlesDir, `${slug}.${format}`);
    const { problems } = checkContent({ ...files, articles: [...files.articles, { path: file, text }] }, today());
    const mine = problems.filter((p) => p.file === file);
    const frontmatter = mine.filter((p) => p.field !== undefined);
    if (frontmatter.length) throw new UsageError(frontmatter.map((p) => asFlag(p, fields)).join('\n'));
    await mkdir(articlesDir, { recursive: true });
    try {
      // 'wx': never overwrite, even a file written since we listed the folder.
      await writeFile(file, text, { flag: 'wx' });
      return { file, bodyProblems: mine };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      taken.add(slug);
    }
  }
}

/** Runs a CLI: usage errors are one clear message and exit 1, never a stack trace. */
export async function cli(main: () => Promise<void>) {
  try {
    await main();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

const USAGE =
  'npm run new -- "Title" [--kind news|analysis|explainer|brief] [--lab id]... [--model id]... [--person id]... [--topic id]... ' +
  '[--dek "…"] [--source URL [--source-title "…"]]...';

if (import.meta.main) {
  await cli(async () => {
    const { values, positionals } = parseCli(articleOptions, USAGE);
    if (values.help) {
      console.log(`usage: ${USAGE}`);
      return;
    }
    const title = positionals.join(' ').trim();
    if (!title) throw new UsageError(`give the title first\nusage: ${USAGE}`);
    const sources = sourcesFrom(values.source, values['source-title']);
    // Always a draft: a half-written piece must never go live by accident.
    const fields: ArticleFields = {
      title,
      dek: values.dek ?? PLACEHOLDER_DEK,
      published: today(),
      kind: kindFrom(values.kind),
      labs: values.lab ?? [],
      models: values.model ?? [],
      people: values.person ?? [],
      topics: values.topic ?? [],
      sources: sources.length ? sources : [PLACEHOLDER_SOURCE],
      draft: true,
    };
    const { file } = await createArticle(fields, BODY, 'md');
    console.log(`created ${file}`);
    console.log('It is a draft: checked like every article, never published. Before publishing:');
    if (!values.dek) console.log('  - write the dek (it is a placeholder)');
    if (!sources.length) console.log(`  - replace the placeholder source (${PLACEHOLDER_SOURCE.url}) with the real ones`);
    console.log('  - write the body, linking every fact to its source; ## and ### for sections (docs/writing.md)');
    console.log('  - it is plain Markdown; rename it to .mdx only if it needs a component');
    console.log("  - set published to the day it goes live (a future day schedules it), then delete 'draft: true'");
  });
}
