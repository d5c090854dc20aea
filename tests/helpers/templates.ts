/** One page of every template, as site paths under the base: the browser tests visit each. */
export const templates: [name: string, path: string][] = [
  ['home', ''], ['article', 'articles/how-a-hedge-fund-built-deepseek/'], ['archive', 'archive/'], ['archive year', 'archive/2026/'],
  ['topics', 'topics/'], ['topic', 'topics/china/'], ['labs', 'labs/'], ['lab', 'labs/deepseek/'], ['models', 'models/'],
  ['models sorted', 'models/sort/params/'], ['models filtered', 'models/licence/mit/'],
  ['model', 'models/deepseek-r1/'], ['people', 'people/'], ['person', 'people/liang-wenfeng/'], ['timeline', 'timeline/'],
  ['timeline filter', 'timeline/lab/deepseek/'], ['timeline by year', 'timeline/year/2023/'], ['milestone', 'timeline/2025-01-20-deepseek-r1/'], ['search', 'search/?q=deepseek'],
  // A linked filter opens the filters: their checkboxes and counts are checked too.
  ['search, filters open', 'search/?q=deepseek&lab=DeepSeek'],
  ['about', 'about/'], ['not found', 'no-such-page/'], ['corrections', 'corrections/'], ['authors', 'authors/'], ['author', 'authors/newsroom/'],
  // Article components: charts, figures.
  ['article with charts', 'articles/the-open-weights-race-by-country-and-licence/'],
  ['article with figures', 'articles/mixture-of-experts-and-latent-attention-explained/'],
];
