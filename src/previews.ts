/**
 * Preview images for the build, drawn in worker threads while Astro renders pages on the main
 * thread. The /og/ route hands every card over in getStaticPaths (Astro collects all paths before
 * it renders any), so drawing starts at once; each image's route then only waits for its file.
 * Cards already in the cache (keyed by content hash) are not drawn again. In dev, cards are drawn
 * on request on the main thread.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { cardFile, renderCard, type Card } from './lib/og-image.ts';
import type { Done, Job } from './lib/og-worker.ts';
import { ogCacheDir } from './site.ts';

/** The worker script's absolute path, set by astro.config.ts (the bundle cannot point at src/). */
const workerScript = process.env.FC_OG_WORKER;

class Pool {
  /** Free slots: each worker appears once per card it may still take (two: one laid out while one rasterises). */
  #idle: Worker[] = [];
  #inFlight = new Map<Worker, number>();
  #queue: Job[] = [];
  #waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  #files = new Map<string, Promise<void>>();
  #next = 0;

  constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.on('message', ({ id, error }: Done) => {
        const job = this.#waiting.get(id);
        this.#waiting.delete(id);
        if (error) job?.reject(new Error(`preview image could not be drawn: ${error}`));
        else job?.resolve();
        this.#give(worker);
      });
      worker.on('error', (e) => { for (const job of this.#waiting.values()) job.reject(e); this.#waiting.clear(); });
      this.#inFlight.set(worker, 2);
      this.#give(worker);
      this.#give(worker);
    }
  }

  /**
   * A worker that just finished a card (or just started) takes the next one. At most two cards are
   * in flight per worker: handed them all at once, a worker would start every drawing together and
   * hold every bitmap (it reached 21 GB at 5,000 articles). A worker with nothing in flight is
   * unref'd, so it does not keep the process alive once the build is done.
   */
  #give(worker: Worker) {
    const job = this.#queue.shift();
    if (!job) {
      const left = this.#inFlight.get(worker)! - 1;
      this.#inFlight.set(worker, left);
      if (left === 0) worker.unref();
      this.#idle.push(worker);
      return;
    }
    worker.ref();
    worker.postMessage(job);
  }

  /** Starts drawing a card unless it is cached or already on its way; resolves when the file exists. */
  draw(card: Card): Promise<void> {
    const file = cardFile(card, ogCacheDir);
    let pending = this.#files.get(file);
    if (!pending) {
      if (existsSync(file)) pending = Promise.resolve();
      else {
        const id = this.#next++;
        pending = new Promise<void>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
        this.#queue.push({ id, card, file });
        const idle = this.#idle.pop();
        if (idle) { this.#inFlight.set(idle, this.#inFlight.get(idle)! + 1); this.#give(idle); }
      }
      this.#files.set(file, pending);
    }
    return pending;
  }
}

let pool: Pool | undefined;
const usePool = () => !import.meta.env.DEV && workerScript !== undefined;

/** Queues every card, so workers draw them while pages render. */
export function prefetchPreviews(cards: Card[]): void {
  if (!usePool()) return;
  pool ??= new Pool(workerScript!, Math.max(1, os.availableParallelism()));
  for (const card of cards) void pool.draw(card).catch(() => { /* reported by preview() */ });
}

/** The PNG of a card: from a worker in the build, drawn here in dev. */
export async function preview(card: Card): Promise<Uint8Array> {
  if (!usePool()) return renderCard(card, ogCacheDir);
  pool ??= new Pool(workerScript!, Math.max(1, os.availableParallelism()));
  await pool.draw(card);
  return readFile(cardFile(card, ogCacheDir));
}
