/**
 * A synthetic corpus for the benchmark: N articles of ~900 words of varied prose, with frontmatter
 * that references the real labs, models, topics and milestones, plus the real knowledge base.
 * Deterministic: the same N gives the same files.
 */
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';

function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = ['In the months that followed', 'By most accounts', 'According to the lab', 'Seen from outside', 'For developers', 'On paper', 'In practice', 'Looking back', 'Across the industry', 'For smaller teams'];
const VERBS = ['released', 'described', 'trained', 'published', 'licensed', 'benchmarked', 'distilled', 'documented', 'revised', 'open-sourced'];
const OBJECTS = ['a family of open-weight models', 'the weights and the training code', 'a technical report with its methods', 'a permissive licence for commercial use', 'smaller distilled variants', 'an inference stack for its clusters', 'a new attention mechanism', 'evaluation results on public benchmarks', 'a mixture-of-experts design', 'its data-filtering pipeline'];
const CLAUSES = ['which drew attention from researchers and investors alike', 'though the figures were the company\'s own', 'a choice that shaped how others licensed their work', 'while the cost of the hardware went unreported', 'and the release came with usage restrictions', 'which made the model easy to run on a single server', 'although independent tests were slower to arrive', 'as export rules tightened around the chips it used', 'a pattern repeated across the following year', 'and the community produced fine-tunes within days'];
const WORDS = 'model weights licence training inference parameters tokens cluster researchers benchmark release open source community hardware export controls efficiency attention experts dataset evaluation reasoning'.split(' ');

export interface CorpusRefs { labs: string[]; topics: string[]; models: string[]; milestones: string[] }

export function article(i: number, refs: CorpusRefs): string {
  const r = rng(i + 1);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const lab = pick(refs.labs);
  const topic = pick(refs.topics);
  const model = pick(refs.models);
  const ms = pick(refs.milestones);
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 2400) * 86400000).toISOString().slice(0, 10);
  const word = () => pick(WORDS);
  const sentence = () => `${pick(OPENERS)}, the team ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(CLAUSES)}; observers noted the ${word()} and the ${word()} ${word()}.`;
  const paragraphs: string[] = [];
  for (let p = 0; p < 15; p++) {
    if (p % 4 === 0) paragraphs.push(`## ${pick(OPENERS)} ${i}-${p}`);
    const n = 3 + Math.floor(r() * 2);
    const text = Array.from({ length: n }, sentence).join(' ');
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
export async function writeCorpus(n: number, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  for (const sub of ['labs', 'models', 'people', 'milestones']) await cp(path.join('content', sub), path.join(dir, sub), { recursive: true });
  await cp('content/topics.yaml', path.join(dir, 'topics.yaml'));
  const ids = async (sub: string) => (await readdir(path.join('content', sub))).map((f) => f.replace(/\.yaml$/, ''));
  const milestones: string[] = [];
  for (const f of await readdir('content/milestones')) milestones.push(...(parse(await readFile(path.join('content/milestones', f), 'utf8')) as { id: string }[]).map((m) => m.id));
  const refs: CorpusRefs = {
    labs: (await ids('labs')).filter((l) => l !== 'us-commerce-bis'),
    models: await ids('models'),
    topics: (parse(await readFile('content/topics.yaml', 'utf8')) as { id: string }[]).map((t) => t.id),
    milestones,
  };
  const width = String(n).length;
  for (let i = 1; i <= n; i++) await writeFile(path.join(dir, 'articles', `synthetic-${String(i).padStart(width, '0')}.${isMdx(i) ? 'mdx' : 'md'}`), article(i, refs));
}
