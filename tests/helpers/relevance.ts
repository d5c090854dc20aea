/**
 * Reader queries and the pages a reader expects in the top 3, written before any tuning (issue #23).
 * Each row: the query as typed, what kind of query it is, and the site paths (without the base) any
 * one of which in the top 3 counts as a hit. Expectations name the page that answers the question
 * (the lab for a lab's name, the explainer for its topic), so they stay true as content grows.
 */
export interface Case {
  q: string;
  kind: string;
  expect: string[];
}

const article = (slug: string) => `articles/${slug}/`;
const LICENCE = [article('how-to-read-a-model-licence'), 'topics/licensing/'];
const COST = [article('what-deepseek-v3s-5-6m-figure-measures')];
const OPEN_SOURCE = [article('open-weights-vs-open-source'), 'topics/openness/'];
const MOE = [article('mixture-of-experts-and-latent-attention-explained'), 'topics/architecture/'];
const EXPORT = [article('how-export-controls-shaped-chinese-labs'), 'topics/export-controls/'];
const GPT_OSS = ['models/gpt-oss/', article('openai-gpt-oss-first-open-weights-since-gpt-2')];

export const CASES: Case[] = [
  { q: 'deepseek', kind: 'lab', expect: ['labs/deepseek/'] },
  { q: 'DeepSeek', kind: 'lab', expect: ['labs/deepseek/'] },
  { q: 'mistral', kind: 'lab', expect: ['labs/mistral/'] },
  { q: 'qwen', kind: 'lab', expect: ['labs/alibaba-qwen/', 'models/qwen3/'] },
  { q: 'hugging face', kind: 'lab', expect: ['labs/huggingface/'] },
  { q: 'huggingface', kind: 'lab, joined', expect: ['labs/huggingface/'] },
  { q: 'moonshot', kind: 'lab', expect: ['labs/moonshot/'] },
  { q: 'zhipu', kind: 'lab', expect: ['labs/zhipu/'] },
  { q: 'high-flyer', kind: 'lab', expect: ['labs/high-flyer/', article('how-a-hedge-fund-built-deepseek')] },
  { q: '深度求索', kind: 'Chinese name', expect: ['labs/deepseek/'] },
  { q: 'liang wenfeng', kind: 'person', expect: ['people/liang-wenfeng/'] },
  { q: '梁文锋', kind: 'Chinese name', expect: ['people/liang-wenfeng/'] },
  { q: '杨植麟', kind: 'Chinese name', expect: ['people/yang-zhilin/'] },
  { q: 'yann lecun', kind: 'person', expect: ['people/yann-lecun/'] },
  { q: 'lecun', kind: 'person, surname', expect: ['people/yann-lecun/'] },
  { q: 'arthur mensch', kind: 'person', expect: ['people/arthur-mensch/'] },
  { q: 'license', kind: 'US spelling', expect: LICENCE },
  { q: 'licence', kind: 'UK spelling', expect: LICENCE },
  { q: 'llama license', kind: 'topic, US spelling', expect: [article('how-to-read-a-model-licence'), article('the-open-weights-race-by-country-and-licence')] },
  { q: 'llama licence', kind: 'topic, UK spelling', expect: [article('how-to-read-a-model-licence'), article('the-open-weights-race-by-country-and-licence')] },
  { q: 'deepseek cost', kind: 'topic', expect: COST },
  { q: 'how much did deepseek v3 cost to train', kind: 'question', expect: COST },
  { q: '$5.6M', kind: 'number', expect: COST },
  { q: '5.6 million', kind: 'number, words', expect: COST },
  { q: '$5.576M', kind: 'number, exact', expect: COST },
  { q: 'open source', kind: 'topic', expect: OPEN_SOURCE },
  { q: 'open-source', kind: 'topic, hyphenated', expect: OPEN_SOURCE },
  { q: 'is open weights the same as open source', kind: 'question', expect: OPEN_SOURCE },
  { q: 'gpt-oss', kind: 'model', expect: GPT_OSS },
  { q: 'GPT OSS', kind: 'model, spaced', expect: GPT_OSS },
  { q: 'mixture of experts', kind: 'topic', expect: MOE },
  { q: 'MoE', kind: 'abbreviation', expect: MOE },
  { q: 'what is multi-head latent attention', kind: 'question', expect: MOE },
  { q: 'export controls', kind: 'topic', expect: EXPORT },
  { q: 'chip export rules china', kind: 'topic, own words', expect: EXPORT },
  { q: 'nvidia stock sell-off', kind: 'event', expect: [article('deepseek-r1-and-the-market-reaction')] },
  { q: 'hedge fund', kind: 'topic', expect: [article('how-a-hedge-fund-built-deepseek'), 'labs/high-flyer/'] },
  { q: 'kimi k2', kind: 'model', expect: ['models/kimi-k2/', article('kimi-k2-moonshot-open-sources-a-trillion-parameters')] },
  { q: 'R1', kind: 'model, short name', expect: ['models/deepseek-r1/', article('deepseek-r1-and-the-market-reaction')] },
  { q: 'llama 4', kind: 'model', expect: ['models/llama-4/', article('llama-4-scout-and-maverick')] },
  { q: 'LLaMA', kind: 'model, old casing', expect: ['models/llama/', article('llama-4-scout-and-maverick')] },
  { q: 'reasoning models', kind: 'topic', expect: ['topics/reasoning/'] },
  { q: 'qwen3 thinking', kind: 'topic', expect: [article('qwen3-hybrid-thinking')] },
  { q: 'mistral funding', kind: 'topic', expect: [article('mistral-from-seed-round-to-mistral-3')] },
  { q: 'how to read the timeline', kind: 'question', expect: [article('a-guide-to-reading-the-timeline')] },
  { q: 'deepsek', kind: 'typo', expect: ['labs/deepseek/'] },
  { q: 'mistrel', kind: 'typo', expect: ['labs/mistral/'] },
  { q: 'hugingface', kind: 'typo', expect: ['labs/huggingface/'] },
  { q: 'licnce', kind: 'typo', expect: LICENCE },
  { q: 'lecunn', kind: 'typo', expect: ['people/yann-lecun/'] },
];

export interface Outcome {
  c: Case;
  top: string[];
  rank: number;
  via?: string;
}

/** 1-based rank of the first expected page among `urls` (site paths without the base), 0 if none. */
export function rankOf(urls: string[], expect: string[]): number {
  const i = urls.findIndex((u) => expect.includes(u));
  return i + 1;
}

/** Hit rate (expected page in the top 3) and mean reciprocal rank (over the first ten). */
export function score(outcomes: Outcome[]): { hits: number; rate: number; mrr: number; misses: Outcome[] } {
  const hit = (o: Outcome) => o.rank > 0 && o.rank <= 3;
  const hits = outcomes.filter(hit).length;
  const mrr = outcomes.reduce((s, o) => s + (o.rank > 0 && o.rank <= 10 ? 1 / o.rank : 0), 0) / outcomes.length;
  return { hits, rate: hits / outcomes.length, mrr, misses: outcomes.filter((o) => !hit(o)) };
}

export function report(outcomes: Outcome[]): string {
  const s = score(outcomes);
  const lines = [`relevance: ${s.hits}/${outcomes.length} in the top 3 (${(s.rate * 100).toFixed(1)}%), MRR ${s.mrr.toFixed(3)}`];
  for (const o of s.misses)
    lines.push(
      `  miss: "${o.c.q}" (${o.c.kind}): expected ${o.c.expect.join(' or ')}, rank ${o.rank || '>10'}; top 3: ${o.top.slice(0, 3).join(', ') || '(none)'}`,
    );
  for (const o of outcomes.filter((x) => x.via)) lines.push(`  via "Did you mean": "${o.c.q}" → "${o.via}", rank ${o.rank || '>10'}`);
  return lines.join('\n');
}

/** The shape of a Playwright page this needs (so this module does not import the browser). */
interface PageLike {
  goto(url: string): Promise<unknown>;
  waitForFunction(f: () => boolean): Promise<unknown>;
  locator(s: string): {
    evaluateAll<R>(f: (els: Element[]) => R): Promise<R>;
    count(): Promise<number>;
    first(): { click(): Promise<void>; textContent(): Promise<string | null> };
  };
}

/** The first ten results' paths (without `base`) for the query typed into the real search page. */
async function resultsShown(page: PageLike, base: string): Promise<string[]> {
  await page.waitForFunction(
    () => document.documentElement.dataset.searchReady === 'true' && document.querySelector('#results')?.getAttribute('aria-busy') === 'false',
  );
  const hrefs = await page.locator('#results li h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.map((h) => (h.startsWith(base) ? h.slice(base.length) : h));
}

/**
 * Runs one case through the search page at `origin` + `base`. Where the expected page is not in
 * the top 3 and the page offers "Did you mean …?", follows it once, as a reader would.
 */
export async function runCase(page: PageLike, origin: string, base: string, c: Case): Promise<Outcome> {
  await page.goto(`${origin}${base}search/?q=${encodeURIComponent(c.q)}`);
  let top = await resultsShown(page, base);
  let rank = rankOf(top, c.expect);
  if (rank > 0 && rank <= 3) return { c, top, rank };
  const suggestion = page.locator('#did-you-mean a');
  if (await suggestion.count()) {
    const via = (await suggestion.first().textContent()) ?? '';
    await suggestion.first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === document.querySelector<HTMLInputElement>('#q')?.value);
    top = await resultsShown(page, base);
    rank = rankOf(top, c.expect);
    return { c, top, rank, via };
  }
  return { c, top, rank };
}
