import { describe, expect, it } from 'vitest';
import { isAstroMdxDirectiveWarning } from './build-warnings.ts';

const directive = (file: string) => `The semantics of the module level directive "use astro:head-inject" in "${file}" may not be preserved when bundling.`;

describe("the one bundler warning the build does not print: Astro's MDX directive (withastro/astro#18087)", () => {
  it.each([
    [
      "Astro's directive in an MDX piece",
      {
        code: 'MODULE_LEVEL_DIRECTIVE',
        message: directive('content/articles/a.mdx?astroPropagatedAssets'),
        id: 'content/articles/a.mdx?astroPropagatedAssets',
      },
      true,
    ],
    ['the same, the file named only in the message', { code: 'MODULE_LEVEL_DIRECTIVE', message: directive('content/articles/a.mdx') }, true],
    [
      "Astro's directive in a file that is not MDX",
      { code: 'MODULE_LEVEL_DIRECTIVE', message: directive('src/components/X.tsx'), id: 'src/components/X.tsx' },
      false,
    ],
    [
      'another directive in an MDX piece',
      {
        code: 'MODULE_LEVEL_DIRECTIVE',
        message: 'The semantics of the module level directive "use client" in "a.mdx" may not be preserved when bundling.',
        id: 'a.mdx',
      },
      false,
    ],
    ['another warning about an MDX piece', { code: 'UNRESOLVED_IMPORT', message: directive('a.mdx'), id: 'a.mdx' }, false],
    ['a warning with no code', { message: directive('a.mdx'), id: 'a.mdx' }, false],
    ['an empty warning', {}, false],
  ])('%s: dropped %s', (_, warning, dropped) => expect(isAstroMdxDirectiveWarning(warning)).toBe(dropped));
});
