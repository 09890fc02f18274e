import { describe, expect, it } from 'vitest';
import { messageRows } from '../../analytics/analytics-scenario.ts';
import { emptyIngestRows } from '../../ingest/ingest-rows.ts';
import { writeIngestRows } from '../../store/ingest-writes/write-ingest-rows.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  bearer,
  bob,
  guildIds,
  insertKnownGuilds,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

const paths = [
  'overview',
  'analytics/multi-client',
  'analytics/ghosts',
  'analytics/lurkers',
  'analytics/shifts',
  'analytics/role-drift',
  'analytics/heatmap',
  'analytics/channels',
  'analytics/reaction-latency',
  'analytics/joins',
  'analytics/suspicion',
];
const MEMBER = '100000000000000077';
const DAY = 86_400_000;

for (const backend of testBackends()) {
  describe(`analytics over HTTP on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);
    const get = async (url: string, token?: string) =>
      harness().app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });

    const seed = async () => {
      await insertKnownGuilds(db());
      const now = new Date(harness().clock.nowMs);
      await db().transaction((tx) =>
        writeIngestRows(tx, {
          ...emptyIngestRows(),
          users: [
            {
              discordId: MEMBER,
              username: 'member',
              discriminator: '0',
              globalName: null,
              avatar: null,
              isBot: false,
            },
          ],
          members: [{ guildId: guildIds.owned, userDiscordId: MEMBER, joinedAt: now }],
          presences: [1, 2, 3, 4, 5].map((minutes) => ({
            guildId: guildIds.owned,
            userDiscordId: MEMBER,
            status: minutes % 2 === 0 ? ('idle' as const) : ('online' as const),
            clientStatus: { desktop: 'online' as const, mobile: 'online' as const },
            activities: [],
            timestamp: new Date(now.getTime() - minutes * 60_000),
          })),
        }),
      );
      return (await loginAs(harness(), alice.user.id)).accessToken;
    };

    it('answers every analytic for a guild the caller manages, naming its window', async () => {
      const token = await seed();
      for (const path of paths) {
        const response = await get(`/api/v1/guilds/${guildIds.owned}/${path}`, token);
        expect(response.statusCode, path).toBe(200);
        expect(response.json(), path).toMatchObject({
          guildId: guildIds.owned,
          window: { from: expect.any(String), to: expect.any(String) },
        });
      }
      const lurkers = await get(`/api/v1/guilds/${guildIds.owned}/analytics/lurkers`, token);
      expect(lurkers.json().items.map((item: { userId: string }) => item.userId)).toEqual([MEMBER]);
      const timeline = await get(
        `/api/v1/guilds/${guildIds.owned}/members/${MEMBER}/timeline?limit=2`,
        token,
      );
      expect(timeline.statusCode).toBe(200);
      expect(timeline.json().items).toHaveLength(2);
      const next = await get(
        `/api/v1/guilds/${guildIds.owned}/members/${MEMBER}/timeline?limit=2&cursor=${encodeURIComponent(timeline.json().nextCursor)}`,
        token,
      );
      expect(next.json().items).toHaveLength(2);
      const suspicion = await get(
        `/api/v1/guilds/${guildIds.owned}/members/${MEMBER}/suspicion`,
        token,
      );
      expect(suspicion.statusCode).toBe(200);
      expect(suspicion.json().advisory).toBeTruthy();
    });

    it('passes the behaviour-shift thresholds to the analytic', async () => {
      const token = await seed();
      const now = harness().clock.nowMs;
      // Two messages in the previous window, none since: a drop only from 2 messages up.
      await db().transaction((tx) =>
        writeIngestRows(tx, {
          ...emptyIngestRows(),
          messages: messageRows(
            guildIds.owned,
            MEMBER,
            [8, 9].map((d) => new Date(now - d * DAY)),
          ),
        }),
      );
      const flags = async (query: string) =>
        (await get(`/api/v1/guilds/${guildIds.owned}/analytics/shifts${query}`, token))
          .json()
          .items.map((item: { userId: string; flags: string[] }) => [item.userId, item.flags]);
      expect(await flags('')).toEqual([]);
      expect(await flags('?dropMinMessages=2')).toEqual([[MEMBER, ['messageDrop']]]);
    });

    it('refuses bad parameters with the failing field, and nothing reaches SQL', async () => {
      const token = await seed();
      const cases: [string, string][] = [
        ['analytics/ghosts?limit=0', 'querystring.limit'],
        ['analytics/ghosts?limit=501', 'querystring.limit'],
        ['analytics/heatmap?tz=Mars/Olympus', 'querystring.tz'],
        ['analytics/heatmap?metric=votes', 'querystring.metric'],
        ['analytics/ghosts?from=yesterday', 'querystring.from'],
        ['analytics/ghosts?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'querystring.from'],
        ['analytics/ghosts?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'querystring.from'],
        ['analytics/ghosts?minPresence=-1', 'querystring.minPresence'],
        ['analytics/shifts?spikeRatio=0.5', 'querystring.spikeRatio'],
        ['analytics/shifts?typingMinBefore=0', 'querystring.typingMinBefore'],
        ['analytics/shifts?dropMinMessages=two', 'querystring.dropMinMessages'],
        [`members/${MEMBER}/timeline?cursor=nonsense`, 'querystring.cursor'],
        [`members/${MEMBER}/timeline?kinds=presence,dreams`, 'querystring.kinds.1'],
      ];
      for (const [path, field] of cases) {
        const response = await get(`/api/v1/guilds/${guildIds.owned}/${path}`, token);
        expect(response.statusCode, path).toBe(400);
        const body = response.json();
        expect(body.error.code, path).toBe('VALIDATION_FAILED');
        expect(
          body.error.details.map((d: { field: string }) => d.field),
          path,
        ).toContain(field);
      }
    });

    it('answers 401 without a token and 404 for a guild the caller may not read', async () => {
      const token = await seed();
      expect((await get(`/api/v1/guilds/${guildIds.owned}/analytics/ghosts`)).statusCode).toBe(401);
      expect(
        (await get(`/api/v1/guilds/${guildIds.foreign}/analytics/ghosts`, token)).statusCode,
      ).toBe(404);
      const bobToken = (await loginAs(harness(), bob.user.id)).accessToken;
      expect((await get(`/api/v1/guilds/${guildIds.owned}/overview`, bobToken)).statusCode).toBe(
        404,
      );
      expect(
        (await get(`/api/v1/guilds/${guildIds.owned}/members/${MEMBER}/timeline`, bobToken))
          .statusCode,
      ).toBe(404);
    });
  });
}
