import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The worker's code is made in a build cache of this test's own (site.ts reads FC_CACHE_DIR when first imported).
const cache = await mkdtemp(path.join(os.tmpdir(), 'fc-sw-test-'));
process.env.FC_CACHE_DIR = cache;
const { workerCode } = await import('./service-worker.ts');
afterAll(() => rm(cache, { recursive: true, force: true }));

describe('workerCode: the bundled worker, made once and kept in the build cache', () => {
  it('keeps the code in the cache, and gives the same code from it the second time', async () => {
    const code = await workerCode();
    expect(code).toContain('__FC_PRECACHE_LIST__');
    expect((await readdir(path.join(cache, 'service-worker'))).filter((f) => f.endsWith('.js'))).toHaveLength(1);
    // The second time, from the cache: the same code.
    expect(await workerCode()).toBe(code);
  }, 60_000);
});
