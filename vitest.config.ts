/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Each run builds into its own folder, so two runs (two editors, or an editor and CI) never collide.
process.env.FC_TEST_TMP ??= `tests/.tmp/run-${process.pid}`;

// One runner, two projects: `unit` (src/** and bench/**: pure tests, no build) and `site` (tests/**: built
// output, fixture builds, browser tests; its global setup builds the sites once). `npm test` runs
// both; `npx vitest run --project unit` runs the unit tests alone, in seconds, and builds nothing
// (so it can run beside `npm run bench`).
export default getViteConfig(
  {
    test: {
      testTimeout: 120_000,
      hookTimeout: 600_000,
      projects: [
        { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'] } },
        { extends: true, test: { name: 'site', include: ['tests/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] } },
      ],
    },
  },
  { devToolbar: { enabled: false } },
);
