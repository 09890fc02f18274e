import { describe, expect, it } from 'vitest';
import { planTotals } from './plan-totals.ts';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 10, 1);
const at = (ms: number) => new Date(T0 + ms);
const window = (from: number, to: number) => ({ from: at(from), to: at(to) });

describe('planTotals', () => {
  it('reads the whole days up to rolledUntil from totals and the partial first day from rollups and raw rows', () => {
    // Window 1d 05:30 → 8d 14:20, rolled until 8d 14:00, totals since day 0.
    const plan = planTotals(
      window(D + 5.5 * H, 8 * D + 14 * H + 20 * 60_000),
      at(8 * D + 14 * H),
      at(0),
    );
    expect(plan.totals).toEqual({ baseDay: at(D), endDay: at(8 * D) });
    expect(plan.rest.raw).toEqual([
      window(D + 5.5 * H, D + 6 * H),
      window(8 * D + 14 * H, 8 * D + 14 * H + 20 * 60_000),
    ]);
    expect(plan.rest.rolled).toEqual([{ bucketHours: 1, ...window(D + 6 * H, 2 * D) }]);
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
    const w = window(D + H, 3 * D);
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
  });
});
