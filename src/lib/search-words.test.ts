import { describe, expect, test } from 'vitest';
import { firstSentence, forPagefind, key, mergeSpellings, unseenWords, variants, vocabularyOf } from './search-words.js';
import { distance, suggest, worthOffering } from './search-suggest.js';

const SYN = [
  ['licence', 'license'],
  ['open source', 'open-source', 'opensource'],
  ['$5.6M', '$5.576M', '5.6 million'],
  ['梁文锋', 'Liang Wenfeng'],
  ['Hugging Face', 'HuggingFace'],
];

describe('variants: the query in every spelling the synonym list allows', () => {
  test.each([
    ['license', ['license', 'licence']],
    ['Licence', ['licence', 'license']],
    ['llama license', ['llama license', 'llama licence']],
    ['licensed', ['licensed']], // whole words only
    ['open-source models', ['open-source models', 'open source models', 'opensource models']],
    ['OPEN  SOURCE', ['open source', 'open-source', 'opensource']],
    ['$5.6M', ['$5.6m', '$5.576m', '5.6 million']],
    ['5.6 million dollars', ['5.6 million dollars', '$5.6m dollars', '$5.576m dollars']],
    ['梁文锋的公司', ['梁文锋的公司', 'liang wenfeng的公司']],
    ['huggingface', ['huggingface', 'hugging face']],
    ['deepseek', ['deepseek']],
    ['', ['']],
  ])('%s', (q, expected) => expect(variants(q, SYN)).toEqual(expected));
  test('two entries in one query combine, up to the cap', () => {
    expect(variants('open source licence', SYN)).toEqual([
      'open source licence',
      'open source license',
      'open-source licence',
      'opensource licence',
      'open-source license',
      'opensource license',
    ]);
    expect(variants('open source licence', SYN, 4)).toHaveLength(4);
  });
});

describe('suggest: "Did you mean" from the site\'s vocabulary', () => {
  const vocab = ['deepseek', 'mistral', 'hugging', 'face', 'licence', 'lecun', 'model', 'llama', 'qwen'];
  test.each([
    ['deepsek', 'deepseek'],
    ['mistrel', 'mistral'],
    ['licnce', 'licence'],
    ['DeepSeek', null], // known
    ['hugingface', null], // too far from any one word
    ['hugging fase', 'hugging face'],
    ['lecunn', 'lecun'],
    ['quen', 'qwen'],
    ['5.6m', null], // numbers are left alone
    ['梁文锋', null],
    ['ai', null], // too short to guess
    ['zzzzzz', null],
  ])('%s → %s', (q, expected) => expect(suggest(q, vocab)).toBe(expected));
  test('only the words it is told may be misspelt', () => {
    expect(suggest('mistrel deepsek', vocab, (w) => w === 'deepsek')).toBe('mistrel deepseek');
    expect(suggest('mistrel', vocab, () => false)).toBeNull();
  });
});

describe('unseenWords: the query words no result contains', () => {
  const texts = ['DeepSeek-V3 was trained on H800s', 'Fire-Flyer cluster'];
  test.each([
    ['deepseek trained', []],
    ['deepsek trained', ['deepsek']],
    ['fire-flyer', []],
    ['firefly cluster', ['firefly']],
    ['v3 5.6m 梁文锋', []], // short words, numbers and CJK are never suspects
  ])('%s → %j', (q, out) => expect(unseenWords(q, texts)).toEqual(out));
  test('no results: every word is a suspect', () => expect(unseenWords('mistrel', [])).toEqual(['mistrel']));
});

describe('helpers', () => {
  test.each([
    ['GPT OSS', 'gpt oss'],
    ['gpt-oss', 'gpt oss'],
    ['  Open\u2011Source ', 'open source'],
    ['ＤｅｅｐＳｅｅｋ', 'deepseek'],
  ])('key(%s)', (s, k) => expect(key(s)).toBe(k));
  test.each([
    ['deepsek', 'deepseek', 1],
    ['mistrel', 'mistral', 1],
    ['lciense', 'license', 1],
    ['abc', 'xyz', 3],
  ])('distance(%s, %s)', (a, b, d) => expect(distance(a, b, 3)).toBe(d));
  test('vocabularyOf splits names and titles into distinct words', () => {
    expect(vocabularyOf(['DeepSeek-V3', "What DeepSeek-V3's $5.576M figure measures", 'Hugging Face', '梁文锋'])).toEqual(
      ['deepseek', 'what', "v3's".replace("'s", ''), '5.576m', 'figure', 'measures', 'hugging', 'face'].filter((w) => w.length >= 3),
    );
  });
  test.each([
    ['$5.6M', '5.6M'],
    ['€20 billion', '20 billion'],
    ['US$', 'US$'],
  ])('forPagefind(%s)', (q, out) => expect(forPagefind(q)).toBe(out));
});

describe("firstSentence: an entity result shows its summary's first sentence", () => {
  test.each([
    ['Research lab spun out of High-Flyer. Known for MLA.', 'Research lab spun out of High-Flyer.'],
    ['Trained for $5.6M on 2,048 H800s. It was cheap.', 'Trained for $5.6M on 2,048 H800s.'],
    ['Released v2.5 in 2024 (see Fig. 2) and more', 'Released v2.5 in 2024 (see Fig. 2) and more'],
    ['One sentence only.', 'One sentence only.'],
    ['Ends with a question? Then more.', 'Ends with a question?'],
  ])('%s', (text, out) => expect(firstSentence(text)).toBe(out));
});

describe('worthOffering: a suggestion shows for a query that found little, or that it turns into a name', () => {
  const names = new Set(['deepseek', 'mistral']);
  test.each([
    ['deepsek', 'deepseek', 12, true], // a name, whatever the results
    ['licnce', 'licence', 0, true], // few results
    ['licnce', 'licence', 3, true],
    ['how much', 'how mach', 9, false], // not a name, and enough results
    ['deepseek', null, 0, false],
  ])('%s → %s with %i results: %s', (q, better, total, out) => expect(worthOffering(q, better, total, 3, names)).toBe(out));
});

describe('mergeSpellings: one list from the searches of each spelling', () => {
  const r = (id: string, score: number) => ({ id, score });
  test.each([
    ['one spelling keeps its order', [[r('a', 3), r('b', 2)]], ['a', 'b']],
    [
      "scores are relative to each list's best",
      [
        [r('explainer', 8), r('event', 6)],
        [r('event', 21), r('other', 20)],
      ],
      ['explainer', 'event', 'other'],
    ],
    [
      'a page found by both keeps its best',
      [
        [r('a', 10), r('b', 1)],
        [r('b', 5), r('c', 4)],
      ],
      ['a', 'b', 'c'],
    ],
    ['ties keep the typed spelling first', [[r('typed', 2)], [r('other', 7)]], ['typed', 'other']],
    ['empty lists', [[], [r('a', 1)]], ['a']],
  ])('%s', (_name, lists, ids) => expect(mergeSpellings(lists).map((x) => x.id)).toEqual(ids));
});
