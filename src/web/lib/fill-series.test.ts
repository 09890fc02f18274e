import { describe, expect, it } from 'vitest';
import { fillSeries } from './fill-series.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);

describe('fillSeries', () => {
  it('adds the quiet buckets as zeros between and around the reported ones', () => {
    const filled = fillSeries(
      [
        { atMs: T0 + HOUR, value: 3 },
        { atMs: T0 + 3 * HOUR, value: 5 },
      ],
      { fromMs: T0, toMs: T0 + 5 * HOUR, stepMs: HOUR },
    );
    expect(filled).toEqual([
      { atMs: T0, value: 0 },
      { atMs: T0 + HOUR, value: 3 },
      { atMs: T0 + 2 * HOUR, value: 0 },
      { atMs: T0 + 3 * HOUR, value: 5 },
      { atMs: T0 + 4 * HOUR, value: 0 },
    ]);
  });

  it('starts at the bucket holding `from` and stops before `to`', () => {
    const filled = fillSeries([], { fromMs: T0 + 30 * 60_000, toMs: T0 + 2 * HOUR, stepMs: HOUR });
    expect(filled.map((point) => point.atMs)).toEqual([T0, T0 + HOUR]);
  });

  it('sums points that fall in one bucket (snapshots inside an hour)', () => {
    const filled = fillSeries(
      [
        { atMs: T0 + 1_000, value: 1 },
        { atMs: T0 + 59 * 60_000, value: 2 },
      ],
      { fromMs: T0, toMs: T0 + HOUR, stepMs: HOUR },
    );
    expect(filled).toEqual([{ atMs: T0, value: 3 }]);
  });

  it('ignores points outside the range and gives nothing for an empty range', () => {
    expect(
      fillSeries([{ atMs: T0 - HOUR, value: 9 }], { fromMs: T0, toMs: T0 + HOUR, stepMs: HOUR }),
    ).toEqual([{ atMs: T0, value: 0 }]);
    expect(fillSeries([], { fromMs: T0, toMs: T0, stepMs: HOUR })).toEqual([]);
  });

  it('refuses a step that would never end', () => {
    expect(() => fillSeries([], { fromMs: T0, toMs: T0 + HOUR, stepMs: 0 })).toThrow(RangeError);
  });
});
