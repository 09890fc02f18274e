import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, openRedis } from '../../store/redis.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import type { App } from '../app.ts';
import {
  alice,
  authorizeAt,
  createHarnessApp,
  useAccessHarness,
} from '../testing/access-harness.ts';

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('a login across two API processes sharing Redis', () => {
  const [pglite] = testBackends();
  if (!pglite) throw new Error('no test backend');
  const db = useTestDatabase(pglite);
  const harness = useAccessHarness(db);
  const redis = openRedis(redisUrl ?? 'redis://127.0.0.1:6379');
  afterAll(() => closeRedis(redis));

  const callbackOn = (app: App, url: string) =>
    app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });

  it('starts on one process and completes on the other, once', async () => {
    const redisKeyPrefix = `spw-test:${randomBytes(6).toString('hex')}:`;
    const options = { redis, redisKeyPrefix };
    const first = await createHarnessApp(db(), harness().sim, harness().clock, options);
    const second = await createHarnessApp(db(), harness().sim, harness().clock, options);
    try {
      const callback = await authorizeAt({ ...harness(), app: first }, alice.user.id);
      const completed = await callbackOn(second, callback);
      expect(completed.statusCode).toBe(200);
      expect(completed.json().user.discordId).toBe(alice.user.id);
      const replayed = await callbackOn(first, callback);
      expect(replayed.statusCode).toBe(400);
      expect(replayed.json().error.code).toBe('LOGIN_FAILED');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('does not complete on a process with its own memory (the reason for Redis)', async () => {
    const callback = await authorizeAt(harness(), alice.user.id);
    const other = await createHarnessApp(db(), harness().sim, harness().clock);
    try {
      expect((await callbackOn(other, callback)).statusCode).toBe(400);
    } finally {
      await other.close();
    }
  });
});
