import { describe, expect, it } from 'vitest';
import { planRollupRanges, planRollupWindows } from './plan-rollup-ranges.ts';

const at = (iso: string) => new Date(iso);
const window = (from: string, to: string) => ({ from: at(from), to: at(to) });

describe('planRollupRanges', () => {
  it('reads everything raw before the first rollup', () => {
    const w = window('2026-01-01T10:30:00Z', '2026-01-08T10:30:00Z');
    expect(planRollupRanges(w, null)).toEqual({ raw: [w], rolled: [] });
  });

  it('reads whole days from daily rollups, the hours around them hourly, partial hours raw', () => {
    const plan = planRollupRanges(
      window('2026-01-01T10:30:00Z', '2026-01-08T10:30:00Z'),
      at('2026-01-08T09:00:00Z'),
    );
    expect(plan).toEqual({
      raw: [
        window('2026-01-01T10:30:00Z', '2026-01-01T11:00:00Z'),
        window('2026-01-08T09:00:00Z', '2026-01-08T10:30:00Z'),
      ],
      rolled: [
        { bucketHours: 1, ...window('2026-01-01T11:00:00Z', '2026-01-02T00:00:00Z') },
        { bucketHours: 24, ...window('2026-01-02T00:00:00Z', '2026-01-08T00:00:00Z') },
        { bucketHours: 1, ...window('2026-01-08T00:00:00Z', '2026-01-08T09:00:00Z') },
      ],
    });
  });

  it('uses hourly rollups only when no whole day fits', () => {
    const plan = planRollupRanges(
      window('2026-01-01T10:00:00Z', '2026-01-02T05:00:00Z'),
      at('2026-02-01T00:00:00Z'),
    );
    expect(plan).toEqual({
      raw: [],
      rolled: [{ bucketHours: 1, ...window('2026-01-01T10:00:00Z', '2026-01-02T05:00:00Z') }],
    });
  });

  it('reads a window inside one hour, or after the rollups, raw', () => {
    const inside = window('2026-01-01T10:05:00Z', '2026-01-01T10:55:00Z');
    expect(planRollupRanges(inside, at('2026-02-01T00:00:00Z'))).toEqual({
      raw: [inside],
      rolled: [],
    });
    const after = window('2026-01-01T10:00:00Z', '2026-01-01T14:00:00Z');
    expect(planRollupRanges(after, at('2026-01-01T10:00:00Z'))).toEqual({
      raw: [after],
      rolled: [],
    });
  });

  it('keeps consecutive windows apart at their boundary', () => {
    const plan = planRollupWindows(
      [
        window('2026-01-01T10:30:00Z', '2026-01-01T12:30:00Z'),
        window('2026-01-01T12:30:00Z', '2026-01-01T14:30:00Z'),
      ],
      at('2026-02-01T00:00:00Z'),
    );
    expect(plan.rolled).toEqual([
      { bucketHours: 1, ...window('2026-01-01T11:00:00Z', '2026-01-01T12:00:00Z') },
      { bucketHours: 1, ...window('2026-01-01T13:00:00Z', '2026-01-01T14:00:00Z') },
    ]);
    expect(plan.raw).toHaveLength(4);
  });
});
