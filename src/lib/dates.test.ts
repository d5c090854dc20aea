import { describe, expect, it } from 'vitest';
import { comparePartialDates, formatDate, formatShortDate, isDay, parsePartialDate, toUtcDate, today } from './dates.ts';

describe('parsePartialDate: strict partial dates (an impossible date is an error, never rolled over)', () => {
  it.each([
    ['2016', { year: 2016, precision: 'year' }],
    ['2023-07', { year: 2023, month: 7, precision: 'month' }],
    ['2024-02-29', { year: 2024, month: 2, day: 29, precision: 'day' }],
    ['2025-12-31', { year: 2025, month: 12, day: 31, precision: 'day' }],
  ])('%s parses', (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each([
    ['2025-02-30', 'February 2025 has 28 days'],
    ['2025-13-45', 'no month 13'],
    ['2023-02-29', 'February 2023 has 28 days'],
    ['2025-00', 'no month 00'],
    ['2025-04-31', 'April 2025 has 30 days'],
    ['25-01-01', 'is not a date'],
    ['2025-1-5', 'is not a date'],
    ['2025-01-05T00:00', 'is not a date'],
    ['', 'is not a date'],
  ])('%s is rejected (%s)', (text, message) => {
    const result = parsePartialDate(text);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(message);
  });
});

describe('formatDate: display only the precision the source has', () => {
  it.each([
    ['2023-07', 'July 2023', 'Jul 2023'],
    ['2023-07-17', '17 July 2023', '17 Jul 2023'],
    ['2016', '2016', '2016'],
    ['2026-01-01', '1 January 2026', '1 Jan 2026'],
  ])('%s → %s', (text, long, short) => {
    expect(formatDate(text)).toBe(long);
    expect(formatShortDate(text)).toBe(short);
  });

  it('does not depend on the time zone of the machine', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(formatDate('2024-11-26')).toBe('26 November 2024');
      expect(toUtcDate('2024-11-26').toISOString()).toBe('2024-11-26T00:00:00.000Z');
    } finally {
      process.env.TZ = tz;
    }
  });
});

describe('comparePartialDates: chronological, partial dates before the days they contain', () => {
  it.each([
    ['2023-07', '2023-07-01', -1],
    ['2023', '2023-01', -1],
    ['2023-07-17', '2023-07', 1],
    ['2023-12', '2024', -1],
    ['2024-02-01', '2024-02-01', 0],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(comparePartialDates(a, b))).toBe(sign);
  });

  it('sorts a mixed list', () => {
    const list = ['2024-01-11', '2023', '2023-12', '2023-12-08', '2016-02'];
    expect([...list].sort(comparePartialDates)).toEqual(['2016-02', '2023', '2023-12', '2023-12-08', '2024-01-11']);
  });
});

describe('today: the build date, overridable for scheduling tests', () => {
  it.each([[{ FC_TODAY: '2030-01-02' }, '2030-01-02']])('%o → %s', (env, expected) => {
    expect(today(env)).toBe(expected);
  });
  it('rejects a malformed override', () => {
    expect(() => today({ FC_TODAY: '2030-02-30' })).toThrow(/FC_TODAY/);
  });
  it('defaults to the current UTC day', () => {
    expect(isDay(today({}))).toBe(true);
  });
});
