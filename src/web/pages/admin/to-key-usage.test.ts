import { describe, expect, it } from 'vitest';
import type { KeyUsageResponse } from './api-key-types.ts';
import { toKeyUsageSeries } from './to-key-usage.ts';

const standing = { used: 0, limit: 1_000, remaining: 1_000 };
const usage = (days: KeyUsageResponse['days']): KeyUsageResponse => ({
  today: '2026-11-25',
  rateLimitPerMinute: 60,
  quotas: {
    analytics: { daily: standing, monthly: standing },
    users: { daily: standing, monthly: standing },
  },
  days,
});
const at = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

describe('toKeyUsageSeries', () => {
  it('sums the endpoints of a quota group per day, oldest first', () => {
    const series = toKeyUsageSeries(
      usage([
        {
          date: '2026-11-25',
          endpoint: 'GET /api/v1/guilds/:guildId/overview',
          category: 'analytics',
          count: 3,
        },
        {
          date: '2026-11-24',
          endpoint: 'GET /api/v1/guilds/:guildId/analytics/ghosts',
          category: 'analytics',
          count: 2,
        },
        {
          date: '2026-11-25',
          endpoint: 'GET /api/v1/guilds/:guildId/analytics/ghosts',
          category: 'analytics',
          count: 4,
        },
      ]),
    );
    expect(series[0]).toEqual({
      name: 'analytics',
      points: [
        { atMs: at('2026-11-24'), value: 2 },
        { atMs: at('2026-11-25'), value: 7 },
      ],
    });
  });

  it('keeps every quota group, used or not, and charts unquoted endpoints as "other"', () => {
    const series = toKeyUsageSeries(
      usage([{ date: '2026-11-25', endpoint: 'GET /api/v1/me', category: null, count: 1 }]),
    );
    expect(series).toEqual([
      { name: 'analytics', points: [] },
      { name: 'users', points: [] },
      { name: 'other', points: [{ atMs: at('2026-11-25'), value: 1 }] },
    ]);
  });
});
