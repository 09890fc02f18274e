import { fillSeries, type SeriesPoint } from './fill-series.ts';

/**
 * One gap-filled series per platform from presence snapshots: per bucket, the number of
 * snapshots that show the member on that platform. Platforms in first-seen order.
 */
export const toPlatformSeries = (
  snapshots: readonly { at: string; platforms: readonly string[] }[],
  range: { fromMs: number; toMs: number; stepMs: number },
): { name: string; points: SeriesPoint[] }[] => {
  const byPlatform = new Map<string, SeriesPoint[]>();
  for (const snapshot of snapshots) {
    const atMs = Date.parse(snapshot.at);
    for (const platform of snapshot.platforms) {
      const points = byPlatform.get(platform) ?? [];
      points.push({ atMs, value: 1 });
      byPlatform.set(platform, points);
    }
  }
  return [...byPlatform].map(([name, points]) => ({ name, points: fillSeries(points, range) }));
};
