import { expect, test } from 'vitest';
import { releaseMemory } from './after-build.ts';

// The rule: what a finished step leaves on the build script's heap is given back before Pagefind's
// peak (after-build.ts), instead of whenever V8 would get to it.
test('releaseMemory collects the garbage a step left and shrinks the heap', () => {
  let garbage: number[][] | undefined = Array.from({ length: 300 }, (_, i) => new Array(100_000).fill(i));
  const held = process.memoryUsage().heapTotal;
  expect(garbage.length).toBe(300);
  garbage = undefined;
  releaseMemory();
  const after = process.memoryUsage().heapTotal;
  // ~230 MiB of arrays were on the heap; most of that space must be gone.
  expect(held - after).toBeGreaterThan(150 * 2 ** 20);
});
