import { describe, expect, it } from 'vitest';
import { isWholeHourZone } from './is-whole-hour-zone.ts';

const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-15T00:00:00Z') };

describe('isWholeHourZone', () => {
  it.each([
    ['UTC', true],
    ['Europe/Paris', true],
    ['America/New_York', true],
    ['Asia/Kolkata', false],
    ['Asia/Kathmandu', false],
    ['America/St_Johns', false],
    // +10:30 in summer, +11 in winter: half-hour only part of the year (from 5 April 2026).
    ['Australia/Lord_Howe', false],
  ])('%s → %s', (zone, expected) => {
    expect(isWholeHourZone(zone, window)).toBe(expected);
  });
});
