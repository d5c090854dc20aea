import { describe, expect, it } from 'vitest';
import { otherNames } from './names.ts';

describe('otherNames: print the short names readers search by, not respellings', () => {
  it.each([
    ['DeepSeek-R1', ['R1', 'DeepSeek R1', 'DeepSeek-R1-Zero', 'R1-Zero'], ['R1', 'R1-Zero']],
    ['Liang Wenfeng', ['梁文锋'], ['梁文锋']],
    ['DeepSeek', ['深度求索', 'DeepSeek-AI'], ['深度求索']],
    ['Llama 4', ['LLaMA 4', 'Llama-4'], []],
    ['US Bureau of Industry and Security', ['BIS'], ['BIS']],
  ])('%s', (name, aliases, expected) => expect(otherNames(name, aliases)).toEqual(expected));
});
