import { createHash } from 'node:crypto';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, inflateSync } from 'node:zlib';
import { cardGlyphs, drawCard, encodePng, layoutCard, loadedFontFiles, renderCard } from './og-image.ts';

const card = { kicker: 'analysis', title: 'How a hedge fund built DeepSeek', subtitle: 'A test card.', footer: 'Frontier Commons' };

describe('preview images: 1200×630, cached by content hash', () => {
  it('draws a 1200×630 PNG once, then serves the cached file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'og-'));
    const png = Buffer.from(await renderCard(card, dir));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const [file] = await readdir(dir);
    const before = (await stat(path.join(dir, file!))).mtimeMs;
    const again = Buffer.from(await renderCard(card, dir));
    expect(again.equals(png)).toBe(true);
    expect((await stat(path.join(dir, file!))).mtimeMs).toBe(before); // not redrawn
  });
});

/** Splits a PNG into its chunks, checking each CRC. */
function chunks(png: Buffer) {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

describe('encodePng: the palette indices, losslessly, in a valid 8-bit palette PNG', () => {
  it.each([
    ['one pixel', 1, 1, 1],
    ['a 3×2 image, two colours', 3, 2, 2],
    ['a wide strip, 256 colours', 257, 1, 256],
    ['a tall strip', 1, 5, 7],
  ])('%s', (_, width, height, colours) => {
    const indices = new Uint8Array(width * height).map((_, i) => (i * 37 + (i >> 3)) % colours);
    const palette = new Uint8Array(colours * 3).map((_, i) => (i * 11) & 255);
    const png = Buffer.from(encodePng(indices, width, height, palette));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([width, height, 8, 3]);
    expect([...list[1]!.data]).toEqual([...palette]);
    expect([...decodeIndices(png).indices]).toEqual([...indices]);
  });

  it.each([
    ['too few pixels', new Uint8Array(5), 3, 2, new Uint8Array(3), /5 pixels for 3×2/],
    ['a palette not in RGB triples', new Uint8Array(6), 3, 2, new Uint8Array(4), /1 to 256 RGB colours/],
    ['a palette of 257 colours', new Uint8Array(6), 3, 2, new Uint8Array(771), /1 to 256 RGB colours/],
  ])('refuses %s', (_, indices, width, height, palette, message) => {
    expect(() => encodePng(indices, width, height, palette)).toThrow(message);
  });
});

/** A palette PNG's indices and palette (rows must be unfiltered, as encodePng writes them). */
function decodeIndices(png: Buffer) {
  const list = chunks(png);
  const ihdr = list.find((c) => c.type === 'IHDR')!.data;
  const [width, height] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)];
  const raw = inflateSync(Buffer.concat(list.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  expect(raw.length).toBe((width + 1) * height);
  const indices = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width + 1)], `filter of row ${y}`).toBe(0);
    indices.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return { width, height, indices, palette: list.find((c) => c.type === 'PLTE')!.data };
}

/** The card's pixels as hex colours, with a helper to find what is drawn inside a box. */
function pixelsOf(png: Uint8Array) {
  const { width, height, indices, palette } = decodeIndices(Buffer.from(png));
  const colour = (x: number, y: number) => {
    const i = indices[y * width + x]! * 3;
    return `#${[palette[i]!, palette[i + 1]!, palette[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  };
  /** The bounding box of every pixel that is not the paper colour, below the accent band. */
  const inked = () => {
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    for (let y = 16; y < height; y++)
      for (let x = 0; x < width; x++) {
        if (indices[y * width + x] === 0) continue;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    return { x0, y0, x1, y1 };
  };
  return { width, height, colour, inked, indices };
}

describe('drawCard: the house card, inside its margins, every line of text kept or visibly shortened', () => {
  it('paper background, accent band on top, text in the ink colours', () => {
    const { width, height, colour } = pixelsOf(drawCard(card));
    expect([width, height]).toEqual([1200, 630]);
    expect(colour(600, 0)).toBe('#0b5cad');
    expect(colour(600, 15)).toBe('#0b5cad');
    expect(colour(600, 16)).toBe('#fdfcfa');
    expect(colour(1199, 629)).toBe('#fdfcfa');
  });

  it.each([
    ['a short card', card],
    ['a long title and dek', { ...card, title: 'word '.repeat(80), subtitle: 'longer '.repeat(120) }],
    ['a single unbreakable word', { ...card, title: 'x'.repeat(400), subtitle: 'y'.repeat(400) }],
    [
      'a row of facts too long for the card',
      {
        ...card,
        title: 'word '.repeat(80),
        subtitle: 'longer '.repeat(120),
        facts: [
          { label: 'Headquarters', value: 'Hangzhou, Zhejiang, China '.repeat(5) },
          { label: 'Founded', value: '2023' },
          { label: 'x'.repeat(80), value: 'y'.repeat(80) },
        ],
      },
    ],
  ])('%s: nothing drawn outside the 64 px margins', (_, c) => {
    const { inked } = pixelsOf(drawCard(c));
    const box = inked();
    expect(box.x0).toBeGreaterThanOrEqual(64 - 2); // a glyph's anti-aliased edge may reach a pixel or two
    expect(box.x1).toBeLessThanOrEqual(1200 - 64 + 2);
    expect(box.y0).toBeGreaterThanOrEqual(16 + 64 - 2);
    expect(box.y1).toBeLessThanOrEqual(630 - 64 + 2);
  });

  it.each([
    ['short title and dek: nothing cut', card, { title: false, subtitle: false }],
    ['a title of 80 words: cut after four lines, with "…"', { ...card, title: 'word '.repeat(80) }, { title: true, subtitle: false }],
    ['a long dek: cut where the room ends, with "…"', { ...card, subtitle: 'longer '.repeat(120) }, { title: false, subtitle: true }],
  ])('%s', (_, c, cut) => {
    const { lines, truncated } = layoutCard(c);
    expect({ title: truncated.title, subtitle: truncated.subtitle }).toEqual(cut);
    const text = (style: number) =>
      lines
        .filter((l) => l.style.size === style)
        .map((l) => l.text)
        .join(' ');
    const title = text(c.title.length > 60 ? 56 : 68);
    if (!cut.title) expect(title).toBe(c.title);
    else expect(title.endsWith('…')).toBe(true);
    if (!cut.subtitle) expect(text(30)).toBe(c.subtitle);
    else expect(text(30).endsWith('…')).toBe(true);
    expect(lines.at(-1)!.baseline, 'the last subtitle line keeps a gap above the footer').toBeLessThanOrEqual(lines[0]!.baseline - 24 - 26);
  });

  it('facts sit in a row between the subtitle and the footer; one too long for its column is shortened with "…"', () => {
    const facts = [
      { label: 'Founded', value: '2023' },
      { label: 'Headquarters', value: 'A very long place name '.repeat(6) },
      { label: 'Models', value: '15' },
    ];
    const { lines, truncated } = layoutCard({ ...card, subtitle: 'longer '.repeat(120), facts });
    const [footer] = lines;
    const values = lines.filter((l) => l.style.size === 36);
    const subtitle = lines.filter((l) => l.style.size === 30);
    expect(values.map((l) => l.text)).toEqual(['2023', expect.stringMatching(/…$/), '15']);
    expect(new Set(values.map((l) => l.baseline)).size, 'one row').toBe(1);
    expect(values.map((l) => l.x)).toEqual([...values.map((l) => l.x)].sort((a, b) => a - b));
    expect(values[0]!.baseline).toBeLessThan(footer!.baseline - 26);
    expect(subtitle.at(-1)!.baseline).toBeLessThan(values[0]!.baseline - 36 - 20);
    expect(truncated.facts).toBe(true);
    expect(layoutCard({ ...card, facts: facts.slice(0, 1) }).truncated.facts).toBe(false);
  });

  it('same card, same bytes', () => {
    expect(Buffer.from(drawCard(card)).equals(Buffer.from(drawCard({ ...card })))).toBe(true);
  });

  it("draws Greek, Cyrillic and Vietnamese from Inter's other subsets", () => {
    const inkOf = (title: string) => pixelsOf(drawCard({ ...card, title })).indices.filter((i) => i !== 0).length;
    // "Ω" and "Ж" are not in the Latin subset: drawn from the Greek and Cyrillic ones, they ink pixels.
    expect(inkOf('A Ω')).toBeGreaterThan(inkOf('A'));
    expect(inkOf('A Ж')).toBeGreaterThan(inkOf('A'));
  });

  // Pixel hashes of cards drawn before the CJK fonts came (Inter alone): a Latin, Greek, Cyrillic or
  // Vietnamese card must not change by a pixel. A new Inter or resvg may move pixels: then look at the cards and update.
  it.each([
    ['How a hedge fund built DeepSeek: the efficiency bet', 'f803962d29b9b5f5'],
    ['Ανοιχτά μοντέλα τεχνητής νοημοσύνης', 'db10318a097e70b9'],
    ['Открытые модели искусственного интеллекта', '36c9d39791874a06'],
    ['Mô hình mở của Việt Nam', '6398c276a68e7e42'],
  ])('"%s" draws as it did with Inter alone', (title, hash) => {
    const subtitle = 'Kerning, accents: Ωmega, Жук, Đà Nẵng — “quotes” and 1,234.';
    const png = drawCard({ kicker: 'analysis', title, subtitle, footer: 'Frontier Commons · News and analysis on open-source AI' });
    const list = chunks(Buffer.from(png));
    const pixels = inflateSync(Buffer.concat(list.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    expect(createHash('sha256').update(pixels).digest('hex').slice(0, 16)).toBe(hash);
  });
});

describe('Chinese, Japanese and Korean are drawn from Noto Sans SC, JP and KR, not as boxes', () => {
  const titleGlyphs = (title: string) =>
    cardGlyphs({ ...card, title })
      .filter((l) => title.includes(l.text))
      .flatMap((l) => l.glyphs);
  it.each([
    ['Chinese: a person', '梁文锋', 'Noto Sans SC'],
    ['Chinese: a lab', '深度求索', 'Noto Sans SC'],
    ['Chinese after Latin', 'Liang Wenfeng 梁文锋', 'Noto Sans SC'],
    ['Japanese: kana put JP first', 'ひらがな 東京大学', 'Noto Sans JP'],
    ['Korean: Hangul put KR first', '서울 한국어', 'Noto Sans KR'],
  ])('%s: %s', (_, title, font) => {
    const glyphs = titleGlyphs(title);
    expect(glyphs.length).toBe([...title.replaceAll(' ', '')].length);
    for (const g of glyphs) expect({ notdef: g.notdef, empty: g.empty }).toEqual({ notdef: false, empty: false });
    const cjk = glyphs.filter((g) => !/^Inter/.test(g.font));
    expect(cjk.length).toBeGreaterThan(0);
    expect(new Set(cjk.map((g) => g.font))).toEqual(new Set([font]));
  });

  it('a character no font has is drawn as a visible box (.notdef)', () => {
    const glyphs = titleGlyphs('ሀሁሂ'); // Ethiopic: in none of the fonts
    expect(glyphs.map((g) => g.notdef)).toEqual([true, true, true]);
  });

  it('梁文锋 and 深度求索 ink their own shapes: not blank, not the boxes a missing glyph draws', () => {
    const title = (t: string) => {
      const { indices } = pixelsOf(drawCard({ ...card, title: t }));
      return indices.subarray(130 * 1200, 230 * 1200); // the title's first line
    };
    const inked = (a: Uint8Array) => a.filter((i) => i !== 0).length;
    const boxes3 = title('ሀሁሂ');
    const boxes4 = title('ሀሁሂሃ');
    const [liang, deepseek] = [title('梁文锋'), title('深度求索')];
    expect(inked(liang)).toBeGreaterThan(1000);
    expect(inked(deepseek)).toBeGreaterThan(1000);
    // Boxes of the same count are the same pixels whatever the characters; real glyphs are not.
    expect(Buffer.from(title('ሄህሆ')).equals(Buffer.from(boxes3))).toBe(true);
    expect(Buffer.from(liang).equals(Buffer.from(boxes3))).toBe(false);
    expect(Buffer.from(deepseek).equals(Buffer.from(boxes4))).toBe(false);
    expect(Buffer.from(title('梁文度')).equals(Buffer.from(liang))).toBe(false);
  });

  it('loads only the subset files of the characters drawn, not the whole font', () => {
    drawCard({ ...card, title: '梁文锋 深度求索' });
    const noto = loadedFontFiles().filter((f) => f.includes('noto-sans-sc'));
    expect(noto.length).toBeGreaterThan(0);
    expect(noto.length).toBeLessThanOrEqual(8);
    expect(noto.every((f) => /noto-sans-sc-\d+-(400|700)-normal\.woff$/.test(f))).toBe(true);
  });
});
