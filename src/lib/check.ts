/**
 * Content checks that Astro does not make, or makes without naming the line: schema errors with
 * file:line, duplicate slugs and ids (Astro drops duplicates silently on a clean build), dangling
 * references, forbidden raw HTML, and links between our own pages. Pure: it takes file texts and
 * returns every problem at once. scripts/check.ts and the build integration feed it from disk.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { schemas, type Collection } from './schema.ts';
import { paths } from './urls.ts';
import { PLACEHOLDER_DEK, PLACEHOLDER_SOURCE } from './placeholders.ts';
import { NEWS_WINDOW_DAYS, staleNews } from './news-age.ts';
import { checkMdx } from './mdx-rules.ts';
import { norm } from './search-words.js';
// One edit distance for the site: "did you mean" in search and in content errors.
import { distance } from './search-suggest.js';

/** The frontmatter block at the start of a file: group 1 is its YAML. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export interface SourceFile {
  path: string;
  text: string;
}
export interface Problem {
  file: string;
  line: number;
  column?: number;
  field?: string;
  message: string;
  hint?: string;
}
export interface ContentFiles {
  articles: SourceFile[];
  labs: SourceFile[];
  models: SourceFile[];
  people: SourceFile[];
  /** Optional: a content folder without authors credits every piece to the publication. */
  authors?: SourceFile[] | undefined;
  milestones: SourceFile[];
  topics?: SourceFile | undefined;
  /** content/synonyms.yaml, when there is one. */
  synonyms?: SourceFile | undefined;
  /** Files in entity folders that the build would not read (e.g. '.yml'). */
  ignored?: string[];
}
export interface CheckResult {
  problems: Problem[];
  /** What deserves an editor's look but does not stop the build (a stale "news" label). */
  warnings: Problem[];
  /** Article slugs whose published date is after `today`: not built yet. */
  scheduled: { slug: string; published: string; file: string }[];
  /** Every site path the content produces, base not applied. */
  routes: Set<string>;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const singular: Record<Collection, string> = { labs: 'lab', models: 'model', people: 'person', topics: 'topic', milestones: 'milestone', authors: 'author' };

interface Parsed {
  file: SourceFile;
  doc?: Document;
  data?: unknown;
  lines: LineCounter;
  lineOffset: number;
}

function parseYaml(file: SourceFile, text: string, lineOffset: number, problems: Problem[]): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const err of doc.errors) {
      const pos = lines.linePos(err.pos[0]);
      problems.push({
        file: file.path,
        line: pos.line + lineOffset,
        message: `invalid YAML: ${err.message.split('\n')[0]}`,
        hint: 'quote strings that contain ": " or start with a special character',
      });
    }
    return { file, lines, lineOffset };
  }
  return { file, doc, data: doc.toJS(), lines, lineOffset };
}

/** The line of a field, or of the nearest enclosing field that exists. */
function lineOf(p: Parsed, path: (string | number)[]): number {
  if (!p.doc) return 1 + p.lineOffset;
  for (let n = path.length; n >= 0; n--) {
    const node = p.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const key = n > 0 ? findKeyRange(p.doc, path.slice(0, n)) : undefined;
    const offset = key ?? node?.range?.[0];
    if (offset !== undefined) return p.lines.linePos(offset).line + p.lineOffset;
  }
  return 1 + p.lineOffset;
}

function findKeyRange(doc: Document, path: (string | number)[]): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((it) => (it.key as { value?: unknown })?.value === last);
    return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  }
  if (isSeq(parent) && typeof last === 'number') return (parent.items[last] as { range?: [number] } | undefined)?.range?.[0];
  return undefined;
}

function fieldName(path: PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(entry)';
}

/** Validates one entry; `entry` names it in messages when a file holds many (milestones, topics). */
function validate(p: Parsed, schema: (typeof schemas)[keyof typeof schemas], prefix: (string | number)[], problems: Problem[], data: unknown, entry?: string) {
  const result = schema.safeParse(data);
  if (result.success) return result.data as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const field = entry ? `${entry} › ${fieldName(issue.path)}` : fieldName(issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    // zod leaves issue.input unset, so whether the field is missing is read from the data itself.
    const value = (issue.path as PropertyKey[]).reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
      data,
    );
    if (issue.code === 'invalid_type' && value === undefined) message = 'is required';
    problems.push({ file: p.file.path, line: lineOf(p, issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path), field, message });
  }
  return undefined;
}

/** The id Astro's glob loader gives a file: its path without extension and without a trailing '/index'. */
export function entryId(relativePath: string): string {
  return relativePath.replace(/\.(mdx?|ya?ml)$/, '').replace(/\/index$/, '');
}

function relative(file: string, folder: string): string {
  const i = file.lastIndexOf(`/${folder}/`);
  return i >= 0 ? file.slice(i + folder.length + 2) : file;
}

/** Lines of Markdown outside fenced code blocks, numbered from the file's first line. */
function proseLines(body: string, firstLine: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | null = null;
  body.split('\n').forEach((text, i) => {
    const m = /^\s*(```|~~~)/.exec(text);
    if (m) {
      fence = fence === null ? m[1]! : fence === m[1] ? null : fence;
      return;
    }
    if (fence === null) out.push({ line: firstLine + i, text });
  });
  return out;
}

// Escaped text (\<script>) is prose about markup, not markup: only unescaped tags count.
const FORBIDDEN: [RegExp, string, string][] = [
  [/(?<!\\)<\s*script\b/i, 'raw <script> is forbidden in content', 'scripts belong in components, reviewed as code; to write about one, escape it: \\<script>'],
  [/(?<!\\)<\s*iframe\b/i, 'raw <iframe> is forbidden in content', 'link to the page instead of embedding it'],
  [/(?<!\\)<[a-z][^>]*\son[a-z]+\s*=/i, 'event-handler attributes (on*=) are forbidden in content', 'remove the attribute'],
  [/(\]\(\s*|=\s*["']?)javascript\s*:/i, 'javascript: URLs are forbidden in content', 'link to a real page'],
];

export function checkContent(files: ContentFiles, today: string): CheckResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const milestoneDates = new Map<string, string>();
  const scheduled: CheckResult['scheduled'] = [];
  const known: Record<Collection, Set<string>> = {
    labs: new Set(),
    models: new Set(),
    people: new Set(),
    topics: new Set(),
    milestones: new Set(),
    authors: new Set(),
  };
  const pending: { p: Parsed; path: (string | number)[]; collection: Collection; id: string; entry: string | undefined }[] = [];
  const ref = (p: Parsed, path: (string | number)[], collection: Collection, id: unknown, entry?: string) => {
    if (typeof id === 'string') pending.push({ p, path, collection, id, entry });
  };

  for (const f of files.ignored ?? [])
    problems.push({ file: f, line: 1, message: 'this file is not read by the build', hint: 'entity files must end in .yaml; articles in .md or .mdx' });

  // Entities whose id is their file name.
  for (const [collection, list, schema] of [
    ['labs', files.labs, schemas.lab],
    ['models', files.models, schemas.model],
    ['people', files.people, schemas.person],
    ['authors', files.authors ?? [], schemas.author],
  ] as const) {
    for (const file of list) {
      const id = entryId(relative(file.path, collection));
      const p = parseYaml(file, file.text, 0, problems);
      if (!ID.test(id))
        problems.push({
          file: file.path,
          line: 1,
          message: `file name "${id}" is not a valid id`,
          hint: 'use lowercase ASCII kebab-case, like deepseek-r1.yaml',
        });
      known[collection].add(id);
      if (p.data === undefined && !p.doc) continue;
      const data = validate(p, schema, [], problems, p.data);
      if (!data) continue;
      if (collection === 'labs') ref(p, ['parent'], 'labs', data.parent);
      if (collection === 'models') {
        ref(p, ['lab'], 'labs', data.lab);
        const rel = data.relations as { successorOf?: string; distilledFrom: string[]; fineTunedFrom?: string };
        ref(p, ['relations', 'successorOf'], 'models', rel.successorOf);
        ref(p, ['relations', 'fineTunedFrom'], 'models', rel.fineTunedFrom);
        rel.distilledFrom.forEach((m, i) => ref(p, ['relations', 'distilledFrom', i], 'models', m));
      }
      if (collection === 'people') (data.roles as { lab: string }[]).forEach((r, i) => ref(p, ['roles', i, 'lab'], 'labs', r.lab));
    }
  }

  if (files.topics) {
    const p = parseYaml(files.topics, files.topics.text, 0, problems);
    if (p.doc && !Array.isArray(p.data)) problems.push({ file: files.topics.path, line: 1, message: 'must be a YAML list of topics' });
    else if (Array.isArray(p.data)) {
      p.data.forEach((item, i) => {
        const rawId = (item as { id?: unknown } | null)?.id;
        const data = validate(p, schemas.topic, [i], problems, item, typeof rawId === 'string' ? rawId : `topic #${i + 1}`);
        if (!data) return;
        const id = data.id as string;
        if (known.topics.has(id)) problems.push({ file: p.file.path, line: lineOf(p, [i, 'id']), field: `${id} › id`, message: `duplicate topic id "${id}"` });
        known.topics.add(id);
      });
    }
  }

  const milestoneFiles = new Map<string, string>();
  const facts: RouteFacts = { facets: { lab: new Set(), kind: new Set(), access: new Set(), year: new Set() }, articleYears: new Set() };
  for (const file of files.milestones) {
    const p = parseYaml(file, file.text, 0, problems);
    if (p.doc && !Array.isArray(p.data)) {
      problems.push({ file: file.path, line: 1, message: 'must be a YAML list of milestones' });
      continue;
    }
    if (!Array.isArray(p.data)) continue;
    const year = entryId(relative(file.path, 'milestones'));
    p.data.forEach((item, i) => {
      const rawId = (item as { id?: unknown } | null)?.id;
      const label = typeof rawId === 'string' ? rawId : `milestone #${i + 1}`;
      const at = (field: string) => lineOf(p, [i, field]);
      if (typeof rawId === 'string') {
        // Known even when invalid, so one bad field does not cascade into "unknown milestone".
        const before = milestoneFiles.get(rawId);
        if (before)
          problems.push({
            file: file.path,
            line: at('id'),
            field: `${label} › id`,
            message: `duplicate milestone id "${rawId}" (also in ${before})`,
            hint: 'milestone ids are permanent: give the new event its own id',
          });
        milestoneFiles.set(rawId, `${file.path}:${at('id')}`);
        known.milestones.add(rawId);
      }
      const data = validate(p, schemas.milestone, [i], problems, item, label);
      if (!data) return;
      if (/^\d{4}$/.test(year) && !String(data.date).startsWith(year))
        problems.push({
          file: file.path,
          line: at('date'),
          field: `${label} › date`,
          message: `is not in ${year}`,
          hint: `move the event to content/milestones/${String(data.date).slice(0, 4)}.yaml`,
        });
      milestoneDates.set(data.id as string, data.date as string);
      facts.facets.lab.add(data.lab as string);
      facts.facets.kind.add(data.kind as string);
      if (data.access) facts.facets.access.add(data.access as string);
      facts.facets.year.add(String(data.date).slice(0, 4));
      ref(p, [i, 'lab'], 'labs', data.lab, label);
      (data.models as string[]).forEach((m, j) => ref(p, [i, 'models', j], 'models', m, label));
      (data.people as string[]).forEach((m, j) => ref(p, [i, 'people', j], 'people', m, label));
    });
  }

  const articleFiles = new Map<string, string>();
  const bodies: { file: SourceFile; lines: { line: number; text: string }[] }[] = [];
  const aliases: { p: Parsed; i: number; alias: string }[] = [];
  const newsPieces: { p: Parsed; published: string; milestones: string[] }[] = [];
  const componentRefs: (ReturnType<typeof checkMdx>['refs'][number] & { file: string })[] = [];
  const dayOrders = new Map<string, string>();
  for (const file of files.articles) {
    const rel = relative(file.path, 'articles');
    const slug = entryId(rel);
    const m = FRONTMATTER.exec(file.text);
    if (!m) {
      problems.push({
        file: file.path,
        line: 1,
        message: 'has no frontmatter',
        hint: 'start the file with a --- block: run `npm run new -- "Title"` for a template',
      });
      continue;
    }
    if (!ID.test(slug))
      problems.push({
        file: file.path,
        line: 1,
        message: `slug "${slug}" (from the file name) is not lowercase ASCII kebab-case`,
        hint: 'rename the file, and add the old path to aliases if it was published',
      });
    const before = articleFiles.get(slug);
    if (before)
      problems.push({
        file: file.path,
        line: 1,
        message: `duplicate article slug "${slug}" (also ${before})`,
        hint: 'two files would publish the same URL: rename one',
      });
    articleFiles.set(slug, file.path);
    const p = parseYaml(file, m[1]!, 1, problems);
    const bodyStart = m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0) + 1;
    bodies.push({ file, lines: proseLines(file.text.slice(m[0].length), bodyStart) });
    if (file.path.endsWith('.mdx')) {
      const mdx = checkMdx(file.text.slice(m[0].length), bodyStart, file.path);
      for (const q of mdx.problems) problems.push({ file: file.path, ...q });
      componentRefs.push(...mdx.refs.map((r) => ({ ...r, file: file.path })));
    }
    if (!p.doc) continue;
    const data = validate(p, schemas.article, [], problems, p.data ?? {});
    if (!data) continue;
    for (const c of ['labs', 'models', 'people', 'topics', 'milestones', 'authors'] as const) (data[c] as string[]).forEach((id, i) => ref(p, [c, i], c, id));
    (data.aliases as string[]).forEach((alias, i) => aliases.push({ p, i, alias }));
    if (!data.draft && (data.published as string) <= today) facts.articleYears.add((data.published as string).slice(0, 4));
    if (!data.draft && data.kind === 'news') newsPieces.push({ p, published: data.published as string, milestones: data.milestones as string[] });
    if (!data.draft && (data.published as string) > today) scheduled.push({ slug, published: data.published as string, file: file.path });
    if (!data.draft && data.order !== undefined) {
      const key = `${data.published as string} ${data.order as number}`;
      const other = dayOrders.get(key);
      if (other)
        problems.push({
          file: file.path,
          line: lineOf(p, ['order']),
          field: 'order',
          message: `${data.order as number} is also the order of ${other}, published the same day (${data.published as string})`,
          hint: 'give each piece of a day its own place: 1 leads',
        });
      dayOrders.set(key, file.path);
    }
    if (!data.draft) {
      if (data.dek === PLACEHOLDER_DEK)
        problems.push({
          file: file.path,
          line: lineOf(p, ['dek']),
          field: 'dek',
          message: 'is still the placeholder from `npm run new`',
          hint: 'write the standfirst, or keep `draft: true` until it is written',
        });
      (data.sources as { url: string }[]).forEach((src, i) => {
        if (src.url === PLACEHOLDER_SOURCE.url)
          problems.push({
            file: file.path,
            line: lineOf(p, ['sources', i, 'url']),
            field: `sources[${i}].url`,
            message: 'is still the placeholder from `npm run new`',
            hint: 'link the real source, or keep `draft: true`',
          });
      });
    }
  }

  for (const { p, path, collection, id, entry } of pending) {
    if (!known[collection].has(id)) {
      const choices = [...known[collection]].filter((k) => k.includes(id) || id.includes(k) || distance(k, id, 2) <= 2).slice(0, 3);
      problems.push({
        file: p.file.path,
        line: lineOf(p, path),
        field: entry ? `${entry} › ${fieldName(path.slice(1))}` : fieldName(path),
        message: `unknown ${singular[collection]} "${id}"`,
        hint: choices.length
          ? `did you mean ${choices.map((c) => `"${c}"`).join(' or ')}?`
          : `no such id in content/${collection === 'topics' ? 'topics.yaml' : collection}`,
      });
    }
  }

  for (const { p, published, milestones } of newsPieces) {
    const stale = staleNews(
      published,
      milestones.flatMap((id) => milestoneDates.get(id) ?? []),
    );
    if (stale)
      warnings.push({
        file: p.file.path,
        line: lineOf(p, ['kind']),
        field: 'kind',
        message: `is "news", but the piece was published ${stale.days} days after the newest event it covers (${stale.newest})`,
        hint: `news is for events of the last ${NEWS_WINDOW_DAYS} days: use analysis, explainer or brief (docs/content-model.md, "Kinds")`,
      });
  }

  for (const r of componentRefs) {
    if (!known[r.collection].has(r.id))
      problems.push({
        file: r.file,
        line: r.line,
        field: `<${r.component}> ${r.prop}`,
        message: `unknown ${singular[r.collection]} "${r.id}"`,
        hint: `no such id in content/${r.collection === 'topics' ? 'topics.yaml' : r.collection}`,
      });
  }

  const routes = siteRoutes([...articleFiles.keys()], known, facts);
  const aliasSeen = new Map<string, string>();
  for (const { p, i, alias } of aliases) {
    if (routes.has(alias))
      problems.push({
        file: p.file.path,
        line: lineOf(p, ['aliases', i]),
        field: `aliases[${i}]`,
        message: `"${alias}" is a live page, so it cannot redirect`,
        hint: 'an alias must be a path that no longer exists',
      });
    const other = aliasSeen.get(alias);
    if (other)
      problems.push({ file: p.file.path, line: lineOf(p, ['aliases', i]), field: `aliases[${i}]`, message: `"${alias}" is already an alias of ${other}` });
    aliasSeen.set(alias, p.file.path);
  }

  for (const { file, lines } of bodies) {
    for (const { line, text } of lines) {
      for (const [re, message, hint] of FORBIDDEN) if (re.test(text)) problems.push({ file: file.path, line, message, hint });
      for (const link of text.matchAll(/\]\((\/[^)\s]*)\)/g)) {
        const target = link[1]!.split(/[?#]/)[0]!;
        if (!routes.has(target) && !routes.has(`${target}/`))
          problems.push({
            file: file.path,
            line,
            message: `link to "${link[1]}" does not match any page of the site`,
            hint: target.endsWith('/') ? 'check the id against content/' : 'site paths end with "/"',
          });
      }
    }
  }

  if (files.synonyms) problems.push(...checkSynonyms(files.synonyms));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, warnings, scheduled, routes };
}

/**
 * content/synonyms.yaml: a list of entries, each a list of at least two forms a reader may type for
 * one thing. A form that is empty, repeated in its entry, or in two entries (search would chain
 * them, so "a = b" and "b = c" make "a = c" without anyone writing it) is an error. Case and spacing
 * do not make two forms; a hyphen does (search reads "open-source" and "open source" differently).
 */
export function checkSynonyms(file: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const p = parseYaml(file, file.text, 0, problems);
  if (!p.doc) return problems;
  const entries = p.data ?? [];
  if (!Array.isArray(entries))
    return [{ file: file.path, line: 1, message: 'must be a list of entries, each a list of forms', hint: 'one entry a line: - [licence, license]' }];
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, i) => {
    const line = lineOf(p, [i]);
    const field = `entry ${i + 1}`;
    if (!Array.isArray(entry)) {
      problems.push({ file: file.path, line, field, message: 'must be a list of forms', hint: 'write it as - [licence, license]' });
      return;
    }
    const forms = entry.map((f: unknown) => (typeof f === 'string' || typeof f === 'number' ? String(f) : ''));
    const mine = new Set<string>();
    forms.forEach((form, j) => {
      const k = norm(form);
      if (!k) {
        problems.push({
          file: file.path,
          line: lineOf(p, [i, j]),
          field: `${field}, form ${j + 1}`,
          message: 'is empty',
          hint: 'remove it, or write the form',
        });
        return;
      }
      if (mine.has(k)) {
        problems.push({
          file: file.path,
          line: lineOf(p, [i, j]),
          field: `${field}, form ${j + 1}`,
          message: `"${form}" is already in this entry`,
          hint: 'case and spacing do not matter to search: one form is enough',
        });
        return;
      }
      mine.add(k);
      const other = seen.get(k);
      if (other !== undefined)
        problems.push({
          file: file.path,
          line: lineOf(p, [i, j]),
          field: `${field}, form ${j + 1}`,
          message: `"${form}" is also in entry ${other + 1}`,
          hint: 'a form belongs to one entry: merge the two entries into one',
        });
      else seen.set(k, i);
    });
    if (mine.size < 2 && forms.length > 0 && forms.every((f) => norm(f)))
      problems.push({ file: file.path, line, field, message: 'names only one form, a synonym of itself', hint: 'add the other spelling, or remove the entry' });
    if (forms.length === 0) problems.push({ file: file.path, line, field, message: 'is empty', hint: 'remove it, or list at least two forms' });
  });
  return problems;
}

/** Every page path the content produces (base not applied), for link checks. */
export interface RouteFacts {
  /** Values each timeline filter takes (the filter pages that get built). */
  facets: Record<'lab' | 'kind' | 'access' | 'year', Set<string>>;
  /** Years with at least one article (the archive's year pages). */
  articleYears: Set<string>;
}

export function siteRoutes(
  articleSlugs: string[],
  known: Record<Collection, Set<string>>,
  facts: RouteFacts = { facets: { lab: new Set(), kind: new Set(), access: new Set(), year: new Set() }, articleYears: new Set() },
): Set<string> {
  const r = new Set<string>([
    paths.home(),
    paths.archive(),
    paths.topics(),
    paths.labs(),
    paths.models(),
    paths.people(),
    paths.timeline(),
    paths.search(),
    paths.about(),
    paths.rss(),
    paths.atom(),
    paths.jsonFeed(),
    paths.timelineFeed('rss.xml'),
    paths.timelineFeed('atom.xml'),
    paths.timelineFeed('feed.json'),
    paths.data('milestones.json'),
    paths.data('milestones.csv'),
    paths.data('models.json'),
  ]);
  articleSlugs.forEach((s) => r.add(paths.article(s)));
  known.labs.forEach((id) => r.add(paths.lab(id)));
  for (const facet of ['lab', 'kind', 'access', 'year'] as const) facts.facets[facet].forEach((v) => r.add(paths.timelineFilter(facet, v)));
  facts.articleYears.forEach((y) => r.add(paths.archiveYear(y)));
  known.models.forEach((id) => r.add(paths.model(id)));
  known.people.forEach((id) => r.add(paths.person(id)));
  known.topics.forEach((id) => r.add(paths.topic(id)));
  if (known.authors.size) r.add(paths.authors());
  known.authors.forEach((id) => r.add(paths.author(id)));
  known.milestones.forEach((id) => r.add(paths.milestone(id)));
  return r;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}  ${p.field ? `${p.field}: ` : ''}${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}`;
}
