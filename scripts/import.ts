// npm run import -- <file.txt|.md|.html> [--title "…"] [--dek "…"] [--date YYYY-MM-DD] [--kind …]
//   [--lab id]... [--model id]... [--person id]... [--topic id]... [--source URL [--source-title "…"]]... [--draft]
// Converts an existing article with lib/import.ts and writes content/articles/<slug>.mdx.
// An import is a finished piece, so it needs its real dek, date and sources: in a terminal it
// asks for whatever is missing; anywhere else (CI, scripts) it stops and names the flags.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { formatProblem } from '../src/lib/check.ts';
import { isDay } from '../src/lib/dates.ts';
import { importArticle, type ArticleFields } from '../src/lib/import.ts';
import { articleOptions, cli, createArticle, kindFrom, parseCli, sourcesFrom, UsageError } from './new.ts';

const USAGE =
  'npm run import -- <file> [--title "…"] [--dek "…"] [--date YYYY-MM-DD] [--kind news|analysis|explainer|brief] ' +
  '[--lab id]... [--model id]... [--person id]... [--topic id]... [--source URL [--source-title "…"]]... [--draft]';

await cli(async () => {
  const { values, positionals } = parseCli({ ...articleOptions, title: { type: 'string' }, date: { type: 'string' } }, USAGE);
  if (values.help) {
    console.log(`usage: ${USAGE}`);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(`give exactly one file to import\nusage: ${USAGE}`);
  const input = positionals[0]!;
  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${input}: ${(err as Error).message}`);
  }

  const converted = importArticle(text, { fileName: input });
  let title = values.title ?? converted.title;
  let dek = values.dek;
  let date = values.date;
  let sources = sourcesFrom(values.source, values['source-title']);
  const kind = kindFrom(values.kind);
  if (date !== undefined && !isDay(date)) throw new UsageError(`--date ${date}: must be a real day written YYYY-MM-DD`);

  const missing = [!title && '--title', !dek && '--dek', !date && '--date', !sources.length && '--source'].filter((f): f is string => Boolean(f));
  if (missing.length && !process.stdin.isTTY) {
    throw new UsageError(
      `missing ${missing.join(', ')}: pass ${missing.length > 1 ? 'them' : 'it'} as flags (there is no terminal to ask in)\nusage: ${USAGE}`,
    );
  }
  if (missing.length) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const ask = async (q: string) => (await rl.question(q)).trim();
    try {
      while (!title) title = await ask('Title: ');
      while (!dek) dek = await ask('Dek (one or two sentences): ');
      while (!date || !isDay(date)) date = await ask('Published (YYYY-MM-DD, the day it first ran): ');
      while (!sources.length) {
        for (let url = await ask('Source URL (blank when done): '); url; url = await ask('Another source URL (blank when done): ')) {
          const sourceTitle = await ask('  its title (blank for the site name): ');
          sources = [...sources, ...sourcesFrom([url], sourceTitle ? [sourceTitle] : [])];
        }
      }
    } finally {
      rl.close();
    }
  }

  const fields: ArticleFields = {
    title: title!,
    dek: dek!,
    published: date!,
    kind,
    labs: values.lab ?? [],
    models: values.model ?? [],
    people: values.person ?? [],
    topics: values.topic ?? [],
    sources,
    draft: values.draft ?? false,
  };
  // MDX: the converter escapes for it, and the words-in-equal-words-out test compiles it as MDX.
  const { file, bodyProblems } = await createArticle(fields, converted.body, 'mdx');
  for (const w of converted.warnings) console.log(`warning: ${w}`);
  for (const p of bodyProblems) console.log(`to fix: ${formatProblem(p)}`);
  console.log(`created ${file}`);
  if (converted.warnings.length || bodyProblems.length) {
    console.log(`Review it against ${input}${bodyProblems.length ? '; npm run check fails until the problems above are fixed' : ''}.`);
  }
});
