import { crc32, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { joinPieces, packEntry, packPiece, zipChunks, type Packed } from './zip.ts';

/** The pieces joined, as the file on disk holds them. */
const zipPacked = (entries: [string, Packed][], mtime: Date) => Buffer.concat(zipChunks(entries, mtime));

const enc = new TextEncoder();
const files: [string, Uint8Array][] = [
  ['archive/README.txt', enc.encode('Open index.html.\n')],
  ['archive/empty.txt', new Uint8Array(0)],
  ['archive/labs/梁文锋/index.html', enc.encode('<h1>梁文锋</h1>'.repeat(500))],
  ['archive/og.png', Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)],
];
const mtime = new Date('2026-11-28T00:00:00Z');

/** The CRC-32 each central-directory record states, by file name. */
function statedCrcs(zip: Uint8Array): Map<string, number> {
  const view = Buffer.from(zip);
  const out = new Map<string, number>();
  for (let at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const nameLength = view.readUInt16LE(at + 28);
    out.set(view.toString('utf8', at + 46, at + 46 + nameLength), view.readUInt32LE(at + 16));
  }
  return out;
}

describe('zipChunks: files deflated ahead of time make a valid, stable zip', () => {
  it.each(files.map(([name, bytes]) => [name, bytes] as const))('%s comes back unchanged, with its CRC stated', async (name) => {
    const zip = zipPacked(await Promise.all(files.map(async ([n, b]) => [n, await packEntry(b)] as [string, Awaited<ReturnType<typeof packEntry>>])), mtime);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(files.map(([n]) => n));
    const original = files.find(([n]) => n === name)![1];
    expect(Buffer.from(back[name]!).equals(Buffer.from(original))).toBe(true);
    expect(statedCrcs(zip).get(name)).toBe(crc32(original));
  });

  it('the same entries give the same bytes', async () => {
    const packed = await Promise.all(files.map(async ([n, b]) => [n, await packEntry(b)] as [string, Awaited<ReturnType<typeof packEntry>>]));
    expect(Buffer.from(zipPacked(packed, mtime)).equals(Buffer.from(zipPacked(packed, mtime)))).toBe(true);
  });

  it('refuses more entries than a zip without zip64 holds', async () => {
    const one = await packEntry(enc.encode('x'));
    expect(() => zipPacked(Array.from({ length: 65_536 }, (_, i) => [`f${i}`, one] as [string, typeof one]), mtime)).toThrow(/65,535/);
  });
});

describe('packPiece and joinPieces: pieces deflated each on its own, joined, are one entry of the whole file', () => {
  const text = enc.encode('window.FC_INDEX=[' + Array.from({ length: 3000 }, (_, i) => `{"u":"p${i}","x":"梁文锋 text ${i % 97}"}`).join(',') + '];\n');
  it.each([
    ['one piece', [text.length]],
    ['three pieces', [1000, 50_000, text.length]],
    ['with an empty piece', [0, 70_000, 70_000, text.length]],
  ] as [string, number[]][])('%s: inflates to the file and unzips with its CRC', async (_case, ends) => {
    const pieces = ends.map((end, i) => text.subarray(i ? ends[i - 1]! : 0, end));
    const joined = joinPieces(await Promise.all(pieces.map(async (bytes) => ({ bytes, packed: await packPiece(bytes) }))));
    expect(Buffer.from(inflateRawSync(joined.data)).equals(Buffer.from(text))).toBe(true);
    expect(joined.crc).toBe(crc32(text));
    expect(joined.size).toBe(text.length);
    const back = unzipSync(zipPacked([['archive/search-index.js', joined]], mtime));
    expect(Buffer.from(back['archive/search-index.js']!).equals(Buffer.from(text))).toBe(true);
  });
});
