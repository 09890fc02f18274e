import { describe, expect, it } from 'vitest';
import type { RollupPlan } from './plan-rollup-ranges.ts';
import { planTotals, type TotalsPlan } from './plan-totals.ts';
import { planWindowsEnds } from './plan-windows-ends.ts';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const T0 = Date.UTC(2026, 10, 1);
const at = (ms: number) => new Date(T0 + ms);
const window = (from: number, to: number) => ({ from: at(from), to: at(to) });
const hourly = (from: number, to: number) => ({ bucketHours: 1 as const, ...window(from, to) });

/** Previous and current window of `days` days meeting at `meet`, as shifts and suspicion plan them. */
const adjacentPlans = (
  meet: number,
  days: number,
  rolledUntil: number,
): [TotalsPlan, TotalsPlan] => [
  planTotals(window(meet - days * D, meet), at(rolledUntil), at(0)),
  planTotals(window(meet, meet + days * D), at(rolledUntil), at(0)),
];

type Kind = 'raw' | 1 | 24;
const kindsOf = (plan: RollupPlan): [Kind, { from: Date; to: Date }][] => [
  ...plan.raw.map((r) => ['raw', r] as [Kind, { from: Date; to: Date }]),
  ...plan.rolled.map((r) => [r.bucketHours, r] as [Kind, { from: Date; to: Date }]),
];
/** Whether `r` holds the instant `ms` after T0. */
const covers = (r: { from: Date; to: Date }, ms: number) =>
  r.from.getTime() <= T0 + ms && T0 + ms < r.to.getTime();
/** How `plan` counts the instant `ms` of source `kind` for window `w`: rest 1, minus -1. */
const ownSign = (plan: TotalsPlan, kind: Kind, ms: number) =>
  kindsOf(plan.rest).filter(([k, r]) => k === kind && covers(r, ms)).length -
  kindsOf(plan.minus).filter(([k, r]) => k === kind && covers(r, ms)).length;
const length = (plan: RollupPlan) =>
  kindsOf(plan).reduce((sum, [, r]) => sum + r.to.getTime() - r.from.getTime(), 0);

describe('planWindowsEnds', () => {
  it('reads the hours where two windows meet early in a day once, with opposite signs', () => {
    // Windows of 7 days meeting at day 8, 05:58; rolled until day 15, 05:00.
    const meet = 8 * D + 5 * H + 58 * M;
    const plans = adjacentPlans(meet, 7, 15 * D + 5 * H);
    // The previous window adds 00:00–05:00 of day 8 (hourly) and 05:00–05:58 (raw); the
    // current one subtracts 00:00–06:00 (hourly) from day 8's totals and adds 05:58–06:00 (raw).
    expect(plans[0].rest.rolled).toContainEqual(hourly(8 * D, 8 * D + 5 * H));
    expect(plans[1].minus.rolled).toEqual([hourly(8 * D, 8 * D + 6 * H)]);
    const ends = planWindowsEnds(plans);
    expect(ends).toContainEqual({
      signs: [1, -1],
      plan: { raw: [], rolled: [hourly(8 * D, 8 * D + 5 * H)] },
    });
    expect(ends).toContainEqual({
      signs: [0, -1],
      plan: { raw: [], rolled: [hourly(8 * D + 5 * H, 8 * D + 6 * H)] },
    });
    const readAlone = plans.reduce((sum, p) => sum + length(p.rest) + length(p.minus), 0);
    const readOnce = ends.reduce((sum, e) => sum + length(e.plan), 0);
    expect(readAlone - readOnce).toBe(5 * H);
  });

  it('gives every window, at every instant and source, the sign its own plan gives', () => {
    const rolled = 40 * D + 7 * H;
    const meets = [0, 1, 5.5, 11, 12, 12.5, 13, 17.25, 23.75].map((h) => 20 * D + h * H);
    for (const meet of meets) {
      for (const days of [1, 7]) {
        const plans = adjacentPlans(meet, days, rolled);
        const ends = planWindowsEnds(plans);
        for (const e of ends) expect(e.signs.some((s) => s !== 0)).toBe(true);
        // Every quarter hour from the previous window's start to past the current one's end.
        for (let ms = meet - days * D - D; ms < meet + days * D + D; ms += 15 * M) {
          for (const kind of ['raw', 1, 24] as const) {
            for (const [w, plan] of plans.entries()) {
              const shared = ends
                .filter((e) => kindsOf(e.plan).some(([k, r]) => k === kind && covers(r, ms)))
                .reduce((sum, e) => sum + (e.signs[w] ?? 0), 0);
              expect({ meet, days, ms, kind, w, sign: shared }).toEqual({
                meet,
                days,
                ms,
                kind,
                w,
                sign: ownSign(plan, kind, ms),
              });
            }
          }
        }
      }
    }
  });

  it('keeps raw ranges as they are (a raw piece is never joined to its neighbour or cut)', () => {
    const plans = adjacentPlans(20 * D + 5.5 * H, 7, 40 * D);
    const raw = plans.flatMap((p) => [...p.rest.raw, ...p.minus.raw]);
    const shared = planWindowsEnds(plans).flatMap((e) => e.plan.raw);
    expect(shared).toHaveLength(raw.length);
    expect(shared).toEqual(expect.arrayContaining(raw));
  });

  it('reads nothing for windows without ends', () => {
    const none: TotalsPlan = {
      totals: { baseDay: at(0), endDay: at(D) },
      rest: { raw: [], rolled: [] },
      minus: { raw: [], rolled: [] },
    };
    expect(planWindowsEnds([none, none])).toEqual([]);
  });
});
