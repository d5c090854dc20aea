/**
 * Preview cards: what an article's card shows, and the worker threads (src/lib/og-worker.ts) that
 * draw cards into the cache folder.
 *
 * scripts/build.ts keeps one pool for the whole build. Before Astro starts, it reads the articles'
 * frontmatter and queues their cards on one worker, which draws on the core Astro leaves free
 * (Astro renders on one thread). After Astro, src/integrations/generated-files.ts gives the pool
 * Astro's exact list, adds workers, and waits for every card. The early list is only a head start:
 * a card it missed is drawn then, and one it drew for nothing (a draft, say) is pruned from the cache.
 */
import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parse } from 'yaml';
import { articleCard } from './lib/cards.ts';
import { cardFile, type Card } from './lib/og-card.ts';
import { FRONTMATTER, peekValue } from './lib/frontmatter-peek.ts';
import type { Done, Job } from './lib/og-worker.ts';

// Every page type's card is in lib/cards.ts; an article's is also guessed here, before Astro.
export { articleCard, cardFooter } from './lib/cards.ts';

/** Draws cards in worker threads, at most two in flight per worker (one laid out while one is written). */
export class CardPool {
  #workers: Worker[] = [];
  #queue: Job[] = [];
  #waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  #byFile = new Map<string, Promise<void>>();
  #broken: Error | undefined;
  /** A worker appears here once per card it could take now. */
  #idle: Worker[] = [];
  #next = 0;
  drawn = 0;
  get size() { return this.#workers.length; }

  constructor(size = 1) { this.grow(size); }

  /** Adds `count` workers; each takes two queued cards at once. */
  grow(count: number) {
    for (let i = 0; i < count; i++) {
      // A small heap: the worker then collects its garbage (a card's buffers) often instead of growing.
      const worker = new Worker(fileURLToPath(new URL('./lib/og-worker.ts', import.meta.url)), { resourceLimits: { maxOldGenerationSizeMb: 96 } });
      worker.on('message', ({ id, drew, error }: Done) => {
        const job = this.#waiting.get(id)!;
        this.#waiting.delete(id);
        if (error) job.reject(new Error(`a preview image could not be drawn: ${error}`));
        else { if (drew) this.drawn++; job.resolve(); }
        this.#give(worker);
      });
      // A worker that dies takes the pool with it: every card waiting or queued fails, and so does
      // every later one, so the build stops with the error instead of waiting for ever.
      worker.on('error', (e) => {
        this.#broken = e;
        for (const job of this.#waiting.values()) job.reject(e);
        this.#waiting.clear();
        this.#queue = [];
      });
      this.#workers.push(worker);
      this.#give(worker);
      this.#give(worker);
    }
  }

  #give(worker: Worker) {
    const job = this.#queue.shift();
    if (job) worker.postMessage(job);
    else this.#idle.push(worker);
  }

  /** Resolves once the card's file is in `cacheDir` (the worker skips a card already there). Each file is queued once. */
  draw(card: Card, cacheDir: string): Promise<void> {
    if (this.#broken) return Promise.reject(this.#broken);
    const file = cardFile(card, cacheDir);
    let done = this.#byFile.get(file);
    if (done) return done;
    const id = this.#next++;
    done = new Promise<void>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    done.catch(() => { /* thrown to whoever awaits it */ });
    this.#byFile.set(file, done);
    this.#queue.push({ id, card, cacheDir });
    const idle = this.#idle.shift();
    if (idle) this.#give(idle);
    return done;
  }

  close = () => Promise.all(this.#workers.map((w) => w.terminate()));
}

/**
 * The articles' cards as their frontmatter gives them, for a head start before Astro has the
 * content. Files it cannot read are skipped: the content check reports them, and Astro's list is
 * what counts.
 */
export async function guessArticleCards(files: { text: string }[]): Promise<Card[]> {
  const cards: Card[] = [];
  for (const { text } of files) {
    const front = FRONTMATTER.exec(text)?.[1];
    if (front === undefined) continue;
    let [kind, title, dek] = ['kind', 'title', 'dek'].map((k) => peekValue(front, k));
    if (kind === undefined || title === undefined || dek === undefined) {
      try {
        const data = (parse(front) ?? {}) as Record<string, unknown>;
        [kind, title, dek] = [data.kind, data.title, data.dek].map((v) => (typeof v === 'string' ? v : undefined));
      } catch { continue; /* reported by the content check */ }
    }
    if (kind !== undefined && title !== undefined && dek !== undefined) cards.push(articleCard({ kind, title, dek }));
  }
  return cards;
}

/**
 * Starts the build's pool: one worker, fed the cards of the articles in `articlesDir` once `when`
 * settles true (nothing is queued if it settles false). The files are read 64 at a time and dropped
 * once parsed, so the head start holds no copy of the content.
 */
export function startPreviews(articlesDir: string, cacheDir: string, when: Promise<boolean> = Promise.resolve(true)): CardPool {
  const pool = new CardPool(os.availableParallelism() > 1 ? 1 : 0);
  void (async () => {
    if (!(await when)) return;
    const files = (await readdir(articlesDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && /\.mdx?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
    for (let i = 0; i < files.length; i += 64) {
      const texts = await Promise.all(files.slice(i, i + 64).map(async (f) => ({ text: await readFile(f, 'utf8') })));
      for (const card of await guessArticleCards(texts)) void pool.draw(card, cacheDir);
    }
  })().catch(() => { /* unreadable content: the check reports it, and Astro's list is drawn after */ });
  return pool;
}
