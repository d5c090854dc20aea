/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// One runner for everything: lib unit tests, build-output tests, fixture builds and browser tests.
export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    globalSetup: ['tests/global-setup.ts'],
  },
}, { devToolbar: { enabled: false } });
