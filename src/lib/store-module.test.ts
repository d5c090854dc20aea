import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeModuleReading, storeText } from './store-module.ts';

/** What a module's default export evaluates to, run as Node runs the build's chunks. */
async function valueOf(code: string): Promise<unknown> {
  return ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown }).default;
}
/** The module as Astro writes it (vite-plugin-content-virtual-mod.js): one literal of the JSON text. */
const astroModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

const dir = mkdtempSync(path.join(tmpdir(), 'fc-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the content store read from a file gives the value Astro's module gives", () => {
  it.each([
    ['a small store', { articles: [['a', { title: 'A' }]] }],
    ['quotes, backslashes, newlines, line separators', { body: 'He said "no".\\n\nC:\\path\\ \u2028 \u2029 end' }],
    ['accents, CJK and emoji', { t: 'Évaluation — 深度求索 ’quoted’ 😀' }],
  ])('%s', async (name, value) => {
    const text = storeText(astroModule(value));
    expect(text).toBe(JSON.stringify(value));
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, text!);
    expect(await valueOf(storeModuleReading(file))).toEqual(await valueOf(astroModule(value)));
  });

  it.each([
    ['an empty store (Astro writes a Map)', 'export default new Map()'],
    ['another call', 'export default JSON.parse(x)'],
    ['a literal that is not a string', 'export default JSON.parse(42)'],
    ['code after the call', `${astroModule({ a: 1 })}; export const y = 1`],
  ])('leaves alone %s', (_, code) => {
    expect(storeText(code)).toBeUndefined();
  });
});
