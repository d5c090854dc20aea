/**
 * A preview card's content and its file in the cache: a hash of the card and of everything that
 * draws it. Kept apart from og-image.ts, which draws, so that the build's own process (which only
 * names files, while worker threads draw) does not load fontkit and resvg (~12 MiB less RSS).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A fact in a card's row of facts: a lab's founding year, a model's licence. */
export interface Fact {
  label: string;
  value: string;
}
export interface Card {
  kicker: string;
  title: string;
  subtitle: string;
  footer: string;
  facts?: Fact[];
}

/** The fonts for Chinese, Japanese and Korean, which Inter lacks (og-image.ts loads them). */
export const CJK_FONTS = { sc: '@fontsource/noto-sans-sc', jp: '@fontsource/noto-sans-jp', kr: '@fontsource/noto-sans-kr' } as const;

const require = createRequire(import.meta.url);

/** The version of a package the drawing depends on (its package.json, found above its entry point). */
function packageVersion(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name) return pkg.version ?? '';
  }
  throw new Error(`og-card: no package.json found for ${name}`);
}

/**
 * What a drawing depends on besides the card: the drawing code and the line breaking (og-image.ts
 * and card-layout.ts, their source), and the versions of fontkit, resvg and the fonts (Inter and
 * the Noto CJK fonts). Part of every card's hash, so a change to the design or a library redraws
 * every cached card, with no version number to remember to bump.
 */
let drawing: string | undefined;
function drawingVersion(): string {
  drawing ??= createHash('sha256')
    .update(readFileSync(fileURLToPath(new URL('./og-image.ts', import.meta.url))))
    .update(readFileSync(fileURLToPath(new URL('./card-layout.ts', import.meta.url))))
    .update(['fontkit', '@resvg/resvg-js', '@fontsource/inter', ...Object.values(CJK_FONTS)].map((p) => `${p}@${packageVersion(p)}`).join())
    .digest('hex');
  return drawing;
}

export function cardHash(card: Card, drawing: string = drawingVersion()): string {
  return createHash('sha256').update(JSON.stringify({ drawing, card })).digest('hex').slice(0, 24);
}

/** The cache file of a card. */
export const cardFile = (card: Card, cacheDir: string) => path.join(cacheDir, `${cardHash(card)}.png`);
