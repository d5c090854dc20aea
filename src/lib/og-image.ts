/**
 * 1200×630 preview images with Inter from an npm package, so the build needs no network. Each image
 * is cached on disk by a hash of everything drawn (og-card.ts), so an unchanged page costs nothing
 * next build.
 *
 * Cards are drawn here rather than with a general renderer (satori and resvg: ~7× the time a card;
 * BENCHMARKS.md, "Speed mechanisms kept"): fontkit shapes the words (kerning included), each glyph is
 * rasterised once per size and quarter-pixel position by resvg and kept, and a card is those glyph
 * masks laid on a flat background. A card has four colours and their anti-aliasing blends, so it is
 * written as an 8-bit palette PNG (one byte a pixel instead of four).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { Resvg } from '@resvg/resvg-js';
import { constants, crc32, deflateSync } from 'node:zlib';
import { fitColumns, wrap } from './card-layout.ts';
import { CJK_FONTS, cardFile, type Card } from './og-card.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/**
 * An 8-bit palette PNG: one palette index a pixel, rows unfiltered. A card's rows are long runs of
 * the background, so zlib looks only for runs (Z_RLE, level 1): faster than its general search and,
 * on cards, a smaller file. `palette` is RGB triples.
 */
export function encodePng(indices: Uint8Array, width: number, height: number, palette: Uint8Array): Uint8Array {
  if (indices.length !== width * height) throw new Error(`encodePng: ${indices.length} pixels for ${width}×${height}`);
  if (palette.length % 3 !== 0 || palette.length === 0 || palette.length > 768)
    throw new Error(`encodePng: a palette has 1 to 256 RGB colours, not ${palette.length} bytes`);
  // Each row: filter type 0 (None), then its indices. The buffer is reused: a worker encodes thousands.
  if (scratch.length < (width + 1) * height) scratch = Buffer.alloc((width + 1) * height);
  const raw = scratch.subarray(0, (width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    out.set(data, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type: palette; compression, filter and interlace bytes stay 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(raw, { level: 1, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
let scratch = Buffer.alloc(0);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// The card's design. Sizes are CSS pixels on the 1200×630 card.
const COLOURS = { paper: '#fdfcfa', accent: '#0b5cad', ink: '#1b1b1f', muted: '#55545c' };
const PADDING = 64;
const BAND = 16; // the accent band along the top
const GAP = 24; // between the kicker, the title and the subtitle, and above the footer

/**
 * The palette: index 0 is the paper; then, for each ink colour, LEVELS blends of it over the paper,
 * from faint to full. Coverage is kept to LEVELS steps (85: a step of 1.2%, too fine to see).
 */
const LEVELS = 85;
const INKS = ['accent', 'ink', 'muted'] as const;
type Ink = (typeof INKS)[number];
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const PALETTE = (() => {
  const out = new Uint8Array(3 * (1 + INKS.length * LEVELS));
  const paper = rgb(COLOURS.paper);
  out.set(paper, 0);
  INKS.forEach((ink, c) => {
    const colour = rgb(COLOURS[ink]);
    for (let level = 1; level <= LEVELS; level++) {
      const a = level / LEVELS;
      out.set(
        colour.map((v, k) => Math.round(paper[k]! * (1 - a) + v * a)),
        3 * (1 + c * LEVELS + level - 1),
      );
    }
  });
  return out;
})();
/** Palette index for a coverage (0–255) of an ink. */
const COVERAGE_TO_LEVEL = Uint8Array.from({ length: 256 }, (_, v) => Math.round((v / 255) * LEVELS));
const indexOf = (ink: number, coverage: number) => {
  const level = COVERAGE_TO_LEVEL[coverage]!;
  return level === 0 ? 0 : 1 + ink * LEVELS + level - 1;
};
/** indexOf as tables, one per ink, for the drawing loop (a card lays some 200,000 glyph pixels). */
const INDEX_OF = INKS.map((_, ink) => Uint8Array.from({ length: 256 }, (_, coverage) => indexOf(ink, coverage)));
/** The coverage (0–255) a palette index stands for, whatever its ink. */
const COVERAGE_OF = Uint8Array.from({ length: 256 }, (_, index) => (index === 0 ? 0 : Math.round(((((index - 1) % LEVELS) + 1) * 255) / LEVELS)));

type Weight = 400 | 700;
/** Every face loaded so far, by id (a glyph's mask is keyed by its face's id). */
const faces: fontkit.Font[] = [];
const faceIds = new Map<string, number>();
const require = createRequire(import.meta.url);
function load(file: string): number {
  let id = faceIds.get(file);
  if (id === undefined) {
    id = faces.push(fontkit.create(readFileSync(require.resolve(file))) as fontkit.Font) - 1;
    faceIds.set(file, id);
  }
  return id;
}

/**
 * Inter's faces, tried in this order for each character (the Latin subset first). Its metrics set
 * the lines. A character that no font has is drawn as Inter's missing-glyph box, not left out silently.
 */
const SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];
const inter = new Map<Weight, number[]>();
function interFaces(weight: Weight): number[] {
  let list = inter.get(weight);
  if (!list) inter.set(weight, (list = SUBSETS.map((subset) => load(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`))));
  return list;
}
const metricsFace = (weight: Weight) => faces[interFaces(weight)[0]!]!;
/** The font files this thread has loaded so far. */
export const loadedFontFiles = () => [...faceIds.keys()];

/**
 * Inter has no Chinese, Japanese or Korean: those come from Noto Sans SC, JP and KR. Each package
 * splits a weight into ~120 files by unicode-range (its unicode.json); a card loads only the files
 * whose range holds a character it draws. The language the card's text looks like is tried first,
 * for its regional glyph forms; the others fill the characters it lacks.
 */
type Cjk = keyof typeof CJK_FONTS;
const cjkRanges = new Map<Cjk, { from: number; to: number; subset: string }[]>();
function rangesOf(lang: Cjk) {
  let list = cjkRanges.get(lang);
  if (!list) {
    const unicode = JSON.parse(readFileSync(require.resolve(`${CJK_FONTS[lang]}/unicode.json`), 'utf8')) as Record<string, string>;
    list = Object.entries(unicode).flatMap(([key, ranges]) =>
      ranges.split(',').map((range) => {
        const [from, to = from] = range
          .trim()
          .replace(/^U\+/i, '')
          .split('-')
          .map((hex) => parseInt(hex, 16));
        return { from: from!, to: to!, subset: key.replace(/^\[(\d+)\]$/, '$1') };
      }),
    );
    cjkRanges.set(lang, list);
  }
  return list;
}
/** Kana first means Japanese, Hangul Korean; other CJK text is taken as Chinese. */
export function cjkOrder(text: string): Cjk[] {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return ['jp', 'sc', 'kr'];
  if (/\p{Script=Hangul}/u.test(text)) return ['kr', 'sc', 'jp'];
  return ['sc', 'jp', 'kr'];
}

/** The face that draws a character: Inter's first, then the CJK fonts in `order`, else Inter's box. */
function faceFor(cp: number, weight: Weight, order: Cjk[]): number {
  for (const id of interFaces(weight)) if (faces[id]!.hasGlyphForCodePoint(cp)) return id;
  for (const lang of order) {
    for (const { from, to, subset } of rangesOf(lang)) {
      if (cp < from || cp > to) continue;
      const id = load(`${CJK_FONTS[lang]}/files/${CJK_FONTS[lang].split('/')[1]}-${subset}-${weight}-normal.woff`);
      if (faces[id]!.hasGlyphForCodePoint(cp)) return id;
    }
  }
  return interFaces(weight)[0]!;
}

/** A shaped word, in ems: each glyph's face, id, pen position and offsets. */
interface Shaped {
  glyphs: { face: number; id: number; x: number; dx: number; dy: number }[];
  advance: number;
  chars: number;
}
const shapedWords = new Map<string, Shaped>();
/** Shapes a word with fontkit (kerning and the font's substitutions), a run per face. Cached. */
function shape(word: string, weight: Weight, order: Cjk[]): Shaped {
  const key = `${weight}|${order.join()}|${word}`;
  let shaped = shapedWords.get(key);
  if (shaped) return shaped;
  const glyphs: Shaped['glyphs'] = [];
  let x = 0;
  let run = '';
  let runFace = -1;
  const flush = () => {
    if (!run) return;
    const font = faces[runFace]!;
    const layout = font.layout(run);
    layout.glyphs.forEach((glyph, i) => {
      const p = layout.positions[i]!;
      glyphs.push({ face: runFace, id: glyph.id, x, dx: p.xOffset / font.unitsPerEm, dy: p.yOffset / font.unitsPerEm });
      x += p.xAdvance / font.unitsPerEm;
    });
    run = '';
  };
  for (const char of word) {
    const face = faceFor(char.codePointAt(0)!, weight, order);
    if (face !== runFace) {
      flush();
      runFace = face;
    }
    run += char;
  }
  flush();
  shaped = { glyphs, advance: x, chars: [...word].length };
  if (shapedWords.size > 5_000) shapedWords.clear(); // a worker draws thousands of cards: keep its memory flat
  shapedWords.set(key, shaped);
  return shaped;
}

/** A glyph's coverage mask at a size and a quarter-pixel offset, placed relative to the pen on the baseline. */
interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}
const masks = new Map<string, Mask | null>();
const PHASES = 4;
function mask(face: number, id: number, size: number, phase: number): Mask | null {
  const key = `${face}|${id}|${size}|${phase}`;
  let found = masks.get(key);
  if (found !== undefined) return found;
  const font = faces[face]!;
  const glyph = font.getGlyph(id);
  const d = glyph.path.toSVG();
  const scale = size / font.unitsPerEm;
  const shift = phase / PHASES;
  const box = glyph.path.bbox;
  if (!d || box.maxX <= box.minX || box.maxY <= box.minY) found = null;
  else {
    const left = Math.floor(shift + box.minX * scale) - 1;
    const top = Math.floor(-box.maxY * scale) - 1;
    const width = Math.ceil(shift + box.maxX * scale) + 1 - left;
    const height = Math.ceil(-box.minY * scale) + 1 - top;
    const outline = `<path transform="translate(${shift - left} ${-top}) scale(${scale} ${-scale})" d="${d}"/>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${outline}</svg>`;
    const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
    const alpha = new Uint8Array(width * height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
    found = { left, top, width, height, alpha };
  }
  if (masks.size > 20_000) masks.clear(); // Chinese titles bring thousands of glyphs: keep a worker's memory flat
  masks.set(key, found);
  return found;
}

/** A block of text in the card: its words, its type and how many lines it may take. */
interface Style {
  weight: Weight;
  size: number;
  ink: Ink;
  lineHeight?: number;
  letterSpacing?: number;
  upper?: boolean;
}

/** Width in pixels of a line of text set in a style (words shaped separately, joined by spaces). */
function measure(text: string, style: Style, order: Cjk[]): number {
  const words = text.split(' ');
  let ems = shape(' ', style.weight, order).advance * (words.length - 1);
  let chars = words.length - 1;
  for (const w of words) {
    const s = shape(w, style.weight, order);
    ems += s.advance;
    chars += s.chars;
  }
  return ems * style.size + chars * (style.letterSpacing ?? 0);
}

/** CSS line box metrics: the line's height and where its baseline sits below the line's top. */
function lineBox(style: Style) {
  const font = metricsFace(style.weight);
  const ascent = (font.ascent / font.unitsPerEm) * style.size;
  const descent = (-font.descent / font.unitsPerEm) * style.size;
  const height = style.lineHeight ? style.lineHeight * style.size : ascent + descent + (font.lineGap / font.unitsPerEm) * style.size;
  return { height, baseline: (height - ascent - descent) / 2 + ascent };
}

/** The glyphs of one line: each glyph's face, id and pen position (x, baseline) in pixels. */
function placeGlyphs(text: string, style: Style, order: Cjk[], x: number) {
  const spacing = style.letterSpacing ?? 0;
  const space = shape(' ', style.weight, order).advance * style.size + spacing;
  const out: { face: number; id: number; x: number; dy: number }[] = [];
  let pen = x;
  for (const word of text.split(' ')) {
    const shaped = shape(word, style.weight, order);
    shaped.glyphs.forEach((g, n) => out.push({ face: g.face, id: g.id, x: pen + (g.x + g.dx) * style.size + n * spacing, dy: g.dy * style.size }));
    pen += shaped.advance * style.size + shaped.chars * spacing + space;
  }
  return out;
}

/** Lays glyph masks of one line on the canvas (palette indices), starting at the pen (x, baseline). */
function drawLine(canvas: Uint8Array, text: string, style: Style, order: Cjk[], x: number, baseline: number) {
  const toIndex = INDEX_OF[INKS.indexOf(style.ink)]!;
  const y = Math.round(baseline);
  for (const g of placeGlyphs(text, style, order, x)) {
    const whole = Math.floor(g.x);
    const phase = Math.min(PHASES - 1, Math.round((g.x - whole) * PHASES));
    const m = mask(g.face, g.id, style.size, phase);
    if (!m) continue;
    const ox = whole + m.left,
      oy = y - Math.round(g.dy) + m.top;
    // The mask's columns and rows that fall on the card.
    const fromCol = Math.max(0, -ox),
      toCol = Math.min(m.width, OG_WIDTH - ox);
    const fromRow = Math.max(0, -oy),
      toRow = Math.min(m.height, OG_HEIGHT - oy);
    for (let row = fromRow; row < toRow; row++) {
      const line = (oy + row) * OG_WIDTH + ox;
      const alphaRow = row * m.width;
      for (let col = fromCol; col < toCol; col++) {
        const a = m.alpha[alphaRow + col]!;
        if (a === 0) continue;
        const at = line + col;
        const before = canvas[at]!;
        if (before === 0) {
          canvas[at] = toIndex[a]!;
          continue;
        }
        // Where two glyphs of a line touch, their coverages add (as "over" would), capped at full.
        const had = COVERAGE_OF[before]!;
        canvas[at] = toIndex[Math.min(255, had + a - Math.round((had * a) / 255))]!;
      }
    }
  }
}

const KICKER: Style = { weight: 700, size: 28, ink: 'accent', letterSpacing: 2, upper: true };
const TITLE_LARGE: Style = { weight: 700, size: 68, ink: 'ink', lineHeight: 1.1 };
const TITLE: Style = { weight: 700, size: 56, ink: 'ink', lineHeight: 1.1 };
const SUBTITLE: Style = { weight: 400, size: 30, ink: 'muted', lineHeight: 1.35 };
const FOOTER: Style = { weight: 700, size: 26, ink: 'ink' };
const FACT_LABEL: Style = { weight: 700, size: 20, ink: 'muted', letterSpacing: 1.5, upper: true };
const FACT_VALUE: Style = { weight: 700, size: 36, ink: 'ink', lineHeight: 1.2 };
const FACT_GAP = 56; // between two facts in the row
const FACTS_BELOW = 12; // more room between the facts and the footer than GAP alone, so the footer does not read as a fact
const TITLE_LINES = 4;

/** A line of a card: its text, its style, and where its pen starts. */
export interface CardLine {
  text: string;
  style: Style;
  x: number;
  baseline: number;
}

/**
 * Where each line of a card goes: the kicker, title and subtitle from the top; the footer at the
 * bottom and, above it, the facts in a row of columns (label over value). The title gives up lines
 * to the facts, the subtitle to both.
 */
export function layoutCard(card: Card) {
  const width = OG_WIDTH - 2 * PADDING;
  const top = BAND + PADDING;
  const bottom = OG_HEIGHT - PADDING;
  const facts = card.facts ?? [];
  const order = cjkOrder([card.kicker, card.title, card.subtitle, card.footer, ...facts.flatMap((f) => [f.label, f.value])].join(' '));
  const lines: CardLine[] = [];
  const fit = (text: string, style: Style, maxWidth: number, maxLines: number) =>
    wrap(style.upper ? text.toUpperCase() : text, (t) => measure(t, style, order), maxWidth, maxLines);
  const place = (style: Style, texts: string[], from: number, x = PADDING) => {
    const box = lineBox(style);
    texts.forEach((text, i) => lines.push({ text, style, x, baseline: from + i * box.height + box.baseline }));
    return from + texts.length * box.height;
  };
  const footerBox = lineBox(FOOTER);
  const footer = fit(card.footer, FOOTER, width, 1);
  const footerTop = bottom - footerBox.height;
  place(FOOTER, footer.lines, footerTop);
  let limit = footerTop - GAP; // where the text from the top must end
  let factsCut = false;
  if (facts.length) {
    const factsTop = limit - FACTS_BELOW - lineBox(FACT_LABEL).height - lineBox(FACT_VALUE).height;
    const natural = facts.map((f) => Math.max(measure(f.label.toUpperCase(), FACT_LABEL, order), measure(f.value, FACT_VALUE, order)));
    let x = PADDING;
    fitColumns(natural, width, FACT_GAP).forEach((w, i) => {
      const label = fit(facts[i]!.label, FACT_LABEL, w, 1);
      const value = fit(facts[i]!.value, FACT_VALUE, w, 1);
      place(FACT_VALUE, value.lines, place(FACT_LABEL, label.lines, factsTop, x), x);
      factsCut ||= label.truncated || value.truncated;
      x += w + FACT_GAP;
    });
    limit = factsTop - GAP;
  }
  const kicker = fit(card.kicker, KICKER, width, 1);
  let y = place(KICKER, kicker.lines, top) + GAP;
  const titleStyle = card.title.length > 60 ? TITLE : TITLE_LARGE;
  const title = fit(card.title, titleStyle, width, Math.min(TITLE_LINES, Math.max(1, Math.floor((limit - y) / lineBox(titleStyle).height))));
  y = place(titleStyle, title.lines, y) + GAP;
  const room = Math.floor((limit - y) / lineBox(SUBTITLE).height);
  const subtitle = fit(card.subtitle, SUBTITLE, width, Math.max(0, room));
  place(SUBTITLE, subtitle.lines, y);
  const truncated = { kicker: kicker.truncated, title: title.truncated, subtitle: subtitle.truncated, footer: footer.truncated, facts: factsCut };
  return { lines, order, truncated };
}

/** The faces each glyph of a card is drawn from, line by line: for tests that a script is drawn from real glyphs. */
export function cardGlyphs(card: Card) {
  const { lines, order } = layoutCard(card);
  return lines.map((l) => ({
    text: l.text,
    glyphs: placeGlyphs(l.text, l.style, order, l.x).map((g) => {
      const font = faces[g.face]!;
      return { id: g.id, font: font.familyName, notdef: g.id === 0, empty: !font.getGlyph(g.id).path.toSVG() };
    }),
  }));
}

const CANVAS = new Uint8Array(OG_WIDTH * OG_HEIGHT);

/** Draws a card as an 8-bit palette PNG. */
export function drawCard(card: Card): Uint8Array {
  const canvas = CANVAS.fill(0); // 0: paper; one canvas, reused card after card
  canvas.fill(indexOf(INKS.indexOf('accent'), 255), 0, BAND * OG_WIDTH);
  const { lines, order } = layoutCard(card);
  for (const line of lines) drawLine(canvas, line.text, line.style, order, line.x, line.baseline);
  return encodePng(canvas, OG_WIDTH, OG_HEIGHT, PALETTE);
}

/** Draws a card on this thread, or reads it from the cache. The build draws in workers (src/integrations/generated-files.ts). */
export async function renderCard(card: Card, cacheDir: string): Promise<Uint8Array> {
  const cached = cardFile(card, cacheDir);
  if (existsSync(cached)) return readFile(cached);
  const png = drawCard(card);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, png);
  return png;
}
