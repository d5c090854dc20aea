/**
 * A zip file from entries deflated ahead of time by `packEntry` (Node's zlib, on its thread pool, so
 * files deflate side by side); fflate writes the container. The same entries always give the same bytes.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

const deflate = promisify(deflateRaw);

/** One file, already deflated: what the zip needs of it besides its name. */
export interface Packed {
  crc: number;
  size: number;
  data: Uint8Array<ArrayBuffer>;
}

export async function packEntry(bytes: Uint8Array): Promise<Packed> {
  return { crc: crc32(bytes), size: bytes.byteLength, data: new Uint8Array(await deflate(bytes, { level: 6 })) };
}

/**
 * The zip of `entries` in the order given, every file dated `mtime`, as the pieces fflate made, to
 * write one after the other, so a large archive is never copied into one buffer.
 */
export function zipChunks(entries: [name: string, packed: Packed][], mtime: Date): Uint8Array[] {
  // Without zip64, a zip holds at most 65,535 entries and 4 GiB.
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} entries is more than 65,535 (zip64 is not supported)`);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, { crc, size, data }] of entries) {
    const file: ZipInputFile = { filename, size, crc, compression: 8, mtime };
    zip.add(file);
    file.ondata!(null, data, true);
  }
  zip.end();
  if (failure) throw failure;
  if (chunks.reduce((n, c) => n + c.byteLength, 0) > 0xffffffff) throw new Error('zip: larger than 4 GiB (zip64 is not supported)');
  return chunks;
}
