import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../api/app.ts';
import { toCallbackUrl } from '../api/auth/auth-options.ts';
import { bearer, loginAs } from '../api/testing/access-harness.ts';
import { testAuthOptions } from '../api/testing/test-auth-options.ts';
import { type Bot, createBot } from '../ingest/bot.ts';
import { createIngestMetrics } from '../ingest/ingest-metrics.ts';
import type { LiveEvent } from '../live/live-event.ts';
import { createLivePublisher } from '../live/live-publisher.ts';
import { createMemoryEventBus } from '../live/memory-event-bus.ts';
import { createDiscordSimulator, type DiscordSimulator } from '../simulator/discord-simulator.ts';
import { createScenario } from '../simulator/scenario/create-scenario.ts';
import { driveScenario } from '../simulator/scenario/drive-scenario.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';

const PUBLIC_URL = 'http://spywatcher.test';
const HOUR_MS = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `read` has returned the same value for `quietMs` (the gateway went quiet). */
const untilSettled = async (read: () => Promise<number>, quietMs = 400, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== last) [last, since] = [value, Date.now()];
    else if (Date.now() - since >= quietMs) return value;
    await sleep(50);
  }
  throw new Error('the ingest did not settle');
};

for (const backend of testBackends()) {
  describe(`issue #5 end to end on ${backend.name}: scenario guild → bot → database → API`, () => {
    const db = useTestDatabase(backend);
    const closers: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const close of closers.splice(0).reverse()) await close();
    });

    it('finds the ghosts, lurkers, multi-client members and the raid the scenario planted', {
      timeout: 60_000,
    }, async () => {
      // Scenario time ends now, so message and join times fall in the default 7-day window.
      const scenario = createScenario({
        seed: 'e2e',
        startMs: Date.now() - 2 * HOUR_MS,
        durationMs: 2 * HOUR_MS,
      });
      const guildId = scenario.guild.id;
      const owner = scenario.guild.members.find((m) => m.user.id === scenario.guild.ownerId)?.user;
      if (!owner) throw new Error('the scenario guild has no owner member');
      const sim: DiscordSimulator = await createDiscordSimulator({
        guilds: [scenario.guild],
        bot: scenario.bot,
        users: [{ user: owner }],
        application: { redirectUris: [toCallbackUrl(PUBLIC_URL)] },
      });
      closers.push(() => sim.close());

      const log = pino({ level: 'silent' });
      const bus = createMemoryEventBus();
      const live: LiveEvent[] = [];
      bus.subscribe((event) => live.push(event));
      const publisher = createLivePublisher({ bus, db: db(), log });
      const registry = new Registry();
      const metrics = createIngestMetrics(registry);
      const bot: Bot = await createBot({
        token: sim.botToken,
        apiUrl: sim.apiUrl,
        db: db(),
        log,
        metrics,
        writer: { flushIntervalMs: 5, onCommitted: publisher.onCommitted },
      });
      closers.push(() => bot.stop());
      await bot.start();
      const committed = async () =>
        (await metrics.committed.get()).values.reduce((sum, v) => sum + v.value, 0);
      await untilSettled(committed);

      const drive = await driveScenario({ sim, events: scenario.events });
      expect(drive.sent).toBe(scenario.events.length);
      await untilSettled(committed);
      await bot.writer.drain();
      await publisher.flush();

      const app: App = await createApp({
        db: db(),
        log,
        metrics: new Registry(),
        bus,
        auth: testAuthOptions({
          publicUrl: PUBLIC_URL,
          discord: {
            apiUrl: sim.apiUrl,
            clientId: sim.application.clientId,
            clientSecret: sim.application.clientSecret,
          },
        }),
      });
      closers.push(() => app.close());
      const { accessToken } = await loginAs(
        { app, sim, clock: { nowMs: Date.now() }, logs: [] },
        owner.id,
      );
      const get = async (path: string) => {
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/guilds/${guildId}/${path}`,
          headers: bearer(accessToken),
        });
        expect(response.statusCode, path).toBe(200);
        return response.json();
      };
      // Every analytic answers on real ingested data, through its response schema.
      for (const path of [
        'overview',
        'analytics/shifts',
        'analytics/role-drift',
        'analytics/heatmap',
        'analytics/channels',
        'analytics/reaction-latency',
        'analytics/suspicion',
        `members/${owner.id}`,
        `members/${owner.id}/timeline`,
        `members/${owner.id}/presences`,
        'members?sort=recent',
      ])
        await get(path);
      const ids = (body: { items: { userId: string }[] }) =>
        body.items.map((item) => item.userId).sort();

      const ghosts = ids(await get('analytics/ghosts'));
      expect(ghosts).toEqual(expect.arrayContaining(scenario.cast.ghost));
      const lurkers = ids(await get('analytics/lurkers'));
      expect(lurkers).toEqual(expect.arrayContaining(scenario.cast.lurker));
      const talkers = [...scenario.cast.regular, ...scenario.cast.ghost].filter((id) =>
        scenario.events.some(
          (e) =>
            e.event === 'MESSAGE_CREATE' && (e.data as { author: { id: string } }).author.id === id,
        ),
      );
      expect(lurkers.filter((id) => talkers.includes(id))).toEqual([]);
      expect(ids(await get('analytics/multi-client'))).toEqual(
        [...scenario.cast.multiClient].sort(),
      );

      const joins = await get('analytics/joins');
      expect(joins.bursts).toHaveLength(1);
      expect(joins.bursts[0]).toMatchObject({
        size: scenario.cast.raider.length,
        youngAccountShare: 1,
      });
      expect([...joins.bursts[0].memberIds].sort()).toEqual([...scenario.cast.raider].sort());

      // The same commits went out live: per-guild summaries and the detectors' alerts.
      const alerts = live.flatMap((event) => (event.type === 'alert' ? [event.alert] : []));
      expect(alerts.filter((a) => a.kind === 'raidBurst')).toHaveLength(1);
      const escalated = alerts.flatMap((a) => (a.kind === 'roleEscalation' ? [a.userId] : []));
      expect(escalated.sort()).toEqual(
        scenario.roleGrants
          .filter((g) => g.escalation)
          .map((g) => g.userId)
          .sort(),
      );
      const multiAlerted = new Set(
        alerts.flatMap((a) => (a.kind === 'multiClient' ? [a.userId] : [])),
      );
      expect([...multiAlerted].sort()).toEqual([...scenario.cast.multiClient].sort());
      const counted = live.reduce(
        (sum, e) => sum + (e.type === 'events' && e.guildId === guildId ? e.counts.messages : 0),
        0,
      );
      expect(counted).toBe(scenario.events.filter((e) => e.event === 'MESSAGE_CREATE').length);
    });
  });
}
