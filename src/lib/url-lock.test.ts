import { describe, expect, it } from 'vitest';
import { compareLock, formatLock, isDurable, parseLock } from './url-lock.ts';

describe('url lock: published URLs never disappear', () => {
  it('round-trips, sorted and de-duplicated, ignoring comments', () => {
    expect([...parseLock(formatLock(['/b/', '/a/', '/a/']))]).toEqual(['/a/', '/b/']);
  });
  it.each([
    [['/a/', '/b/'], ['/a/', '/b/'], [], [], []],
    [['/a/', '/gone/'], ['/a/'], [], ['/gone/'], []], // removed without redirect: missing
    [['/a/', '/old/'], ['/a/'], ['/old/'], [], []], // renamed through an alias: fine
    [['/a/'], ['/a/', '/new/', '/timeline/kind/paper/'], [], [], ['/new/']], // new durable URL is added
  ])('locked %o, built %o, redirected %o', (locked, built, redirected, missing, added) => {
    expect(compareLock(new Set(locked), new Set(built), new Set(redirected))).toEqual({ missing, added });
  });
  it.each([
    ['/articles/x/', true],
    ['/timeline/lab/deepseek/', false],
    ['/timeline/2025-01-20-deepseek-r1/', true],
    ['/og/articles/x.png', false],
    ['/rss.xml', true],
    ['/models/licence/mit/', false],
    ['/models/weights/open/', false],
    ['/models/sort/params/', true],
  ])('%s durable: %s', (p, d) => {
    expect(isDurable(p)).toBe(d);
  });
});
