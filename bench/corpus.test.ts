import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { article, sentencesOf } from './corpus.ts';

describe('sentencesOf: the launch edition as sentences for sampled prose', () => {
  const page = (body: string) => `---\ntitle: "x"\n---\n\n${body}\n`;
  test.each([
    [
      'links keep their text, not their address',
      'DeepSeek [released R1](https://example.org/r1) in January. It came with weights.',
      ['DeepSeek released R1 in January.', 'It came with weights.'],
    ],
    ['emphasis and code marks go', 'The **weights** are under `MIT` terms today.', ['The weights are under MIT terms today.']],
    [
      'footnote markers go',
      'The run cost $5.6M, by its own account.[^1] Others disagreed with that.',
      ['The run cost $5.6M, by its own account.', 'Others disagreed with that.'],
    ],
    [
      'headings, tables, quotes and HTML blocks are left out',
      '## A heading here\n\n| a | b |\n|---|---|\n\n> A quoted line goes away.\n\n<aside>Not prose at all.</aside>\n\nOnly this sentence stays here.',
      ['Only this sentence stays here.'],
    ],
    ['list items become sentences', '- The first item is here.\n- The second item is here.', ['The first item is here.', 'The second item is here.']],
    ['lines of a paragraph join', 'A sentence that runs\nover two lines ends here.', ['A sentence that runs over two lines ends here.']],
    ['fragments under four words are dropped', 'Too short. This one is long enough.', ['This one is long enough.']],
    [
      'sentences MDX would read as syntax are dropped',
      'A value of {x} breaks MDX badly. A sign like a < b does too. This one is fine to keep.',
      ['This one is fine to keep.'],
    ],
    [
      'a sentence ends only before a capital, a digit, a quote or a bracket',
      'Version 2.5 came out. 2025 was busy for labs. "Open" is a word people use.',
      ['Version 2.5 came out.', '2025 was busy for labs.', '"Open" is a word people use.'],
    ],
  ])('%s', (_rule, body, expected) => {
    expect(sentencesOf(page(body))).toEqual(expected);
  });
  test('the frontmatter is not prose', () => {
    expect(sentencesOf('---\ntitle: "A title with many words in it."\n---\n\nThe body has one sentence here.')).toEqual(['The body has one sentence here.']);
  });
});

describe('article: one synthetic piece', () => {
  const refs = { labs: ['deepseek'], topics: ['licensing'], models: ['qwen3'], milestones: ['2025-01-20-deepseek-r1'] };
  const sources = [
    Array.from({ length: 40 }, (_, k) => `Theme sentence number ${k} is about licences.`),
    Array.from({ length: 40 }, (_, k) => `Other sentence number ${k} is about chips.`),
  ];
  const body = (text: string) => text.split('\n---\n')[1]!;
  test('the same number and kind give the same piece', () => {
    expect(article(7, refs, { kind: 'sampled', articles: sources })).toBe(article(7, refs, { kind: 'sampled', articles: sources }));
  });
  test('prose sampled from the launch edition has about as many words as template prose (within 3%, over 200 pieces)', () => {
    const edition = readdirSync('content/articles', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.mdx?$/.test(f))
      .sort()
      .map((f) => sentencesOf(readFileSync(`content/articles/${f}`, 'utf8')));
    expect(edition.every((a) => a.length >= 20)).toBe(true);
    let sampled = 0,
      template = 0;
    for (let i = 1; i <= 200; i++) {
      sampled += body(article(i, refs, { kind: 'sampled', articles: edition })).split(/\s+/).length;
      template += body(article(i, refs)).split(/\s+/).length;
    }
    expect(Math.abs(sampled / template - 1)).toBeLessThan(0.03);
  });
  // With two sources, 70% dealt from the theme plus half of the 30% picked from any: ~85%.
  test.each([3, 4, 5, 6])('piece %i: most comes from its theme, dealt without repeats (a random pick of 40 of 40 has ~25 distinct)', (i) => {
    const text = body(article(i, refs, { kind: 'sampled', articles: sources }));
    const theme = text.match(/Theme sentence number \d+/g) ?? [];
    const other = text.match(/Other sentence number \d+/g) ?? [];
    const [mine, rest] = theme.length > other.length ? [theme, other] : [other, theme];
    const share = mine.length / (mine.length + rest.length);
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.95);
    expect(new Set(mine.slice(0, 40)).size).toBeGreaterThanOrEqual(30);
  });
});
