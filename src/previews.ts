/**
 * Preview cards drawn in worker threads (src/lib/og-worker.ts) into the cache folder.
 *
 * The build draws them in two places. While Astro renders pages (on one core), the og route's
 * getStaticPaths hands every card not yet cached to one worker on a spare core; that worker does
 * not keep Astro's process alive. After Astro, src/integrations/generated-files.ts draws whatever
 * is still missing on every core and copies the files into the site. A card is written under a
 * temporary name and renamed, so a drawing cut short by Astro's exit leaves no half file.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Card } from './lib/og-image.ts';
import type { Done, Job } from './lib/og-worker.ts';
import { ogCacheDir } from './site.ts';

/** Draws cards in worker threads, at most two in flight per worker (one laid out while one is written). */
export class CardPool {
  #workers: Worker[] = [];
  #queue: Job[] = [];
  #waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  #next = 0;
  drawn = 0;

  /** `background`: the workers never keep the process alive (what they have not drawn when it exits is left). */
  constructor(script: string, size: number, { background = false } = {}) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(script);
      if (background) worker.unref();
      worker.on('message', ({ id, error }: Done) => {
        const job = this.#waiting.get(id)!;
        this.#waiting.delete(id);
        if (error) job.reject(new Error(`a preview image could not be drawn: ${error}`));
        else { this.drawn++; job.resolve(); }
        this.#give(worker);
      });
      worker.on('error', (e) => { for (const job of this.#waiting.values()) job.reject(e); this.#waiting.clear(); });
      this.#workers.push(worker);
    }
  }

  #give(worker: Worker) {
    const job = this.#queue.shift();
    if (job) worker.postMessage(job);
  }

  /** Resolves once the card's file is in `cacheDir` (drawn unless it already was). */
  draw(card: Card, cacheDir: string): Promise<void> {
    const id = this.#next++;
    const done = new Promise<void>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    this.#queue.push({ id, card, cacheDir });
    // Until every worker has two cards, a new card goes straight to one.
    if (this.#next <= this.#workers.length * 2) this.#give(this.#workers[id % this.#workers.length]!);
    return done;
  }

  close = () => Promise.all(this.#workers.map((w) => w.terminate()));
}

/**
 * In `astro build`: starts drawing every card, on one worker if the machine has a core to spare
 * besides Astro's. The worker skips cards already cached (it names files: the hash covers the
 * drawing code, which this bundled copy cannot read). Failures are left for the after-build step,
 * which draws again and reports.
 */
export function prefetchPreviews(cards: Card[]): void {
  const script = process.env.FC_OG_WORKER; // set by astro.config.mjs: the bundle cannot point at src/
  if (!script || os.availableParallelism() < 2 || !cards.length) return;
  const cacheDir = path.resolve(ogCacheDir);
  const pool = new CardPool(script, 1, { background: true });
  for (const card of cards) pool.draw(card, cacheDir).catch(() => { /* drawn again, and reported, after Astro */ });
}
