import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleCard } from '../lib/cards.ts';
import type { Card } from '../lib/og-card.ts';
import { drawCards } from './generated-files.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const cacheDir = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'fc-cards-'));
  dirs.push(d);
  return d;
};

describe('drawCards: preview images drawn once, in worker threads, into the cache', () => {
  it('draws each card once, and nothing when the cache has them', async () => {
    const dir = await cacheDir();
    const a = articleCard({ kind: 'news', title: 'DeepSeek 梁文锋', dek: 'D' });
    const b = articleCard({ kind: 'analysis', title: 'Qwen3', dek: 'D' });
    expect(await drawCards([a, b, a], dir)).toBe(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(await drawCards([a, b], dir)).toBe(0);
  }, 60_000);

  it("a card that cannot be drawn fails the build with the card's title and the reason", async () => {
    const broken = { ...articleCard({ kind: 'news', title: 'Broken', dek: 'D' }), facts: 'not a list' } as unknown as Card;
    await expect(drawCards([broken], await cacheDir())).rejects.toThrow(/could not be drawn \("Broken"\)/);
  }, 60_000);
});
