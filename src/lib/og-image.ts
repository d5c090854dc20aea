/**
 * 1200×630 preview images, drawn with satori (layout to SVG) and resvg (SVG to PNG), with Inter
 * from an npm package so the build needs no network. Each image is cached on disk by a hash of
 * everything drawn, so an unchanged page costs nothing on the next build.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';
import { renderAsync } from '@resvg/resvg-js';

export interface Card { kicker: string; title: string; subtitle: string; footer: string }

/** Bump when the drawing changes, so cached images are redrawn. */
const DESIGN_VERSION = 1;
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const require = createRequire(import.meta.url);
let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;
function loadFonts() {
  const file = (w: number) => readFile(require.resolve(`@fontsource/inter/files/inter-latin-${w}-normal.woff`));
  fonts ??= Promise.all([file(400), file(700)]).then(([regular, bold]) => [
    { name: 'Inter', data: regular, weight: 400, style: 'normal' },
    { name: 'Inter', data: bold, weight: 700, style: 'normal' },
  ]);
  return fonts;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

function tree(card: Card) {
  const text = (value: string, style: Record<string, unknown>) => ({ type: 'div', props: { style, children: value } });
  return {
    type: 'div',
    props: {
      style: { boxSizing: 'border-box', width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, background: '#fdfcfa', color: '#1b1b1f', fontFamily: 'Inter', borderTop: '16px solid #0b5cad' },
      children: [
        { type: 'div', props: { style: { display: 'flex', flexDirection: 'column', gap: 24 }, children: [
          text(card.kicker.toUpperCase(), { fontSize: 28, fontWeight: 700, color: '#0b5cad', letterSpacing: 2 }),
          text(clip(card.title, 110), { fontSize: card.title.length > 60 ? 56 : 68, fontWeight: 700, lineHeight: 1.1 }),
          text(clip(card.subtitle, 180), { fontSize: 30, color: '#55545c', lineHeight: 1.35 }),
        ] } },
        text(card.footer, { fontSize: 26, fontWeight: 700 }),
      ],
    },
  };
}

export function cardHash(card: Card): string {
  return createHash('sha256').update(JSON.stringify({ v: DESIGN_VERSION, card })).digest('hex').slice(0, 24);
}

export async function renderCard(card: Card, cacheDir: string): Promise<Uint8Array> {
  const cached = path.join(cacheDir, `${cardHash(card)}.png`);
  if (existsSync(cached)) return readFile(cached);
  const svg = await satori(tree(card) as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: await loadFonts() });
  // Rasterising off the main thread lets the next card's layout run meanwhile (build.concurrency > 1).
  const png = (await renderAsync(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } })).asPng();
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, png);
  return png;
}
