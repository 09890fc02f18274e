import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EventBus } from '../../live/event-bus.ts';
import type { EventsMessage } from '../../live/live-event.ts';
import { createMemoryEventBus } from '../../live/memory-event-bus.ts';
import { createRedisEventBus } from '../../live/redis-event-bus.ts';
import { openTestSocket } from '../../live/testing/ws-client.ts';
import { closeRedis, openRedis } from '../../store/redis.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { alice, bob, guildIds, insertKnownGuilds, loginAs } from '../testing/access-harness.ts';
import { useLiveAppHarness } from '../testing/live-app-harness.ts';

const events = (guildId: string, messages: number): EventsMessage => ({
  type: 'events',
  guildId,
  at: new Date().toISOString(),
  counts: {
    presences: 0,
    messages,
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
const A = guildIds.owned;
const B = guildIds.administrator;
const isType = (type: string) => (message: Record<string, unknown>) => message.type === type;

for (const backend of testBackends()) {
  describe(`live stream on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const bus = createMemoryEventBus();
    const harness = useLiveAppHarness(db, () => ({ bus, live: { authTimeoutMs: 300 } }));
    const login = async (user = alice.user.id) => {
      await insertKnownGuilds(db());
      return (await loginAs(harness(), user)).accessToken;
    };
    const url = (guildId: string) => `${harness().wsUrl}/api/v1/guilds/${guildId}/live`;

    it('sends each guild’s events to its own subscribers only (header and first-message auth)', async () => {
      const token = await login();
      const inA = await openTestSocket(url(A), { authorization: `Bearer ${token}` });
      await inA.next(isType('ready'));
      const inB = await openTestSocket(url(B));
      inB.send({ type: 'auth', token });
      expect(await inB.next(isType('ready'))).toEqual({
        type: 'ready',
        guildId: B,
        heartbeatIntervalMs: 30_000,
      });
      await bus.publish(events(A, 1));
      await bus.publish(events(B, 2));
      await bus.publish(events(A, 3));
      await inA.next(
        (m) => m.type === 'events' && (m.counts as { messages: number }).messages === 3,
      );
      await inB.next(isType('events'));
      const counts = (socket: typeof inA) =>
        socket.messages
          .filter(isType('events'))
          .map((m) => [m.guildId, (m.counts as { messages: number }).messages]);
      expect(counts(inA)).toEqual([
        [A, 1],
        [A, 3],
      ]);
      expect(counts(inB)).toEqual([[B, 2]]);
      inB.send({ type: 'ping' });
      expect((await inB.next(isType('pong'))).type).toBe('pong');
      inA.socket.close();
      inB.socket.close();
      expect(harness().logs.join('\n')).not.toContain(token);
    });

    it('refuses a bad or missing credential and a guild the caller may not read', async () => {
      const token = await login();
      const bobToken = (await loginAs(harness(), bob.user.id)).accessToken;
      const refusal = (guildId: string, headers: Record<string, string>) =>
        openTestSocket(url(guildId), headers).then(
          () => 'opened',
          (error: { status?: number }) => error.status,
        );
      expect(await refusal(A, { authorization: 'Bearer nonsense' })).toBe(401);
      expect(await refusal(guildIds.foreign, { authorization: `Bearer ${token}` })).toBe(404);
      expect(await refusal(guildIds.member, { authorization: `Bearer ${bobToken}` })).toBe(404);

      const silent = await openTestSocket(url(A));
      expect(await silent.closed).toEqual({ code: 4408, reason: 'UNAUTHENTICATED' });
      expect(silent.messages).toEqual([
        {
          type: 'error',
          error: { code: 'UNAUTHENTICATED', message: 'Send {"type":"auth","token":"…"} first.' },
        },
      ]);
      const wrong = await openTestSocket(url(A));
      wrong.send({ type: 'auth', token: 'nonsense' });
      expect((await wrong.closed).code).toBe(4401);
      const foreign = await openTestSocket(url(guildIds.member));
      foreign.send({ type: 'auth', token: bobToken });
      expect(await foreign.closed).toEqual({ code: 4404, reason: 'GUILD_NOT_FOUND' });
      const garbled = await openTestSocket(url(A));
      garbled.send({ type: 'subscribe' });
      expect((await garbled.closed).code).toBe(4400);

      const plain = await harness().app.inject({ method: 'GET', url: `/api/v1/guilds/${A}/live` });
      expect([plain.statusCode, plain.json().error.code]).toEqual([426, 'UPGRADE_REQUIRED']);
    });

    it('closes when the access token expires, unless a fresh one was sent', async () => {
      const token = await login();
      const expiresAtMs =
        JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).exp * 1_000;
      const before = harness().clock.nowMs;
      harness().clock.nowMs = expiresAtMs - 400;
      try {
        const socket = await openTestSocket(url(A), { authorization: `Bearer ${token}` });
        await socket.next(isType('ready'));
        expect(await socket.closed).toEqual({ code: 4401, reason: 'TOKEN_EXPIRED' });
        const renewed = await openTestSocket(url(A), { authorization: `Bearer ${token}` });
        await renewed.next(isType('ready'));
        renewed.send({
          type: 'auth',
          token: (await loginAs(harness(), alice.user.id)).accessToken,
        });
        await renewed.next(
          (m) => m.type === 'ready' && renewed.messages.filter(isType('ready')).length === 2,
        );
        await new Promise((resolve) => setTimeout(resolve, 800));
        expect(renewed.socket.readyState).toBe(renewed.socket.OPEN);
        renewed.socket.close();
      } finally {
        harness().clock.nowMs = before;
      }
    });

    it('closes a subscriber that does not read (bounded send buffer)', async () => {
      const token = await login();
      const slow = await openTestSocket(url(A), { authorization: `Bearer ${token}` });
      await slow.next(isType('ready'));
      const raw = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })
        ._socket;
      raw.pause();
      const big = {
        ...events(A, 1),
        recent: Array.from({ length: 20 }, () => ({
          kind: 'message',
          userId: 'x'.repeat(2_000),
          at: '',
        })),
      };
      for (let i = 0; i < 2_000; i += 1) await bus.publish(big as EventsMessage);
      raw.resume();
      expect((await slow.closed).code).toBe(4429);
    });
  });
}

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('live stream through Redis', () => {
  const [embedded] = testBackends();
  if (!embedded) throw new Error('PGlite is always a test backend');
  const db = useTestDatabase(embedded);
  const channel = `spw:test:live:${randomBytes(4).toString('hex')}`;
  const buses: EventBus[] = [];
  const redisBus = async () => {
    const redis = openRedis(redisUrl ?? '');
    const bus = await createRedisEventBus({ redis, channel });
    buses.push({
      ...bus,
      close: async () => {
        await bus.close();
        await closeRedis(redis);
      },
    });
    return bus;
  };
  const first = useLiveAppHarness(db, async () => ({ bus: await redisBus() }));
  const second = useLiveAppHarness(db, async () => ({ bus: await redisBus() }));

  it('delivers an event published by one instance to a subscriber of another', async () => {
    await insertKnownGuilds(db());
    const token = (await loginAs(second(), alice.user.id)).accessToken;
    const socket = await openTestSocket(`${second().wsUrl}/api/v1/guilds/${A}/live`, {
      authorization: `Bearer ${token}`,
    });
    await socket.next(isType('ready'));
    expect(first().wsUrl).not.toBe(second().wsUrl);
    await buses[0]?.publish(events(B, 7));
    await buses[0]?.publish(events(A, 8));
    const received = await socket.next(isType('events'));
    expect([received.guildId, (received.counts as { messages: number }).messages]).toEqual([A, 8]);
    socket.socket.close();
    for (const bus of buses) await bus.close();
  });
});
