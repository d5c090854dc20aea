import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, inflateSync } from 'node:zlib';
import { cardHash, encodePng, renderCard } from './og-image.ts';

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

/** Splits a PNG into its chunks, checking each CRC. */
function chunks(png: Buffer) {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

describe('encodePng: the RGBA pixels, losslessly, in a valid PNG', () => {
  it.each([
    ['one pixel', 1, 1],
    ['a 3×2 image', 3, 2],
    ['a wide strip', 257, 1],
    ['a tall strip', 1, 5],
  ])('%s', (_, width, height) => {
    // Bytes that make every borrow case happen: above bigger, smaller, equal, and 0x00/0xff edges.
    const rgba = new Uint8Array(width * height * 4).map((_, i) => [0, 255, 128, 127, 1, 254][(i * 7 + (i >> 2)) % 6]! ^ ((i * 37) % 3));
    const png = Buffer.from(encodePng(rgba, width, height));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([width, height, 8, 6]);
    const raw = inflateSync(list[1]!.data);
    expect(raw.length).toBe((width * 4 + 1) * height);
    // Undo the row filters (0: none; 2: Up, the difference from the row above), then compare.
    const row = width * 4 + 1;
    const pixels: number[] = [];
    for (let y = 0; y < height; y++) {
      const filter = raw[y * row]!;
      expect([0, 2]).toContain(filter);
      for (let k = 0; k < width * 4; k++) pixels.push(filter === 2 ? (raw[y * row + 1 + k]! + pixels[(y - 1) * width * 4 + k]!) & 255 : raw[y * row + 1 + k]!);
    }
    expect(pixels).toEqual([...rgba]);
  });
});
