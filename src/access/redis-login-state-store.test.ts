import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, openRedis } from '../store/redis.ts';
import { createRedisLoginStateStore } from './redis-login-state-store.ts';

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('redis login state store', () => {
  const redis = openRedis(redisUrl ?? 'redis://127.0.0.1:6379');
  const prefix = `spw-test:${randomBytes(6).toString('hex')}:login:`;
  afterAll(() => closeRedis(redis));

  it('hands an entry out once, to any process, and never after it expires', async () => {
    const store = createRedisLoginStateStore(redis, prefix);
    const other = createRedisLoginStateStore(redis, prefix);
    await store.put('a', { codeVerifier: 'v', expiresAtMs: 1_000 });
    await store.put('b', { codeVerifier: 'w', expiresAtMs: 1_000 });
    expect(await other.take('a', 999)).toEqual({ codeVerifier: 'v', expiresAtMs: 1_000 });
    expect(await store.take('a', 999)).toBeUndefined();
    expect(await store.take('b', 1_000)).toBeUndefined();
    expect(await store.take('unknown', 0)).toBeUndefined();
  });

  it('lets Redis forget an entry after ten minutes', async () => {
    const store = createRedisLoginStateStore(redis, prefix);
    await store.put('c', { codeVerifier: 'v', expiresAtMs: Date.now() + 600_000 });
    const ttlMs = await redis.pttl(`${prefix}c`);
    expect(ttlMs).toBeGreaterThan(590_000);
    expect(ttlMs).toBeLessThanOrEqual(600_000);
  });

  it('ignores an entry that is not one', async () => {
    await redis.set(`${prefix}d`, 'not json', 'PX', 10_000);
    expect(await createRedisLoginStateStore(redis, prefix).take('d', 0)).toBeUndefined();
  });
});
