import { describe, expect, test } from 'vitest';
import { pagefindOutcome } from './pagefind.ts';

const run = (lines: string[]) => `\nRunning Pagefind v1.6.0 (Extended)\n[Walking source directory]\nFound 12 files matching **/*.{html}\n\n[Parsing files]\n${lines.join('\n')}\n`;
const BODY = 'Found a data-pagefind-body element on the site.\n↳ Ignoring pages without this tag.';
const NO_BODY = 'Did not find a data-pagefind-body element on the site.\n↳ Indexing all <body> elements on the site.';
const TOTAL = (pages: string) => `[Building search indexes]\nTotal: \n  Indexed 1 language\n  ${pages}\n  Indexed 120 words\n\nFinished in 0.2 seconds`;

describe('pagefindOutcome: a Pagefind run the build accepts, or why it stops', () => {
  test.each([
    ['a normal run', 0, run([BODY, TOTAL('Indexed 9 pages')]), { pages: 9 }],
    ['one page', 0, run([BODY, TOTAL('Indexed 1 page')]), { pages: 1 }],
  ])('%s is accepted', (_case, code, output, expected) => {
    expect(pagefindOutcome(code, output)).toEqual(expected);
  });
  test.each([
    ['an error exit stops the build, with what Pagefind said', 1, run(['Error: Pagefind was not able to build an index.']), /Pagefind failed \(exit 1\):[\s\S]*not able to build an index/],
    ['a killed run stops the build', null, run([BODY]), /Pagefind failed \(exit null\)/],
    ['no page with data-pagefind-body stops the build (Pagefind would index navigation and footers)', 0, run([NO_BODY, TOTAL('Indexed 12 pages')]), /no page with data-pagefind-body/],
    ['no page indexed stops the build', 0, run([BODY, TOTAL('Indexed 0 pages')]), /indexed no page/],
    ['a run without a total stops the build', 0, run([BODY]), /indexed no page/],
  ])('%s', (_case, code, output, error) => {
    const outcome = pagefindOutcome(code, output);
    expect('error' in outcome && outcome.error).toMatch(error);
  });
});
