import { describe, expect, it } from 'vitest';
import { planTrailing, TRAILING_LEAD_MS, TRAILING_MS } from './plan-trailing.ts';

const H = 3_600_000;
const anchor = new Date(Date.UTC(2026, 10, 20, 9));
const A = anchor.getTime();
/** Where slot 0 starts (and slot 1 ends): 7 days before the anchor, plus the lead. */
const S = A - TRAILING_MS + TRAILING_LEAD_MS;
const at = (ms: number) => new Date(ms);
const window = (from: number, to: number) => ({ from: at(from), to: at(to) });
const rolledUntil = at(A + H);

describe('planTrailing', () => {
  it('reads the default window as slot 0 plus raw rows before it and the hours after it', () => {
    // now = anchor + 1 h 20 min: the window starts 40 minutes before the slot, ends after it.
    const now = A + H + 20 * 60_000;
    expect(TRAILING_LEAD_MS).toBe(2 * H);
    expect(planTrailing(window(now - TRAILING_MS, now), anchor, rolledUntil)).toEqual({
      totals: { anchor, slot: 0 },
      rest: {
        raw: [window(now - TRAILING_MS, S), window(A + H, now)],
        rolled: [{ bucketHours: 1, ...window(A, A + H) }],
      },
      minus: { raw: [], rolled: [] },
    });
  });

  it('reads the window before it as slot 1, the hour where they meet subtracted', () => {
    const now = A + H + 20 * 60_000;
    const plan = planTrailing(
      window(now - 2 * TRAILING_MS, now - TRAILING_MS),
      anchor,
      rolledUntil,
    );
    expect(plan?.totals).toEqual({ anchor, slot: 1 });
    expect(plan?.rest).toEqual({
      raw: [window(now - 2 * TRAILING_MS, S - TRAILING_MS), window(S - H, now - TRAILING_MS)],
      rolled: [],
    });
    expect(plan?.minus.rolled).toEqual([{ bucketHours: 1, ...window(S - H, S) }]);
  });

  it('subtracts the hours of the slot before a later window start, the partial hour raw', () => {
    // now = anchor + 2 h 05 min (a job running late): the window starts 5 minutes into the slot.
    const now = A + 2 * H + 5 * 60_000;
    expect(planTrailing(window(now - TRAILING_MS, now), anchor, at(A + 2 * H))).toEqual({
      totals: { anchor, slot: 0 },
      rest: {
        raw: [window(A + 2 * H, now), window(now - TRAILING_MS, S + H)],
        rolled: [{ bucketHours: 1, ...window(A, A + 2 * H) }],
      },
      minus: { raw: [], rolled: [{ bucketHours: 1, ...window(S, S + H) }] },
    });
  });

  it('adds what lies before the slot and subtracts what lies after the window', () => {
    const from = S - 2 * H - 60_000;
    const to = A - 3 * H + 60_000;
    expect(planTrailing(window(from, to), anchor, rolledUntil)).toEqual({
      totals: { anchor, slot: 0 },
      rest: {
        raw: [window(from, from + 60_000), window(A - 3 * H, to)],
        rolled: [{ bucketHours: 1, ...window(from + 60_000, S) }],
      },
      minus: { raw: [], rolled: [{ bucketHours: 1, ...window(A - 3 * H, A) }] },
    });
  });

  it('reads the slot alone for its own window', () => {
    expect(planTrailing(window(S, A), anchor, rolledUntil)).toEqual({
      totals: { anchor, slot: 0 },
      rest: { raw: [], rolled: [] },
      minus: { raw: [], rolled: [] },
    });
  });

  it('is null for a window more than 6 hours from both slots, at either end', () => {
    expect(planTrailing(window(S, A + 7 * H), anchor, rolledUntil)).toBeNull();
    expect(planTrailing(window(S - 7 * H, A), anchor, rolledUntil)).toBeNull();
    expect(
      planTrailing(window(S - 2 * TRAILING_MS, S - TRAILING_MS), anchor, rolledUntil),
    ).toBeNull();
    expect(planTrailing(window(S - TRAILING_MS, A), anchor, rolledUntil)).toBeNull();
  });

  it('is null when the rollups do not reach the anchor', () => {
    expect(planTrailing(window(S, A), anchor, at(A - H))).toBeNull();
  });
});
