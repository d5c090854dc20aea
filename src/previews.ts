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
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parse } from 'yaml';
import { cardFile, type Card } from './lib/og-image.ts';
import type { Done, Job } from './lib/og-worker.ts';
import { site } from './site.ts';

/** The line at the foot of every card. */
export const cardFooter = `${site.title} · ${site.tagline}`;
/** An article's card: its kind, headline and dek. */
export const articleCard = (a: { kind: string; title: string; dek: string }): Card => ({ kicker: a.kind, title: a.title, subtitle: a.dek, footer: cardFooter });

/** Draws cards in worker threads, at most two in flight per worker (one laid out while one is written). */
export class CardPool {
  #workers: Worker[] = [];
  #queue: Job[] = [];
  #waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  #byFile = new Map<string, Promise<void>>();
  /** A worker appears here once per card it could take now. */
  #idle: Worker[] = [];
  #next = 0;
  drawn = 0;
  get size() { return this.#workers.length; }

  constructor(size = 1) { this.grow(size); }

  /** Adds `count` workers; each takes two queued cards at once. */
  grow(count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(fileURLToPath(new URL('./lib/og-worker.ts', import.meta.url)));
      worker.on('message', ({ id, drew, error }: Done) => {
        const job = this.#waiting.get(id)!;
        this.#waiting.delete(id);
        if (error) job.reject(new Error(`a preview image could not be drawn: ${error}`));
        else { if (drew) this.drawn++; job.resolve(); }
        this.#give(worker);
      });
      worker.on('error', (e) => { for (const job of this.#waiting.values()) job.reject(e); this.#waiting.clear(); });
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

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * The articles' cards as their frontmatter gives them, for a head start before Astro has the
 * content. Files it cannot read are skipped: the content check reports them, and Astro's list is
 * what counts.
 */
export async function guessArticleCards(files: { text: string }[]): Promise<Card[]> {
  const cards: Card[] = [];
  for (const { text } of files) {
    try {
      const data = parse(FRONTMATTER.exec(text)?.[1] ?? '') as Record<string, unknown> | null;
      const { kind, title, dek } = data ?? {};
      if (typeof kind === 'string' && typeof title === 'string' && typeof dek === 'string') cards.push(articleCard({ kind, title, dek }));
    } catch { /* reported by the content check */ }
  }
  return cards;
}

/** Starts the build's pool: one worker, fed the articles' cards from `files`. */
export function startPreviews(files: Promise<{ text: string }[]>, cacheDir: string): CardPool {
  const pool = new CardPool(os.availableParallelism() > 1 ? 1 : 0);
  void files.then(guessArticleCards).then((cards) => { for (const card of cards) void pool.draw(card, cacheDir); }, () => { /* the check reports unreadable content */ });
  return pool;
}
