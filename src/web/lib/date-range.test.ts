import { describe, expect, it } from 'vitest';
import { toRangeQuery } from './date-range.ts';

const NOW = Date.UTC(2026, 10, 25, 18, 30, 42, 500);

describe('toRangeQuery', () => {
  it('leaves the default week to the server (its clock, its cache)', () => {
    expect(toRangeQuery({ preset: '7d' }, NOW)).toEqual({});
  });

  it('gives other presets a `from` rounded down to the minute and no `to`', () => {
    expect(toRangeQuery({ preset: '24h' }, NOW)).toEqual({ from: '2026-11-24T18:30:00.000Z' });
    expect(toRangeQuery({ preset: '30d' }, NOW)).toEqual({ from: '2026-10-26T18:30:00.000Z' });
  });

  it('passes a custom window through', () => {
    const range = {
      preset: 'custom' as const,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
    };
    expect(toRangeQuery(range, NOW)).toEqual({ from: range.from, to: range.to });
  });
});
