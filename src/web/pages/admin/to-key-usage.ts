import type { SeriesPoint } from '../../lib/fill-series.ts';
import type { KeyUsageResponse } from './api-key-types.ts';

/** Requests without a quota group (e.g. /me) are charted as this group. */
export const UNQUOTED = 'other';

/**
 * The usage answer as one daily series per quota group (endpoints of a group summed per day,
 * days at UTC midnight), groups with a quota first, then `other`.
 */
export const toKeyUsageSeries = (
  usage: KeyUsageResponse,
): { name: string; points: SeriesPoint[] }[] => {
  const groups = new Map<string, Map<number, number>>(
    Object.keys(usage.quotas).map((name) => [name, new Map()]),
  );
  for (const day of usage.days) {
    const name = day.category ?? UNQUOTED;
    const perDay = groups.get(name) ?? new Map<number, number>();
    const atMs = Date.parse(`${day.date}T00:00:00.000Z`);
    perDay.set(atMs, (perDay.get(atMs) ?? 0) + day.count);
    groups.set(name, perDay);
  }
  return [...groups].map(([name, perDay]) => ({
    name,
    points: [...perDay].sort((a, b) => a[0] - b[0]).map(([atMs, value]) => ({ atMs, value })),
  }));
};
