import { describe, expect, it } from 'vitest';
import { modelFacts, type ModelLike } from './model-facts.ts';

const base: ModelLike = { name: 'X', access: 'open-weights', openness: { weights: 'open', code: 'closed', data: 'unknown', paper: 'restricted' } };
const facts = (m: Partial<ModelLike>) => Object.fromEntries(modelFacts({ ...base, ...m }, 'Lab').map((r) => [r.label, r.value]));

describe('modelFacts: a spec card from the current model schema, "Not stated" for what a file lacks', () => {
  it.each<[string, Partial<ModelLike>, Record<string, string>]>([
    [
      'a MoE model',
      { parameters: { total: 671, active: 37 }, architecture: 'moe', released: '2024-12-26' },
      { Parameters: '671B', 'Active per token': '37B', Architecture: 'Mixture of experts', Released: '26 December 2024' },
    ],
    ['a dense model: all parameters active', { parameters: { total: 7 } }, { Parameters: '7B', 'Active per token': 'All (dense)' }],
    ['nothing disclosed', {}, { Parameters: 'Not stated', 'Active per token': 'Not stated', Licence: 'Not stated', Released: 'Not stated' }],
    [
      'a lab that did not say',
      { parameters: 'undisclosed', contextLength: 131072 },
      { Parameters: 'Undisclosed', 'Active per token': 'Undisclosed', Context: '131,072 tokens' },
    ],
    ['a custom licence, by its name', { licence: { name: 'Llama 4 Community License' } }, { Licence: 'Llama 4 Community License (custom)' }],
    [
      'openness and access in words',
      { licence: { spdx: 'MIT', name: 'MIT License' } },
      { Licence: 'MIT', Access: 'Open weights', Weights: 'Open', 'Training code': 'Closed', 'Training data': 'Not stated', Paper: 'Restricted' },
    ],
  ])('%s', (_n, m, expected) => expect(facts(m)).toMatchObject(expected));
});
