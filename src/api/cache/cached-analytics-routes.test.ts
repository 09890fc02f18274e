import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  guildRows,
  instants,
  presenceRows,
  writeScenario,
} from '../../analytics/analytics-scenario.ts';
import type { EventBus } from '../../live/event-bus.ts';
import type { EventsMessage, LiveEvent } from '../../live/live-event.ts';
import { createMemoryEventBus } from '../../live/memory-event-bus.ts';
import { createRedisEventBus } from '../../live/redis-event-bus.ts';
import { createPolicySignal } from '../../privacy/policy-signal.ts';
import { closeRedis, openRedis, type RedisClient } from '../../store/redis.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { alice, bearer, guildIds, insertKnownGuilds, loginAs } from '../testing/access-harness.ts';
import { useLiveAppHarness } from '../testing/live-app-harness.ts';
import type { AnalyticsCache } from './analytics-cache.ts';
import { createMemoryAnalyticsCache } from './memory-analytics-cache.ts';
import { createRedisAnalyticsCache } from './redis-analytics-cache.ts';

const A = guildIds.owned;
const B = guildIds.administrator;
const MEMBER = '300000000000000001';
const committed = (guildId: string): EventsMessage => ({
  type: 'events',
  guildId,
  at: new Date().toISOString(),
  counts: {
    presences: 1,
    messages: 0,
    typing: 0,
    reactions: 0,
    joins: 0,
    leaves: 0,
    roleUpdates: 0,
    bans: 0,
    voice: 0,
  },
  recent: [],
});

interface Variant {
  name: string;
  skip: boolean;
  create(): Promise<{ bus: EventBus; cache: AnalyticsCache; close(): Promise<void> }>;
}

const redisUrl = process.env.REDIS_URL;
const variants: Variant[] = [
  {
    name: 'in memory',
    skip: false,
    create: async () => ({
      bus: createMemoryEventBus(),
      cache: createMemoryAnalyticsCache({ ttlSeconds: 30 }),
      close: async () => {},
    }),
  },
  {
    name: 'in Redis',
    skip: !redisUrl,
    create: async () => {
      const prefix = `spw:test:${randomBytes(4).toString('hex')}:`;
      const redis: RedisClient = openRedis(redisUrl ?? '');
      const bus = await createRedisEventBus({ redis, channel: `${prefix}live` });
      return {
        bus,
        cache: createRedisAnalyticsCache({ redis, ttlSeconds: 30, keyPrefix: `${prefix}cache:` }),
        close: async () => {
          await bus.close();
          await closeRedis(redis);
        },
      };
    },
  },
];

for (const backend of testBackends()) {
  for (const variant of variants) {
    describe.skipIf(variant.skip)(`analytics cache ${variant.name} on ${backend.name}`, () => {
      const db = useTestDatabase(backend);
      let parts: Awaited<ReturnType<Variant['create']>> | undefined;
      const policySignal = createPolicySignal();
      const harness = useLiveAppHarness(db, async () => {
        parts = await variant.create();
        return { bus: parts.bus, analyticsCache: parts.cache, policySignal };
      });

      it('hits, misses after new data for the guild, and still hits after another guild’s', async () => {
        const bus = parts?.bus;
        if (!bus) throw new Error('no bus');
        await insertKnownGuilds(db());
        const from = new Date(harness().clock.nowMs - 3_600_000);
        await writeScenario(db(), {
          ...guildRows(A, [{ discordId: MEMBER, username: 'quiet' }]),
          presences: presenceRows(A, MEMBER, instants(from, 5)),
        });
        const token = (await loginAs(harness(), alice.user.id)).accessToken;
        const get = async (guildId: string, path = 'analytics/lurkers') => {
          const response = await harness().app.inject({
            method: 'GET',
            url: `/api/v1/guilds/${guildId}/${path}`,
            headers: bearer(token),
          });
          expect(response.statusCode).toBe(200);
          return { cache: response.headers['x-cache'], body: response.json() };
        };
        /** Publishes and waits until this process's listeners (the cache's among them) saw it. */
        const publish = async (event: LiveEvent) => {
          const seen = new Promise<void>((resolve) => {
            const stop = bus.subscribe((received) => {
              if (received.guildId !== event.guildId) return;
              stop();
              resolve();
            });
          });
          await bus.publish(event);
          await seen;
        };

        const first = await get(A);
        expect(first.cache).toBe('miss');
        expect(first.body.items.map((item: { userId: string }) => item.userId)).toEqual([MEMBER]);
        expect(await get(A)).toEqual({ cache: 'hit', body: first.body });
        expect((await get(A, 'analytics/lurkers?limit=5')).cache).toBe('miss');
        expect((await get(B)).cache).toBe('miss');

        await publish(committed(B));
        expect((await get(A)).cache).toBe('hit');
        expect((await get(B)).cache).toBe('miss');

        await writeScenario(db(), {
          presences: presenceRows(A, MEMBER, instants(new Date(from.getTime() + 600_000), 1)),
        });
        await publish(committed(A));
        const fresh = await get(A);
        expect(fresh.cache).toBe('miss');
        expect(fresh.body.items[0].presenceCount).toBe(6);
        expect((await get(A)).cache).toBe('hit');
        expect((await get(B)).cache).toBe('hit');

        // An opt-out, erasure or settings change (what the privacy routes signal) clears every
        // guild's answers: an erased member must not be served from the cache.
        await policySignal.notify();
        expect((await get(A)).cache).toBe('miss');
        expect((await get(B)).cache).toBe('miss');
        expect((await get(A)).cache).toBe('hit');
        await parts?.close();
      });
    });
  }
}
