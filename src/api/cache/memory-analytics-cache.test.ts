import { describe, expect, it } from 'vitest';
import { toCacheKey } from './analytics-cache.ts';
import { createMemoryAnalyticsCache } from './memory-analytics-cache.ts';

describe('createMemoryAnalyticsCache', () => {
  it('expires entries after the TTL', async () => {
    const clock = { ms: 0 };
    const cache = createMemoryAnalyticsCache({ ttlSeconds: 30, now: () => clock.ms });
    await cache.set('k', { n: 1 });
    clock.ms = 29_999;
    expect(await cache.get('k')).toEqual({ n: 1 });
    clock.ms = 30_000;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = createMemoryAnalyticsCache({ ttlSeconds: 30, maxEntries: 2, now: () => 0 });
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.get('a');
    await cache.set('c', 3);
    expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual([
      1,
      undefined,
      3,
    ]);
  });

  it('bumps one guild’s generation only', async () => {
    const cache = createMemoryAnalyticsCache({ ttlSeconds: 30 });
    await cache.bump('1');
    await cache.bump('1');
    expect([await cache.generation('1'), await cache.generation('2')]).toEqual(['2', '0']);
  });
});

describe('toCacheKey', () => {
  it('is the same whatever the parameters’ order, and leaves out absent ones', () => {
    const key = (params: Record<string, unknown>) =>
      toCacheKey({ guildId: '1', generation: '3', route: 'analytics/ghosts', params });
    expect(key({ limit: 50, tz: 'UTC', from: undefined })).toBe(key({ tz: 'UTC', limit: 50 }));
    expect(key({ limit: 50 })).toBe('1:3:analytics/ghosts:[["limit",50]]');
    expect(key({ limit: 50 })).not.toBe(key({ limit: 51 }));
  });
});
