import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packEntry, zipChunks, type Packed } from './zip.ts';

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
    expect(() =>
      zipPacked(
        Array.from({ length: 65_536 }, (_, i) => [`f${i}`, one] as [string, typeof one]),
        mtime,
      ),
    ).toThrow(/65,535/);
  });
});
