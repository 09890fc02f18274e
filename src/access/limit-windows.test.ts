import { describe, expect, it } from 'vitest';
import { toLimitWindows, toSecondsUntil } from './limit-windows.ts';

describe('toLimitWindows', () => {
  it('names the UTC minute, day and month and when each ends', () => {
    const windows = toLimitWindows(new Date('2026-02-28T23:59:30.500Z'));
    expect(windows).toEqual({
      minute: Math.floor(Date.parse('2026-02-28T23:59:00Z') / 60_000),
      day: '2026-02-28',
      month: '2026-02',
      monthStart: '2026-02-01',
      minuteEndsAt: new Date('2026-03-01T00:00:00Z'),
      dayEndsAt: new Date('2026-03-01T00:00:00Z'),
      monthEndsAt: new Date('2026-03-01T00:00:00Z'),
    });
  });

  it('starts a new day and month exactly at UTC midnight, and rolls the year', () => {
    const windows = toLimitWindows(new Date('2026-12-31T23:59:59.999Z'));
    expect(windows.day).toBe('2026-12-31');
    expect(windows.monthEndsAt).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(toLimitWindows(new Date('2027-01-01T00:00:00Z')).day).toBe('2027-01-01');
  });

  it('rounds waits up to whole seconds, never below 1', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(toSecondsUntil(new Date('2026-01-01T00:00:30.001Z'), now)).toBe(31);
    expect(toSecondsUntil(now, now)).toBe(1);
  });
});
