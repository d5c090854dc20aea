/**
 * A zip file from entries compressed ahead of time. fflate writes the container; the deflating is
 * done by `packEntry` (Node's zlib), so a caller can keep packed entries between builds and only
 * compress what changed. The same entries always give the same bytes.
 */
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

const deflate = promisify(deflateRaw);

/** One file, already deflated: what the zip needs of it besides its name. */
export interface Packed { crc: number; size: number; data: Uint8Array<ArrayBuffer> }

export async function packEntry(bytes: Uint8Array): Promise<Packed> {
  return { crc: crc32(bytes), size: bytes.byteLength, data: new Uint8Array(await deflate(bytes, { level: 6 })) };
}

/**
 * One piece of a large file, deflated on its own: it ends with a full flush instead of a last
 * block, so it starts from nothing (as if alone) and ends on a byte boundary. Pieces deflated so
 * and joined in order, then `LAST_BLOCK`, are one deflate stream of the whole file (as pigz makes
 * them), and a piece can be kept and reused while others change. Its `crc` is the piece's own.
 */
export async function packPiece(bytes: Uint8Array): Promise<Packed> {
  return { crc: crc32(bytes), size: bytes.byteLength, data: new Uint8Array(await deflate(bytes, { level: 6, finishFlush: constants.Z_FULL_FLUSH })) };
}

/** The empty last block that ends a deflate stream. */
const LAST_BLOCK = deflateRawSync(new Uint8Array(0));

/** The file that `pieces` (each as its bytes and as `packPiece` deflated it) make, in order, as one entry. */
export function joinPieces(pieces: { bytes: Uint8Array; packed: Packed }[]): Packed {
  const data = Buffer.concat([...pieces.map((p) => p.packed.data), LAST_BLOCK]);
  return {
    crc: pieces.reduce((crc, p) => crc32(p.bytes, crc), 0),
    size: pieces.reduce((n, p) => n + p.bytes.byteLength, 0),
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) as Uint8Array<ArrayBuffer>,
  };
}

/**
 * The zip of `entries` in the order given, every file dated `mtime`, as the pieces fflate made, to
 * write one after the other (a file of 40 MB at 5,000 articles need not be copied into one buffer).
 */
export function zipChunks(entries: [name: string, packed: Packed][], mtime: Date): Uint8Array[] {
  // Without zip64, a zip holds at most 65,535 entries and 4 GiB.
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} entries is more than 65,535 (zip64 is not supported)`);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => { if (error) failure = error; else chunks.push(chunk); });
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
