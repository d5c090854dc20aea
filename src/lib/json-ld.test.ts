import { describe, expect, it } from 'vitest';
import { jsonForScript } from './json-ld.ts';

describe('jsonForScript: hostile text cannot leave the script element, and parses back unchanged', () => {
  it.each([
    '</script><script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'R&D <b>bold</b>',
    'line\u2028separator\u2029paragraph',
    '梁文锋 🚀 مرحبا',
    'quote \' and " and \\ backslash',
  ])('%s', (text) => {
    const out = jsonForScript({ headline: text });
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual({ headline: text });
  });
});
