/** A tiny SVG string builder: escaped text and attributes, no DOM. Shared by every chart drawer. */
import { createHash } from 'node:crypto';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ESC[c]!);

export type Attrs = Record<string, string | number | undefined | false>;

/** `<tag a="…">children</tag>`; attributes that are undefined or false are left out; numbers are rounded to 0.1. */
export function el(tag: string, attrs: Attrs = {}, ...children: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? round(v) : esc(String(v))}"`)
    .join('');
  return children.length ? `<${tag}${a}>${children.join('')}</${tag}>` : `<${tag}${a}/>`;
}

export const round = (n: number): number => Math.round(n * 10) / 10;

export interface Frame {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  className: string;
  fontSize: number;
  /** Its marks are links a keyboard reaches: a group named by its title, not role="img". */
  interactive?: boolean;
}

/** The `<svg>` every chart is drawn in: sized by its viewBox, named by its <title> and described by its <desc>. */
export function svgFrame(f: Frame, ...children: string[]): string {
  const [t, d] = [`${f.id}-title`, `${f.id}-desc`];
  const names = f.interactive ? { role: 'group', 'aria-labelledby': t, 'aria-describedby': d } : { role: 'img', 'aria-labelledby': `${t} ${d}` };
  const size = { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${f.width} ${f.height}`, width: f.width, height: f.height };
  return el(
    'svg',
    { ...size, ...names, class: f.className, 'font-size': f.fontSize },
    el('title', { id: t }, esc(f.title)),
    el('desc', { id: d }, esc(f.description)),
    ...children,
  );
}

/** Text, possibly on several lines: one <tspan> a line, `lineHeight` apart. */
export function textLines(lines: string[], attrs: Attrs & { x: number; y: number }, lineHeight: number): string {
  if (lines.length === 1) return el('text', attrs, esc(lines[0]!));
  return el('text', attrs, ...lines.map((l, i) => el('tspan', { x: attrs.x, dy: i === 0 ? 0 : lineHeight }, esc(l))));
}

/**
 * Breaks text into lines of at most `maxChars` characters, at spaces (a longer word keeps its own line).
 * SVG cannot measure text at build time; the chart fonts are sized so that a character averages
 * under 0.6 em, which is what `maxChars` is computed from.
 */
export function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** An id for a chart's <title>/<desc>, from what it draws: the same in every build, whatever the render order. */
export const chartId = (component: string, props: unknown): string =>
  `fc-${createHash('sha256')
    .update(component + JSON.stringify(props))
    .digest('base64url')
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(0, 8)}`;
