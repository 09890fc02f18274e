import { describe, expect, it } from 'vitest';
import type { AnalyticsCache } from './analytics-cache.ts';
import { cached } from './cached.ts';
import { createMemoryAnalyticsCache } from './memory-analytics-cache.ts';

const key = { guildId: '1', route: 'overview', params: { limit: 50 } };
const silent = { warn: () => {} };

describe('cached', () => {
  it('computes once, then answers from the cache until the guild’s generation moves', async () => {
    const cache = createMemoryAnalyticsCache({ ttlSeconds: 30 });
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    expect(await cached(cache, silent, key, compute)).toEqual({ value: { n: 1 }, hit: false });
    expect(await cached(cache, silent, key, compute)).toEqual({ value: { n: 1 }, hit: true });
    await cache.bump('2');
    expect((await cached(cache, silent, key, compute)).hit).toBe(true);
    await cache.bump('1');
    expect(await cached(cache, silent, key, compute)).toEqual({ value: { n: 2 }, hit: false });
  });

  it('computes the answer when the cache fails, and says so in the log', async () => {
    const broken: AnalyticsCache = {
      ttlSeconds: 30,
      generation: () => Promise.reject(new Error('down')),
      bump: () => Promise.reject(new Error('down')),
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
    };
    const warnings: string[] = [];
    const log = { warn: (_: object, message: string) => void warnings.push(message) };
    expect(await cached(broken, log, key, async () => 7)).toEqual({ value: 7, hit: false });
    expect(warnings).toEqual(['analytics cache unavailable']);
  });
});
