import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardHash, renderCard } from './og-image.ts';

const card = { kicker: 'analysis', title: 'How a hedge fund built DeepSeek', subtitle: 'A test card.', footer: 'Frontier Commons' };

describe('preview images: 1200×630, cached by content hash', () => {
  it.each([
    [card, card, true],
    [card, { ...card, title: 'Another title' }, false],
    [card, { ...card, subtitle: 'A changed dek.' }, false],
  ])('same hash for the same card only (%#)', (a, b, same) => expect(cardHash(a) === cardHash(b)).toBe(same));

  it('draws a 1200×630 PNG once, then serves the cached file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'og-'));
    const png = Buffer.from(await renderCard(card, dir));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const [file] = await readdir(dir);
    const before = (await stat(path.join(dir, file!))).mtimeMs;
    const again = Buffer.from(await renderCard(card, dir));
    expect(again.equals(png)).toBe(true);
    expect((await stat(path.join(dir, file!))).mtimeMs).toBe(before); // not redrawn
  });
});
