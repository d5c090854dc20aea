import { describe, expect, it } from 'vitest';
import { cborStrings } from './cbor.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const str = (s: string) => { const e = new TextEncoder().encode(s); return [0x60 + e.length, ...e]; };

describe('cborStrings: every text string of a CBOR document, or an error', () => {
  it.each([
    ['one string', bytes(...str('en_10c8f4d')), ['en_10c8f4d']],
    ['strings nested in arrays, beside numbers', bytes(0x82, ...str('1.6.0'), 0x81, 0x83, ...str('en_a'), 0x19, 0x05, 0xa0, 0x00), ['1.6.0', 'en_a']],
    ['a map: keys and values', bytes(0xa1, ...str('k'), ...str('v')), ['k', 'v']],
    ['byte strings and tags are skipped over', bytes(0x82, 0x43, 1, 2, 3, 0xc1, ...str('t')), ['t']],
    ['a long string (1-byte length)', bytes(0x78, 30, ...new TextEncoder().encode('x'.repeat(30))), ['x'.repeat(30)]],
    ['an indefinite array', bytes(0x9f, ...str('a'), ...str('b'), 0xff), ['a', 'b']],
    ['UTF-8', bytes(...str('梁文锋')), ['梁文锋']],
    ['64-bit and float arguments', bytes(0x82, 0x1b, 0, 0, 0, 1, 0, 0, 0, 0, 0xfb, 0, 0, 0, 0, 0, 0, 0, 0), []],
  ])('%s', (_, input, strings) => expect([...cborStrings(input)]).toEqual(strings));

  it.each([
    ['cut short', bytes(0x83, ...str('a'))],
    ['a string longer than the data', bytes(0x65, 0x61)],
    ['reserved additional information', bytes(0x1c)],
    ['a stray break', bytes(0xff)],
    ['invalid UTF-8 in a text string', bytes(0x62, 0xc3, 0x28)],
  ])('refuses %s', (_, input) => expect(() => cborStrings(input)).toThrow(/CBOR|encoded/));
});
