import { describe, expect, it } from 'vitest';
import { bibtex, plainCitation } from './cite.ts';

const c = {
  title: 'How a hedge fund built DeepSeek',
  author: 'Frontier Commons',
  publisher: 'Frontier Commons',
  published: '2026-11-28',
  url: 'https://example.org/articles/x/',
  slug: 'x',
};

describe('citations carry the URL and the date retrieved', () => {
  it('plain text', () => {
    expect(plainCitation(c, '2026-11-29')).toBe(
      'Frontier Commons. “How a hedge fund built DeepSeek.” Frontier Commons, 28 November 2026. https://example.org/articles/x/ (retrieved 29 November 2026).',
    );
  });
  it.each([
    ['plain title', 'How a hedge fund built DeepSeek', 'title        = {How a hedge fund built DeepSeek},'],
    ['TeX specials are escaped', 'R&D {costs} at 50% of $5.6M_total #1', 'title        = {R\\&D \\{costs\\} at 50\\% of \\$5.6M\\_total \\#1},'],
  ])('BibTeX: %s', (_n, title, line) => {
    const out = bibtex({ ...c, title }, '2026-11-29');
    expect(out).toContain(line);
    expect(out).toContain('url          = {https://example.org/articles/x/},');
    expect(out).toContain('urldate      = {2026-11-29},');
    expect(out.startsWith('@online{frontiercommons-x,')).toBe(true);
  });
});
