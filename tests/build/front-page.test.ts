/** The front page follows the editor's order: the fixture has two pieces of one day, and the one with order 1 leads. */
import { describe, expect, inject, it } from 'vitest';
import { pageFile, read } from '../helpers/dist.ts';
import { all, parseHtml, type El } from '../helpers/html.ts';

const dist = inject('fixtureDist');
const titles = (root: El, cls: string) =>
  all(root, (e) => (e.attrs.class ?? '').split(' ').includes(cls)).flatMap((block) =>
    all(block, (e) => e.tag === 'a' && !!e.attrs.href?.includes('/articles/')).map((a) => a.text.trim()),
  );

describe("front page: the lead, then the rest, in the editor's order", () => {
  it('Beta (order 1) leads, above Alpha of the same day, whose title sorts first; the older piece follows', async () => {
    const doc = parseHtml(await read(pageFile(dist, '/')));
    expect(titles(doc, 'lead')).toEqual(['Beta: the fixture piece the editor put first']);
    expect(titles(doc, 'next')[0]).toBe('Alpha: the fixture article about quokkaflux');
    expect(titles(doc, 'next')).toHaveLength(3); // Alpha, then the two older live pieces, newest first
  });
});
