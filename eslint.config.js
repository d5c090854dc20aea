// ESLint's, typescript-eslint's (syntax only, no type information, to stay fast) and Astro's recommended rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig(
  globalIgnores([
    'dist/',
    '.astro/',
    '.build-cache/',
    '.bench/',
    '.nginx/',
    'tests/.tmp/',
    'tests/fixtures/**/dist/',
    // Served byte for byte; public/theme.js is hand-minified.
    'public/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['src/scripts/**', 'src/archive/**', 'src/lib/search-*.js'], languageOptions: { globals: { ...globals.browser } } },
  // `const { key: _, ...rest } = o` is how the code drops a key.
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] } },
  // The archive's search is a classic script for older browsers: `catch (e)`, not ES2019's bare `catch`.
  { files: ['src/archive/search.js'], rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, caughtErrors: 'none' }] } },
  // No line over 160 characters in src/ and scripts/, comments and strings included (Prettier wraps code only).
  { files: ['src/**', 'scripts/**'], rules: { 'max-len': ['error', { code: 160 }] } },
);
