import { describe, expect, it } from 'vitest';
import { planTotals } from './plan-totals.ts';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 10, 1);
const at = (ms: number) => new Date(T0 + ms);
const window = (from: number, to: number) => ({ from: at(from), to: at(to) });

describe('planTotals', () => {
  it('reads a window starting late in a day as the whole days after it plus its hours in the window', () => {
    // Window 1d 17:30 → 8d 14:20, rolled until 8d 14:00, totals since day 0.
    const plan = planTotals(
      window(D + 17.5 * H, 8 * D + 14 * H + 20 * 60_000),
      at(8 * D + 14 * H),
      at(0),
    );
    expect(plan.totals).toEqual({ baseDay: at(D), endDay: at(8 * D) });
    expect(plan.rest.raw).toEqual([
      window(D + 17.5 * H, D + 18 * H),
      window(8 * D + 14 * H, 8 * D + 14 * H + 20 * 60_000),
    ]);
    expect(plan.rest.rolled).toEqual([{ bucketHours: 1, ...window(D + 18 * H, 2 * D) }]);
    expect(plan.minus).toEqual({ raw: [], rolled: [] });
  });

  it('reads a window starting early in a day as that whole day minus its hours before the window', () => {
    // Window 1d 05:30 → 8d 14:20: day 1's totals minus 00:00–06:00 (hourly), plus 05:30–06:00 (raw).
    const plan = planTotals(
      window(D + 5.5 * H, 8 * D + 14 * H + 20 * 60_000),
      at(8 * D + 14 * H),
      at(0),
    );
    expect(plan.totals).toEqual({ baseDay: at(0), endDay: at(8 * D) });
    expect(plan.minus).toEqual({ raw: [], rolled: [{ bucketHours: 1, ...window(D, D + 6 * H) }] });
    expect(plan.rest).toEqual({
      raw: [window(8 * D + 14 * H, 8 * D + 14 * H + 20 * 60_000), window(D + 5.5 * H, D + 6 * H)],
      rolled: [],
    });
    // Not when the day before has no totals (expired or never rolled): then it adds the hours.
    const late = planTotals(window(D + 5.5 * H, 8 * D), at(9 * D), at(D));
    expect(late.totals).toEqual({ baseDay: at(D), endDay: at(7 * D) });
    expect(late.minus.rolled).toEqual([]);
    expect(late.rest.rolled).toEqual([{ bucketHours: 1, ...window(D + 6 * H, 2 * D) }]);
  });

  it('reads a window ending late in a rolled day as that day minus its hours after the window', () => {
    // Window 2d → 5d 20:30, rolled until 9d: day 5's totals minus 20:00–24:00, plus 20:00–20:30.
    const plan = planTotals(window(2 * D, 5 * D + 20.5 * H), at(9 * D), at(0));
    expect(plan.totals).toEqual({ baseDay: at(D), endDay: at(5 * D) });
    expect(plan.minus.rolled).toEqual([{ bucketHours: 1, ...window(5 * D + 20 * H, 6 * D) }]);
    expect(plan.rest).toEqual({ raw: [window(5 * D + 20 * H, 5 * D + 20.5 * H)], rolled: [] });
    // Rolled until 5d 22:00: day 5's row counts up to there, so only 20:00–22:00 is subtracted.
    const partial = planTotals(window(2 * D, 5 * D + 20.5 * H), at(5 * D + 22 * H), at(0));
    expect(partial.totals).toEqual({ baseDay: at(D), endDay: at(5 * D) });
    expect(partial.minus.rolled).toEqual([
      { bucketHours: 1, ...window(5 * D + 20 * H, 5 * D + 22 * H) },
    ]);
    // Both ends in one plan: 1d 02:00 → 5d 20:30.
    const both = planTotals(window(D + 2 * H, 5 * D + 20.5 * H), at(9 * D), at(0));
    expect(both.totals).toEqual({ baseDay: at(0), endDay: at(5 * D) });
    expect(both.minus.rolled).toEqual([
      { bucketHours: 1, ...window(D, D + 2 * H) },
      { bucketHours: 1, ...window(5 * D + 20 * H, 6 * D) },
    ]);
  });

  it('ends at the last whole day before `to` when the window ends before rolledUntil', () => {
    const plan = planTotals(window(2 * D, 5 * D + 3 * H), at(9 * D), at(0));
    expect(plan.totals).toEqual({ baseDay: at(D), endDay: at(4 * D) });
    expect(plan.rest).toEqual({
      raw: [],
      rolled: [{ bucketHours: 1, ...window(5 * D, 5 * D + 3 * H) }],
    });
  });

  it('reads the days before the first stored totals from rollups (expired or never rolled)', () => {
    const plan = planTotals(window(0, 6 * D), at(9 * D), at(3 * D));
    expect(plan.totals).toEqual({ baseDay: at(3 * D), endDay: at(5 * D) });
    expect(plan.rest).toEqual({
      raw: [],
      rolled: [{ bucketHours: 24, ...window(0, 4 * D) }],
    });
  });

  it('uses no totals without rollups, without stored totals, or without a whole day after the base', () => {
    const w = window(D + 13 * H, 3 * D);
    expect(planTotals(w, null, null).totals).toBeNull();
    expect(planTotals(w, at(9 * D), null).totals).toBeNull();
    // Base day 1 (ends at 2d), end day 2: one whole day, 2d → 3d.
    expect(planTotals(w, at(9 * D), at(0)).totals).toEqual({ baseDay: at(D), endDay: at(2 * D) });
    // Rolled until 2d 10:00: the last day's row counts up to there, raw rows after it.
    const partial = planTotals(w, at(2 * D + 10 * H), at(0));
    expect(partial.totals).toEqual({ baseDay: at(D), endDay: at(2 * D) });
    expect(partial.rest.raw.at(-1)).toEqual(window(2 * D + 10 * H, 3 * D));
    // Rolled until 2d: nothing after the base day's end is rolled yet.
    expect(planTotals(w, at(2 * D), at(0)).totals).toBeNull();
    // Rolled until 1d 12:00, the window starting at 1d 13:00: nothing of it is rolled.
    expect(planTotals(window(D + 13 * H, 3 * D), at(D + 12 * H), at(0)).totals).toBeNull();
    // Starting at 1d 01:00, rolled until 1d 12:00: day 1's row up to 12:00 minus 00:00–01:00.
    const early = planTotals(window(D + H, 3 * D), at(D + 12 * H), at(0));
    expect(early.totals).toEqual({ baseDay: at(0), endDay: at(D) });
    expect(early.minus.rolled).toEqual([{ bucketHours: 1, ...window(D, D + H) }]);
    expect(early.rest.raw).toEqual([window(D + 12 * H, 3 * D)]);
  });
});
