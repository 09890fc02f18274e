import { describe, expect, it } from 'vitest';
import { planTrailing, TRAILING_MS } from './plan-trailing.ts';

const H = 3_600_000;
const anchor = new Date(Date.UTC(2026, 10, 20, 9));
const A = anchor.getTime();
const at = (ms: number) => new Date(ms);
const window = (from: number, to: number) => ({ from: at(from), to: at(to) });
const rolledUntil = at(A + H);

describe('planTrailing', () => {
  it('reads the default window as slot 0, hours before it subtracted and the rest added', () => {
    // now = anchor + 1 h 20 min: the window starts 80 minutes into the slot and ends after it.
    const now = A + H + 20 * 60_000;
    expect(planTrailing(window(now - TRAILING_MS, now), anchor, rolledUntil)).toEqual({
      totals: { anchor, slot: 0 },
      rest: {
        raw: [window(A + H, now), window(now - TRAILING_MS, A - TRAILING_MS + 2 * H)],
        rolled: [{ bucketHours: 1, ...window(A, A + H) }],
      },
      minus: {
        raw: [],
        rolled: [{ bucketHours: 1, ...window(A - TRAILING_MS, A - TRAILING_MS + 2 * H) }],
      },
    });
  });

  it('reads the window before it as slot 1, its end added', () => {
    const now = A + H + 20 * 60_000;
    const plan = planTrailing(
      window(now - 2 * TRAILING_MS, now - TRAILING_MS),
      anchor,
      rolledUntil,
    );
    expect(plan?.totals).toEqual({ anchor, slot: 1 });
    expect(plan?.rest.rolled).toEqual([
      { bucketHours: 1, ...window(A - TRAILING_MS, A - TRAILING_MS + H) },
    ]);
    expect(plan?.rest.raw).toEqual([
      window(A - TRAILING_MS + H, now - TRAILING_MS),
      window(now - 2 * TRAILING_MS, A - 2 * TRAILING_MS + 2 * H),
    ]);
  });

  it('adds what lies before the slot and subtracts what lies after the window', () => {
    const from = A - TRAILING_MS - 2 * H - 60_000;
    const to = A - 3 * H + 60_000;
    expect(planTrailing(window(from, to), anchor, rolledUntil)).toEqual({
      totals: { anchor, slot: 0 },
      rest: {
        raw: [window(from, from + 60_000), window(A - 3 * H, to)],
        rolled: [{ bucketHours: 1, ...window(from + 60_000, A - TRAILING_MS) }],
      },
      minus: { raw: [], rolled: [{ bucketHours: 1, ...window(A - 3 * H, A) }] },
    });
  });

  it('reads the slot alone for its own window', () => {
    expect(planTrailing(window(A - TRAILING_MS, A), anchor, rolledUntil)).toEqual({
      totals: { anchor, slot: 0 },
      rest: { raw: [], rolled: [] },
      minus: { raw: [], rolled: [] },
    });
  });

  it('is null for a window more than 6 hours from both slots, at either end', () => {
    expect(planTrailing(window(A - TRAILING_MS, A + 7 * H), anchor, rolledUntil)).toBeNull();
    expect(planTrailing(window(A - TRAILING_MS - 7 * H, A), anchor, rolledUntil)).toBeNull();
    expect(
      planTrailing(window(A - 3 * TRAILING_MS, A - 2 * TRAILING_MS), anchor, rolledUntil),
    ).toBeNull();
    expect(planTrailing(window(A - 2 * TRAILING_MS, A), anchor, rolledUntil)).toBeNull();
  });

  it('is null when the rollups do not reach the anchor', () => {
    expect(planTrailing(window(A - TRAILING_MS, A), anchor, at(A - H))).toBeNull();
  });
});
