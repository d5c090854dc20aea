import { describe, expect, it } from 'vitest';
import { FALLBACK_SLUG, MAX_SLUG_LENGTH, slugify, uniqueSlug } from './slug.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const long =
  'The long and winding story of how a quantitative hedge fund in Hangzhou quietly built one of the most capable open-weights model labs in the world';

describe('slugify: a title becomes a stable lowercase ASCII kebab-case slug', () => {
  it.each([
    ['How a hedge fund built DeepSeek', 'how-a-hedge-fund-built-deepseek'],
    ['DeepSeek-R1 and the market reaction', 'deepseek-r1-and-the-market-reaction'],
    ['Qwen2.5: what’s new?', 'qwen2-5-whats-new'],
    ["DeepSeek's R1", 'deepseeks-r1'],
    ['Llama 3.1 405B', 'llama-3-1-405b'],
    ['  --Spaces,  dashes -- and __underscores__  ', 'spaces-dashes-and-underscores'],
    ['Mistral à Paris : l’été', 'mistral-a-paris-lete'],
    ['Crème brûlée, naïve façade', 'creme-brulee-naive-facade'],
    ['Straße, Ærø and Łódź', 'strasse-aero-and-lodz'],
    ['ﬁne-tuning with full-width ＡＩ２', 'fine-tuning-with-full-width-ai2'],
  ])('%s → %s (diacritics stripped, punctuation turned into single hyphens)', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([
    ['梁文锋 and DeepSeek 🚀', 'and-deepseek'],
    ['DeepSeek 深度求索 R1', 'deepseek-r1'],
    ['Kimi K2 🌙 launch', 'kimi-k2-launch'],
  ])('%s → %s (non-ASCII such as CJK and emoji is dropped, not transliterated)', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([['梁文锋'], ['🚀🚀'], ['!!!'], [''], ['深度求索：开源']])('%j has no ASCII letters or digits, so it gets the fallback', (title) => {
    expect(slugify(title)).toBe(FALLBACK_SLUG);
  });

  it('trims long titles at a word boundary to at most 80 characters', () => {
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe('the-long-and-winding-story-of-how-a-quantitative-hedge-fund-in-hangzhou-quietly');
    expect(slugify(long).endsWith('-')).toBe(false);
  });

  it('cuts a single word longer than the limit rather than returning nothing', () => {
    expect(slugify('a'.repeat(120))).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });

  it('always returns a valid id, the same for the same title', () => {
    for (const title of [long, '梁文锋', 'Qwen2.5', '¿Qué pasó?', 'GPT-NeoX-20B', 'x'.repeat(200)]) {
      expect(slugify(title)).toMatch(ID);
      expect(slugify(title)).toBe(slugify(title));
    }
  });
});

describe('uniqueSlug: never reuses a slug that exists (two files would publish one URL)', () => {
  it.each([
    ['new-piece', [], 'new-piece'],
    ['new-piece', ['other'], 'new-piece'],
    ['new-piece', ['new-piece'], 'new-piece-2'],
    ['new-piece', ['new-piece', 'new-piece-2'], 'new-piece-3'],
    ['new-piece', ['new-piece', 'new-piece-3'], 'new-piece-2'],
  ])('%s among %j → %s', (base, existing, expected) => {
    expect(uniqueSlug(base, new Set(existing))).toBe(expected);
  });

  it('keeps a suffixed slug within the length limit and valid', () => {
    const base = slugify('b'.repeat(79) + ' c');
    expect(base.length).toBe(79);
    const next = uniqueSlug(base, new Set([base]));
    expect(next.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(next).toMatch(ID);
    expect(next.endsWith('-2')).toBe(true);
  });
});
