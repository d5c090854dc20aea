import { describe, expect, it } from 'vitest';
import { referencing, relatedArticles, type ArticleLike } from './relations.ts';
import { articleText, articleTextFacts, htmlText, minutesFor, wordCount } from './reading-time.ts';

const r = (...ids: string[]) => ids.map((id) => ({ id }));
const art = (id: string, published: string, f: Partial<Record<'labs' | 'models' | 'people' | 'topics' | 'milestones', string[]>>): ArticleLike => ({
  id,
  data: {
    published,
    labs: r(...(f.labs ?? [])),
    models: r(...(f.models ?? [])),
    people: r(...(f.people ?? [])),
    topics: r(...(f.topics ?? [])),
    milestones: r(...(f.milestones ?? [])),
  },
});

const a = art('a', '2026-01-01', { labs: ['deepseek'], models: ['deepseek-r1'], topics: ['markets'] });
const b = art('b', '2026-01-02', { labs: ['deepseek'], topics: ['markets'] });
const c = art('c', '2026-01-03', { models: ['deepseek-r1'] });
const d = art('d', '2026-01-04', { labs: ['meta'] });
const e = art('e', '2026-01-05', { topics: ['markets'] });

describe('referencing: coverage of an entity', () => {
  it.each([
    ['labs', 'deepseek', ['a', 'b']],
    ['models', 'deepseek-r1', ['a', 'c']],
    ['topics', 'nothing', []],
  ] as const)('%s=%s → %o', (facet, id, expected) => {
    expect(referencing([a, b, c, d, e], facet, id).map((x) => x.id)).toEqual(expected);
  });
  it('an entry that names an entity twice is listed once', () => {
    const twice = art('t', '2026-01-06', { labs: ['deepseek', 'deepseek'] });
    expect(referencing([twice, a], 'labs', 'deepseek').map((x) => x.id)).toEqual(['t', 'a']);
  });
  it('a list that grew after its first join is indexed again', () => {
    const list = [a, b];
    expect(referencing(list, 'topics', 'markets').map((x) => x.id)).toEqual(['a', 'b']);
    list.push(e);
    expect(referencing(list, 'topics', 'markets').map((x) => x.id)).toEqual(['a', 'b', 'e']);
  });
});

describe('relatedArticles: shared specific entities first, then newer', () => {
  it.each([
    [a, ['b', 'c', 'e']], // b shares lab+topic (2), c shares a model (2, older than b? no: c is newer) → c, b; e shares topic (1)
    [d, []],
  ])('related to %o', (article, expected) => {
    const got = relatedArticles(article, [a, b, c, d, e]).map((x) => x.id);
    expect(new Set(got)).toEqual(new Set(expected));
    expect(got).not.toContain(article.id);
  });
  it("a call that throws on a malformed piece leaves the next call's scores clean", () => {
    const broken = { id: 'x', data: { ...a.data, milestones: undefined } } as unknown as ArticleLike;
    expect(() => relatedArticles(broken, [a, b, c, d, e, broken])).toThrow();
    expect(relatedArticles(a, [a, b, c, d, e]).map((x) => x.id)).toEqual(['c', 'b', 'e']);
  });
  it('orders equal scores newest first', () => {
    expect(relatedArticles(a, [a, b, c, d, e]).map((x) => x.id)).toEqual(['c', 'b', 'e']);
  });
});

describe('relatedArticles at scale: the index gives what scoring every pair gives', () => {
  // A deterministic corpus where pieces share labs, topics, models and milestones often, with ties.
  const ref = (prefix: string, n: number) => [{ id: `${prefix}${n}` }];
  const corpus: ArticleLike[] = Array.from({ length: 300 }, (_, i) => ({
    id: `p${String(i).padStart(3, '0')}`,
    data: {
      published: `2025-0${1 + (i % 9)}-1${i % 10}`,
      labs: ref('lab', i % 7),
      topics: [...ref('t', i % 5), ...ref('t', (i * 3) % 5)],
      models: ref('m', i % 11),
      people: i % 4 ? [] : ref('x', i % 3),
      milestones: ref('ms', i % 13),
    },
  }));
  const weights: [keyof ArticleLike['data'], number][] = [
    ['models', 2],
    ['people', 2],
    ['labs', 1],
    ['topics', 1],
    ['milestones', 2],
  ];
  function bruteForce(article: ArticleLike, limit: number): string[] {
    const ids = (x: ArticleLike, f: keyof ArticleLike['data']) => new Set((x.data[f] as { id: string }[]).map((r) => r.id));
    return corpus
      .filter((o) => o.id !== article.id)
      .map((o) => ({ o, score: weights.reduce((sum, [f, w]) => sum + w * [...ids(article, f)].filter((id) => ids(o, f).has(id)).length, 0) }))
      .filter((x) => x.score > 0)
      .sort(
        (x, y) => y.score - x.score || (x.o.data.published < y.o.data.published ? 1 : x.o.data.published > y.o.data.published ? -1 : x.o.id < y.o.id ? -1 : 1),
      )
      .slice(0, limit)
      .map((x) => x.o.id);
  }
  it.each(['labs:lab3', 'topics:t1', 'models:m10', 'people:x0', 'milestones:ms12', 'labs:nobody'])(
    'referencing %s gives what a scan gives, in order',
    (key) => {
      const [facet, id] = key.split(':') as [keyof ArticleLike['data'] & 'labs', string];
      const scan = corpus.filter((x) => (x.data[facet] as { id: string }[]).some((r) => r.id === id)).map((x) => x.id);
      expect(referencing(corpus, facet, id).map((x) => x.id)).toEqual(scan);
    },
  );
  it.each([0, 1, 17, 150, 299].flatMap((i) => [0, 1, 3, 8].map((limit) => [corpus[i]!.id, limit] as const)))('%s, limit %i', (id, limit) => {
    const article = corpus.find((x) => x.id === id)!;
    expect(relatedArticles(article, corpus, limit).map((x) => x.id)).toEqual(bruteForce(article, limit));
  });
});

describe('minutesFor: reading time at 220 words a minute, at least 1', () => {
  it.each([
    ['', 1],
    ['word '.repeat(220), 1],
    ['word '.repeat(1100), 5],
    ['word '.repeat(330), 2],
  ])('%#', (body, minutes) => {
    expect(minutesFor(wordCount(body))).toBe(minutes);
  });
});

describe('articleText: the words a reader sees, from the Markdown body (MDX) or the rendered HTML (plain Markdown)', () => {
  it.each([
    ['MDX keeps its body', { body: 'Raw *body* here.', rendered: { html: '<p>ignored</p>' } }, 'Raw *body* here.'],
    [
      'Markdown: tags dropped, entities decoded',
      { rendered: { html: '<h2 id="a">R1 &amp; V3</h2>\n<p>See <a href="https://x.example/long/url">the report</a> &lt;here&gt;.</p>' } },
      'R1 & V3 See the report <here>.',
    ],
    ['CJK names survive', { rendered: { html: '<p>梁文锋 founded &#x6DF1;度求索.</p>' } }, '梁文锋 founded 深度求索.'],
    ['nothing rendered', {}, ''],
  ])('%s', (_, entry, expected) => expect(articleText(entry)).toBe(expected));
  it('link URLs are not words: reading time counts only visible text', () => {
    expect(htmlText('<p><a href="https://example.org/a/b/c">one</a> two</p>').split(' ')).toEqual(['one', 'two']);
  });
});

describe('articleTextFacts: the word count and the names of what articleText says', () => {
  const entries = [
    { body: 'Raw *body* about DeepSeek-R1 here.', rendered: { html: '<p>ignored</p>' } },
    { rendered: { html: '<h2 id="a">R1 &amp; V3</h2>\n<p>Liang\nWenfeng founded <em>DeepSeek</em>, say &#x6DF1;度求索.</p>' } },
    { rendered: { html: '<p>Liang <em>Wenfeng</em> and AT&amp;T; "quoted"</p>' } },
    { rendered: { html: '<p>Deep<b>Seek</b> and <a href="https://x.example/R2">a link</a></p>' } },
    {},
  ];
  const names = ['DeepSeek', 'DeepSeek-R1', 'R1', 'R2', 'V3', 'R1 & V3', 'Liang Wenfeng', 'AT&T', '"quoted"', '深度求索', 'absent', 'a link', 'Deep'];
  for (const [i, entry] of entries.entries()) {
    it(`entry ${i}: word count and every name as articleText says`, () => {
      const facts = articleTextFacts(entry);
      const text = articleText(entry);
      expect(facts.words).toBe(text.split(/\s+/).filter(Boolean).length);
      for (const name of names) expect(facts.contains(name), name).toBe(text.includes(name));
    });
  }
});
