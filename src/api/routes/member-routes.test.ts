import { describe, expect, it } from 'vitest';
import {
  at,
  guildRows,
  messageRows,
  optOut,
  presenceRows,
  reactionRows,
  typingRows,
  writeScenario,
} from '../../analytics/analytics-scenario.ts';
import { toSnowflake } from '../../simulator/snowflake.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  bearer,
  guildIds,
  insertKnownGuilds,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

const A = guildIds.owned;
const B = guildIds.administrator;
const created = Date.UTC(2020, 0, 1);
const id = (n: number) => toSnowflake(created, n);
const [m1, m2, m3, m4, m5, m6] = [1, 2, 3, 4, 5, 6].map(id) as [
  string,
  string,
  string,
  string,
  string,
  string,
];

/** Two guilds: A with five members (one opted out), B with m5 (also in A) and m6. */
const seed = async (db: Parameters<typeof writeScenario>[0]) => {
  await writeScenario(db, {
    ...guildRows(A, [
      { discordId: m1, username: 'zed', globalName: 'Alpha' },
      { discordId: m2, username: 'bob_the_builder', nick: 'Bobby' },
      { discordId: m3, username: 'carl' },
      { discordId: m4, username: 'dora' },
      { discordId: m5, username: 'eve' },
    ]),
    roles: [
      { id: '900', guildId: A, name: 'Admin', permissions: '8', position: 2, managed: false },
      { id: '901', guildId: A, name: 'Mod', permissions: '8194', position: 1, managed: false },
    ],
    memberRoles: [{ guildId: A, userDiscordId: m1, roleIds: [], timestamp: at(0), baseline: true }],
  });
  await writeScenario(db, {
    ...guildRows(B, [
      { discordId: m5, username: 'eve', nick: 'EveB' },
      { discordId: m6, username: 'frank' },
    ]),
  });
  await writeScenario(db, {
    presences: [
      ...presenceRows(A, m1, [at(-30)], { desktop: 'online' }),
      ...presenceRows(A, m1, [at(20)], { desktop: 'idle', mobile: 'idle' }, 'idle'),
      ...presenceRows(A, m1, [at(50)], {}, 'offline'),
      ...presenceRows(A, m1, [at(100)], { web: 'online' }),
      ...presenceRows(A, m3, [at(10)]),
      ...presenceRows(A, m4, [at(30)]),
      ...presenceRows(B, m5, [at(15), at(16)]),
    ],
    messages: [
      ...messageRows(A, m1, [at(30), at(40), at(200)]),
      ...messageRows(A, m5, [at(30)]),
      ...messageRows(B, m5, [at(31), at(32), at(33)]),
    ],
    typing: typingRows(A, m1, [at(35)]),
    reactions: reactionRows(A, m1, [at(36)]),
    memberEvents: [
      {
        guildId: A,
        userDiscordId: m1,
        type: 'join',
        accountCreatedAt: new Date(created),
        timestamp: at(1),
      },
    ],
    voiceStates: [
      { guildId: A, userDiscordId: m1, channelId: '600', timestamp: at(60) },
      { guildId: A, userDiscordId: m1, channelId: null, timestamp: at(70) },
    ],
  });
  await writeScenario(db, {
    memberRoles: [
      {
        guildId: A,
        userDiscordId: m1,
        roleIds: ['900', '901'],
        timestamp: at(80),
        baseline: false,
      },
    ],
  });
  await optOut(db, m4, A);
};

const window = `from=${at(0).toISOString()}&to=${at(120).toISOString()}`;

for (const backend of testBackends()) {
  describe(`member routes on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);
    const login = async () => {
      harness().clock.nowMs = Date.UTC(2026, 10, 11);
      await insertKnownGuilds(db());
      await seed(db());
      return (await loginAs(harness(), alice.user.id)).accessToken;
    };
    const get = (url: string, token: string) =>
      harness().app.inject({ method: 'GET', url, headers: bearer(token) });
    const ids = (body: { items: { userId: string }[] }) => body.items.map((item) => item.userId);

    it('lists a guild’s members by name, paged without loss, opted-out and other guilds left out', async () => {
      const token = await login();
      const first = await get(`/api/v1/guilds/${A}/members?limit=2`, token);
      expect(first.statusCode).toBe(200);
      expect(ids(first.json())).toEqual([m1, m2]);
      expect(first.json().items[0]).toEqual({
        userId: m1,
        username: 'zed',
        globalName: 'Alpha',
        nick: null,
        displayName: 'Alpha',
        avatar: null,
        isBot: false,
        status: 'online',
        platforms: ['web'],
        joinedAt: at(0).toISOString(),
        leftAt: null,
        lastPresenceAt: at(100).toISOString(),
      });
      const cursor = encodeURIComponent(first.json().nextCursor);
      const second = await get(`/api/v1/guilds/${A}/members?limit=2&cursor=${cursor}`, token);
      expect(ids(second.json())).toEqual([m3, m5]);
      expect(second.json().nextCursor).toBeNull();
      const other = await get(`/api/v1/guilds/${B}/members`, token);
      expect(other.json().items.map((m: { displayName: string }) => m.displayName)).toEqual([
        'EveB',
        'frank',
      ]);
    });

    it('searches usernames, global names and nicknames, taking % and _ literally', async () => {
      const token = await login();
      const search = async (text: string) =>
        ids(
          (
            await get(`/api/v1/guilds/${A}/members?search=${encodeURIComponent(text)}`, token)
          ).json(),
        );
      expect(await search('bob')).toEqual([m2]);
      expect(await search('BOBBY')).toEqual([m2]);
      expect(await search('alp')).toEqual([m1]);
      expect(await search('dora')).toEqual([]);
      expect(await search('%')).toEqual([]);
      expect(await search('_the_')).toEqual([m2]);
    });

    it('sorts by last presence, never-seen last, across page boundaries', async () => {
      const token = await login();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = (
          await get(`/api/v1/guilds/${A}/members?sort=recent&limit=1${suffix}`, token)
        ).json();
        seen.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([m1, m3, m2, m5]);
    });

    it('answers a member’s profile with exact figures for the window, per guild', async () => {
      const token = await login();
      const response = await get(`/api/v1/guilds/${A}/members/${m1}?${window}`, token);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        guildId: A,
        window: { from: at(0).toISOString(), to: at(120).toISOString() },
        member: {
          userId: m1,
          username: 'zed',
          globalName: 'Alpha',
          nick: null,
          displayName: 'Alpha',
          avatar: null,
          isBot: false,
          status: 'online',
          joinedAt: at(0).toISOString(),
          leftAt: null,
          lastPresenceAt: at(100).toISOString(),
          accountCreatedAt: new Date(created).toISOString(),
          platformsNow: ['web'],
          roles: [
            { id: '900', name: 'Admin', position: 2, permissions: ['ADMINISTRATOR'] },
            { id: '901', name: 'Mod', position: 1, permissions: ['KICK_MEMBERS'] },
          ],
          platformsSeen: [
            {
              platform: 'desktop',
              snapshots: 1,
              firstSeenAt: at(20).toISOString(),
              lastSeenAt: at(20).toISOString(),
            },
            {
              platform: 'mobile',
              snapshots: 1,
              firstSeenAt: at(20).toISOString(),
              lastSeenAt: at(20).toISOString(),
            },
            {
              platform: 'web',
              snapshots: 1,
              firstSeenAt: at(100).toISOString(),
              lastSeenAt: at(100).toISOString(),
            },
          ],
          firstSeenAt: at(-30).toISOString(),
          lastSeenAt: at(200).toISOString(),
          // online from the window's start (snapshot at -30) to 20, idle 20–50, online 100–120
          onlineMinutes: 70,
          counts: {
            presences: 3,
            messages: 2,
            typing: 1,
            reactions: 1,
            voiceSessions: 1,
            roleChanges: 2,
            joins: 1,
            leaves: 0,
            bans: 0,
          },
        },
      });
      const inA = (await get(`/api/v1/guilds/${A}/members/${m5}?${window}`, token)).json();
      const inB = (await get(`/api/v1/guilds/${B}/members/${m5}?${window}`, token)).json();
      expect([inA.member.nick, inA.member.counts.messages, inA.member.counts.presences]).toEqual([
        null,
        1,
        0,
      ]);
      expect([inB.member.nick, inB.member.counts.messages, inB.member.counts.presences]).toEqual([
        'EveB',
        3,
        2,
      ]);
    });

    it('pages a member’s presences newest first', async () => {
      const token = await login();
      const from = `from=${at(-60).toISOString()}&to=${at(120).toISOString()}`;
      const first = (
        await get(`/api/v1/guilds/${A}/members/${m1}/presences?${from}&limit=3`, token)
      ).json();
      expect(first.items.map((p: { at: string }) => p.at)).toEqual(
        [at(100), at(50), at(20)].map((d) => d.toISOString()),
      );
      expect(first.items[2]).toMatchObject({
        status: 'idle',
        platforms: ['desktop', 'mobile'],
        activities: [{ type: 0, name: `game ${at(20).toISOString()}` }],
      });
      const cursor = encodeURIComponent(first.nextCursor);
      const second = (
        await get(
          `/api/v1/guilds/${A}/members/${m1}/presences?${from}&limit=3&cursor=${cursor}`,
          token,
        )
      ).json();
      expect(second.items.map((p: { at: string }) => p.at)).toEqual([at(-30).toISOString()]);
      expect(second.nextCursor).toBeNull();
    });

    it('answers 404 for unknown, opted-out and foreign members and guilds', async () => {
      const token = await login();
      const cases: [string, string][] = [
        [`/api/v1/guilds/${A}/members/${m4}`, 'MEMBER_NOT_FOUND'],
        [`/api/v1/guilds/${A}/members/${m4}/presences`, 'MEMBER_NOT_FOUND'],
        [`/api/v1/guilds/${A}/members/${m6}`, 'MEMBER_NOT_FOUND'],
        [`/api/v1/guilds/${A}/members/123`, 'MEMBER_NOT_FOUND'],
        [`/api/v1/guilds/${guildIds.foreign}/members`, 'GUILD_NOT_FOUND'],
        [`/api/v1/guilds/${guildIds.foreign}/members/${m1}`, 'GUILD_NOT_FOUND'],
      ];
      for (const [url, code] of cases) {
        const response = await get(url, token);
        expect([response.statusCode, response.json().error.code], url).toEqual([404, code]);
      }
    });

    it('documents request and response of every member and analytics route', async () => {
      const token = await login();
      const doc = (await get('/api/v1/openapi.json', token)).json();
      const guild = '/api/v1/guilds/{guildId}';
      for (const path of [
        '/members',
        '/members/{userId}',
        '/members/{userId}/presences',
        '/members/{userId}/timeline',
        '/members/{userId}/suspicion',
        '/overview',
        '/analytics/ghosts',
        '/analytics/joins',
      ]) {
        const get = doc.paths[`${guild}${path}`]?.get;
        expect(get?.responses?.['200']?.content?.['application/json']?.schema, path).toBeDefined();
        expect(get?.responses?.['400'], path).toBeDefined();
      }
      expect(doc.paths[`${guild}/live`]?.get?.description).toContain('{"type":"auth"');
    });

    it('refuses bad parameters with the failing field', async () => {
      const token = await login();
      const name = (await get(`/api/v1/guilds/${A}/members?limit=1`, token)).json().nextCursor;
      const cases: [string, string][] = [
        ['members?limit=0', 'querystring.limit'],
        ['members?limit=501', 'querystring.limit'],
        ['members?sort=age', 'querystring.sort'],
        ['members?search=', 'querystring.search'],
        ['members?cursor=nonsense', 'querystring.cursor'],
        [`members?sort=recent&cursor=${encodeURIComponent(name)}`, 'querystring.cursor'],
        ['members/abc', 'params.userId'],
        [`members/${m1}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 'querystring.from'],
        [`members/${m1}/presences?cursor=nonsense`, 'querystring.cursor'],
        [`members/${m1}/presences?limit=501`, 'querystring.limit'],
      ];
      for (const [path, field] of cases) {
        const response = await get(`/api/v1/guilds/${A}/${path}`, token);
        expect(response.statusCode, path).toBe(400);
        expect(response.json().error.code, path).toBe('VALIDATION_FAILED');
        expect(
          response.json().error.details.map((d: { field: string }) => d.field),
          path,
        ).toContain(field);
      }
    });
  });
}
