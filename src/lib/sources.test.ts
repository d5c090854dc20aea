import { describe, expect, it } from 'vitest';
import { titledSources } from './sources.ts';

const cited = [
  { url: 'https://github.com/deepseek-ai/DeepSeek-R1', title: 'DeepSeek-R1 repository', publisher: 'DeepSeek' },
  { url: 'https://arxiv.org/abs/2501.12948/', title: 'DeepSeek-R1 paper' },
  { url: 'https://github.com/deepseek-ai/DeepSeek-R1', title: 'A later title for the same page' },
];

describe('titledSources: an event source gets the title a piece gave the same page', () => {
  it.each([
    ['a page a piece cites', 'https://github.com/deepseek-ai/DeepSeek-R1', { title: 'DeepSeek-R1 repository', publisher: 'DeepSeek' }],
    ['the same page with or without a trailing slash', 'https://arxiv.org/abs/2501.12948', { title: 'DeepSeek-R1 paper', publisher: undefined }],
    ['http and https are the same page', 'http://github.com/deepseek-ai/DeepSeek-R1/', { title: 'DeepSeek-R1 repository', publisher: 'DeepSeek' }],
    ['a page no piece cites keeps only its address', 'https://example.org/page', {}],
  ])('%s', (_rule, url, expected) => {
    expect(titledSources([url], cited)).toEqual([{ url, ...expected }]);
  });
  it("keeps the order and the count of the event's own list", () => {
    expect(titledSources(['https://example.org/a', 'https://arxiv.org/abs/2501.12948/', 'https://example.org/a'], cited).map((s) => s.title)).toEqual([
      undefined,
      'DeepSeek-R1 paper',
      undefined,
    ]);
  });
});
