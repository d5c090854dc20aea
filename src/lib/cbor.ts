/**
 * Every text string in a CBOR document (RFC 8949), wherever it sits. Pagefind's metadata file is
 * CBOR, and the build reads it to learn which index files are still in use (pagefind.ts). Throws
 * on anything that is not well-formed CBOR, so a format it does not know is never half-read.
 */
export function cborStrings(bytes: Uint8Array): Set<string> {
  const out = new Set<string>();
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const need = (n: number) => { if (at + n > bytes.length) throw new Error(`CBOR: ends inside an item at byte ${at}`); };
  /** The argument of the head at `at` (a length, a count or a value); -1 for "indefinite". */
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 31) return -1;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error(`CBOR: reserved additional information ${info} at byte ${at - 1}`);
    need(size);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at++]!;
    return value;
  };
  const item = (): void => {
    need(1);
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    if (major === 7 && info === 31) throw new Error(`CBOR: unexpected "break" at byte ${at - 1}`);
    const n = argument(info);
    if (major === 0 || major === 1 || major === 7) return; // numbers and simple values (their bytes were read as the argument)
    if (major === 6) return item(); // a tag: the tagged item follows
    if (major === 2 || major === 3) {
      if (n === -1) { while (bytes[at] !== 0xff) item(); at++; return; } // chunks, then "break"
      need(n);
      if (major === 3) out.add(text.decode(bytes.subarray(at, at + n)));
      at += n;
      return;
    }
    const count = major === 5 ? 2 : 1; // a map holds pairs
    if (n === -1) { while (need(1), bytes[at] !== 0xff) item(); at++; return; }
    for (let i = 0; i < n * count; i++) item();
  };
  while (at < bytes.length) item();
  return out;
}
