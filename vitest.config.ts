/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Each run builds into its own folder, so two runs (two editors, or an editor and CI) never collide.
process.env.FC_TEST_TMP ??= `tests/.tmp/run-${process.pid}`;

// One runner for everything: lib unit tests, build-output tests, fixture builds and browser tests.
export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    globalSetup: ['tests/global-setup.ts'],
  },
}, { devToolbar: { enabled: false } });
