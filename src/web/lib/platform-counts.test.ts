import { describe, expect, it } from 'vitest';
import { toPlatformCounts } from './platform-counts.ts';
import { toPlatformSeries } from './platform-series.ts';

describe('toPlatformCounts', () => {
  it('counts online members per platform in a fixed order, plus those on several', () => {
    expect(
      toPlatformCounts([
        { status: 'online', platforms: ['web', 'desktop'] },
        { status: 'idle', platforms: ['mobile'] },
        { status: 'offline', platforms: ['desktop'] },
        { status: 'dnd', platforms: ['desktop', 'desktop'] },
      ]),
    ).toEqual([
      { label: 'desktop', value: 2 },
      { label: 'mobile', value: 1 },
      { label: 'web', value: 1 },
      { label: 'several at once', value: 1 },
    ]);
  });

  it('is empty when nobody is online', () => {
    expect(toPlatformCounts([{ status: 'offline', platforms: [] }])).toEqual([]);
  });
});

describe('toPlatformSeries', () => {
  it('gives each platform a gap-filled daily series', () => {
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 10, 20);
    const series = toPlatformSeries(
      [
        { at: new Date(t0 + 1_000).toISOString(), platforms: ['desktop', 'mobile'] },
        { at: new Date(t0 + 2 * day + 5).toISOString(), platforms: ['desktop'] },
      ],
      { fromMs: t0, toMs: t0 + 3 * day, stepMs: day },
    );
    expect(series).toEqual([
      {
        name: 'desktop',
        points: [
          { atMs: t0, value: 1 },
          { atMs: t0 + day, value: 0 },
          { atMs: t0 + 2 * day, value: 1 },
        ],
      },
      {
        name: 'mobile',
        points: [
          { atMs: t0, value: 1 },
          { atMs: t0 + day, value: 0 },
          { atMs: t0 + 2 * day, value: 0 },
        ],
      },
    ]);
  });
});
