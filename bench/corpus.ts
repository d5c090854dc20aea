/**
 * A synthetic corpus for the benchmark: N articles of ~1,400 words (15 paragraphs under 4 headings), with
 * frontmatter that references the real labs, models, topics and milestones, plus the real knowledge
 * base. The prose is sampled from the launch edition's sentences, or made from a template (see
 * `Prose`). Deterministic: the same N and kind give the same files.
 */
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = [
  'In the months that followed',
  'By most accounts',
  'According to the lab',
  'Seen from outside',
  'For developers',
  'On paper',
  'In practice',
  'Looking back',
  'Across the industry',
  'For smaller teams',
];
const VERBS = ['released', 'described', 'trained', 'published', 'licensed', 'benchmarked', 'distilled', 'documented', 'revised', 'open-sourced'];
const OBJECTS = [
  'a family of open-weight models',
  'the weights and the training code',
  'a technical report with its methods',
  'a permissive licence for commercial use',
  'smaller distilled variants',
  'an inference stack for its clusters',
  'a new attention mechanism',
  'evaluation results on public benchmarks',
  'a mixture-of-experts design',
  'its data-filtering pipeline',
];
const CLAUSES = [
  'which drew attention from researchers and investors alike',
  "though the figures were the company's own",
  'a choice that shaped how others licensed their work',
  'while the cost of the hardware went unreported',
  'and the release came with usage restrictions',
  'which made the model easy to run on a single server',
  'although independent tests were slower to arrive',
  'as export rules tightened around the chips it used',
  'a pattern repeated across the following year',
  'and the community produced fine-tunes within days',
];
const WORDS =
  'model weights licence training inference parameters tokens cluster researchers benchmark release open source community hardware export controls efficiency attention experts dataset evaluation reasoning'.split(
    ' ',
  );

export interface CorpusRefs {
  labs: string[];
  topics: string[];
  models: string[];
  milestones: string[];
}

/**
 * The prose of the launch edition's articles as sentences, one list per article, for `sampled`
 * prose. Links keep their text, emphasis and code marks go, headings, tables, quotes and HTML are
 * left out; sentences with characters MDX reads as syntax are dropped, so every piece parses.
 */
export function sentencesOf(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const text = body
    .split(/\n{2,}/)
    .filter((block) => !/^\s*(#|\||>|<|import |export |```|\[\^)/.test(block))
    .map((block) => block.replace(/^\s*([-*]|\d+\.)\s+/gm, '').replace(/\s*\n\s*/g, ' '))
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]*\]/g, '')
    .replace(/[*_`]/g, '');
  return text
    .split(/(?<=[.!?])\s+(?=["“(A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4 && !/[{}<>[\]\\|#]/.test(s));
}

/**
 * How an article's prose is made. `template`: sentences from a fixed template over a vocabulary of
 * 168 words, so every word is in nearly every article (text that compresses far better than prose,
 * and costs a search index far less).
 * `sampled`: sentences of the launch edition's own articles, 70% dealt from one article (its theme),
 * the rest picked from any article, so words have the frequencies and the clustering of real prose, from a
 * vocabulary still far smaller than a real archive's.
 */
export type Prose = { kind: 'template' } | { kind: 'sampled'; articles: string[][] };

export function article(i: number, refs: CorpusRefs, prose: Prose = { kind: 'template' }): string {
  const r = rng(i + 1);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const lab = pick(refs.labs);
  const topic = pick(refs.topics);
  const model = pick(refs.models);
  const ms = pick(refs.milestones);
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 2400) * 86400000).toISOString().slice(0, 10);
  const word = () => pick(WORDS);
  const templated = () =>
    `${pick(OPENERS)}, the team ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(CLAUSES)}; observers noted the ${word()} and the ${word()} ${word()}.`;
  // Sampled prose deals the theme's sentences in a shuffled order, so a piece repeats one only
  // once it has used them all.
  const theme = prose.kind === 'sampled' ? pick(prose.articles) : [];
  let deck: string[] = [];
  const dealt = () => {
    if (!deck.length) {
      deck = [...theme];
      for (let k = deck.length - 1; k > 0; k--) {
        const j = Math.floor(r() * (k + 1));
        [deck[k], deck[j]] = [deck[j]!, deck[k]!];
      }
    }
    return deck.pop()!;
  };
  const sampled = () => (r() < 0.7 ? dealt() : pick(pick(prose.kind === 'sampled' ? prose.articles : [])));
  const paragraphs: string[] = [];
  for (let p = 0; p < 15; p++) {
    if (p % 4 === 0) paragraphs.push(`## ${pick(OPENERS)} ${i}-${p}`);
    const n = 3 + Math.floor(r() * 2);
    // Sampled prose: sentences until the paragraph has as many words as a templated one (~27 a
    // sentence), so both kinds of corpus have the same length.
    let text: string;
    if (prose.kind === 'template') text = Array.from({ length: n }, templated).join(' ');
    else {
      const parts: string[] = [];
      for (let words = 0; words < n * 27 - 14;) {
        const s = sampled();
        parts.push(s);
        words += s.split(/\s+/).length;
      }
      text = parts.join(' ');
    }
    paragraphs.push(p === 1 ? `${text} See [the lab's profile](/labs/${lab}/) and [the event](/timeline/${ms}/).` : text);
  }
  return `---
title: "Synthetic piece ${i}: ${pick(VERBS)} ${pick(OBJECTS)}"
dek: "A generated article for the benchmark, about ${word()} and ${word()}, number ${i}."
published: '${day}'
kind: ${pick(['news', 'analysis', 'explainer', 'brief'])}
labs: [${lab}]
models: [${model}]
topics: [${topic}]
milestones: [${ms}]
sources:
  - title: "Source for piece ${i}"
    url: https://example.org/source/${i}
---

${paragraphs.join('\n\n')}
`;
}

/** One article in ten is MDX, as a piece with a component would be; the rest are plain Markdown, like the launch edition. */
export const isMdx = (i: number) => i % 10 === 0;

/** Writes content/ for N articles into `dir`: the real knowledge base plus generated articles. */
export async function writeCorpus(n: number, dir: string, prose: Prose['kind']): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  for (const sub of ['labs', 'models', 'people', 'milestones']) await cp(path.join('content', sub), path.join(dir, sub), { recursive: true });
  await cp('content/topics.yaml', path.join(dir, 'topics.yaml'));
  const ids = async (sub: string) => (await readdir(path.join('content', sub))).map((f) => f.replace(/\.yaml$/, ''));
  const milestones: string[] = [];
  for (const f of await readdir('content/milestones'))
    milestones.push(...(parse(await readFile(path.join('content/milestones', f), 'utf8')) as { id: string }[]).map((m) => m.id));
  const refs: CorpusRefs = {
    labs: (await ids('labs')).filter((l) => l !== 'us-commerce-bis'),
    models: await ids('models'),
    topics: (parse(await readFile('content/topics.yaml', 'utf8')) as { id: string }[]).map((t) => t.id),
    milestones,
  };
  // A piece with images is a folder (<slug>/index.mdx): read every piece, wherever it is.
  const sources = (await readdir('content/articles', { recursive: true })).filter((f) => /\.mdx?$/.test(f)).sort();
  const kind: Prose =
    prose === 'template'
      ? { kind: 'template' }
      : { kind: 'sampled', articles: await Promise.all(sources.map(async (f) => sentencesOf(await readFile(path.join('content/articles', f), 'utf8')))) };
  const width = String(n).length;
  for (let i = 1; i <= n; i++)
    await writeFile(path.join(dir, 'articles', `synthetic-${String(i).padStart(width, '0')}.${isMdx(i) ? 'mdx' : 'md'}`), article(i, refs, kind));
}
