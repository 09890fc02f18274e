import { describe, expect, it } from 'vitest';
import type { IngestRows, PresenceRow } from '../ingest/ingest-rows.ts';
import { listJoinBursts } from '../store/queries/analytics/list-join-bursts.ts';
import { listSuspicionInputs } from '../store/queries/analytics/list-suspicion-inputs.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { guildWithMembers, messageRow, optOut, writeActivity } from './activity-test-rows.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { burstDefaults } from './joins.ts';
import { suspicionTotal } from './score-suspicion.ts';
import { getMemberSuspicion, getSuspicion } from './suspicion.ts';
import { suspicionThresholds, toSuspicionFactorValues } from './to-suspicion-factors.ts';

const G = '960000000000000001';
const OTHER = '960000000000000002';
const id = (n: number) => String(160_000_000_000_000_000n + BigInt(n));
const [GHOST, RAIDER, BOT, ADMIN, OUTSIDER] = [1, 2, 3, 4, 5].map(id) as [
  string,
  string,
  string,
  string,
  string,
];
const RAIDERS = Array.from({ length: 9 }, (_, i) => id(11 + i));
const ADMIN_ROLE = '660000000000000001';
const DAY_MS = 86_400_000;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 10, 0, minute));

const query = (over: Partial<AnalyticsQuery> = {}): AnalyticsQuery => ({
  guildId: G,
  window: { from: at(0), to: at(24 * 60) },
  limit: 50,
  timeZone: 'UTC',
  now: at(24 * 60),
  ...over,
});

// 30 online snapshots (alternating status so none is deduplicated), 10 of them on two clients.
const ghostPresences: PresenceRow[] = Array.from({ length: 30 }, (_, i) => ({
  guildId: G,
  userDiscordId: GHOST,
  status: i % 2 === 0 ? 'online' : 'idle',
  clientStatus: i < 10 ? { desktop: 'online', mobile: 'online' } : { desktop: 'online' },
  activities: [],
  timestamp: at(10 + i),
}));

const scenario: Partial<IngestRows> = {
  roles: [
    // 2^64 + 8: Administrator in a bitfield too wide for bigint.
    {
      id: ADMIN_ROLE,
      guildId: G,
      name: 'Admin',
      permissions: '18446744073709551624',
      position: 1,
      managed: false,
    },
  ],
  presences: [
    ...ghostPresences,
    { ...ghostPresences[0], userDiscordId: OUTSIDER, guildId: OTHER } as PresenceRow,
  ],
  memberEvents: [RAIDER, ...RAIDERS].map((userDiscordId, i) => ({
    guildId: G,
    userDiscordId,
    type: 'join' as const,
    accountCreatedAt: new Date(
      at(600).getTime() - (userDiscordId === RAIDER ? DAY_MS / 2 : 400 * DAY_MS),
    ),
    timestamp: at(600 + i / 10),
  })),
  // Ten messages exactly a minute apart: a metronome, and a spike from nothing the day before.
  messages: Array.from({ length: 10 }, (_, i) => messageRow(G, BOT, 'c1', at(100 + i))),
  memberRoles: [
    {
      guildId: G,
      userDiscordId: ADMIN,
      roleIds: [ADMIN_ROLE],
      timestamp: at(700),
      baseline: false,
    },
  ],
};

const totals = (items: { userId: string; total: number }[]) =>
  items.map((i) => [i.userId, i.total]);

for (const backend of testBackends()) {
  describe(`getSuspicion on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const seed = async () => {
      const names = Object.fromEntries(
        [GHOST, RAIDER, BOT, ADMIN, ...RAIDERS].map((d) => [d, `u${d.slice(-2)}`]),
      );
      await writeActivity(db(), guildWithMembers(G, names));
      await writeActivity(db(), guildWithMembers(OTHER, { [OUTSIDER]: 'outsider' }));
      await writeActivity(db(), {
        memberRoles: [
          { guildId: G, userDiscordId: ADMIN, roleIds: [], timestamp: at(-1), baseline: true },
        ],
      });
      await writeActivity(db(), scenario);
    };

    it('scores every member of the guild, highest first, and says it is advisory', async () => {
      await seed();
      const result = await getSuspicion(db(), query());
      expect(result.advisory).toMatch(/^Advisory only/);
      expect(totals(result.items)).toEqual([
        [RAIDER, 30],
        [GHOST, 18],
        [ADMIN, 15],
        [BOT, 13],
        ...RAIDERS.map((r) => [r, 10]),
      ]);
      expect(totals((await getSuspicion(db(), query({ limit: 2 }))).items)).toEqual([
        [RAIDER, 30],
        [GHOST, 18],
      ]);
    });

    it('explains one member factor by factor', async () => {
      await seed();
      const ghost = await getMemberSuspicion(db(), query(), GHOST);
      expect(ghost?.factors.map((f) => [f.name, f.weight, f.value])).toEqual([
        ['ghost', 15, 30],
        ['lurker', 10, 100],
        ['multiClient', 10, 33],
        ['newAccount', 20, 0],
        ['roleEscalation', 15, 0],
        ['behaviourShift', 10, 0],
        ['timingRegularity', 10, 0],
        ['raidJoin', 10, 0],
      ]);
      expect(ghost?.factors[2]?.reason).toBe('10 of 30 snapshots on several clients');
      const bot = await getMemberSuspicion(db(), query(), BOT);
      expect(
        bot?.factors.filter((f) => f.value > 0).map((f) => [f.name, f.value, f.reason]),
      ).toEqual([
        ['behaviourShift', 33, 'messages spiked (messages 0 → 10, typing 0 → 0)'],
        ['timingRegularity', 100, 'gaps between 10 messages vary by 0% (bots are regular)'],
      ]);
      const admin = await getMemberSuspicion(db(), query(), ADMIN);
      expect(admin?.factors[4]).toMatchObject({
        value: 100,
        reason: `gained a powerful role: ${ADMIN_ROLE}`,
      });
    });

    it('ranks every member in the database exactly as the factors score them, at each boundary', async () => {
      await seed();
      // Joins 10 minutes apart (no burst) at account ages on each side of the tiers (1, 7, 30
      // days); a ghost at 16.5 (Math.round: 17, half-even: 16); messages and typing on each
      // side of the spike thresholds, against the day before.
      const ages = [1, 1.5, 6.99, 7, 29.9, 30];
      const [AGED, HALF, SPIKE, FLAT, TYPIST, STEADY] = [0, 1, 2, 3, 4, 5].map((k) =>
        Array.from({ length: 6 }, (_, i) => id(100 + 10 * k + i)),
      ) as [string[], string[], string[], string[], string[], string[]];
      const members = [
        ...AGED,
        ...HALF.slice(0, 1),
        SPIKE[0],
        FLAT[0],
        TYPIST[0],
        STEADY[0],
      ] as string[];
      await writeActivity(
        db(),
        guildWithMembers(G, Object.fromEntries(members.map((d) => [d, `b${d.slice(-3)}`]))),
      );
      const day = (minute: number) => at(minute - 24 * 60);
      const typing = (user: string, count: number, when: (i: number) => Date) =>
        Array.from({ length: count }, (_, i) => ({
          guildId: G,
          channelId: 'c2',
          userDiscordId: user,
          timestamp: when(i),
        }));
      const half = HALF[0] as string;
      await writeActivity(db(), {
        memberEvents: AGED.map((userDiscordId, i) => ({
          guildId: G,
          userDiscordId,
          type: 'join' as const,
          accountCreatedAt: new Date(at(200 + 10 * i).getTime() - (ages[i] ?? 0) * DAY_MS),
          timestamp: at(200 + 10 * i),
        })),
        presences: Array.from({ length: 33 }, (_, i) => ({
          guildId: G,
          userDiscordId: half,
          status: i % 2 === 0 ? ('online' as const) : ('idle' as const),
          clientStatus: { desktop: 'online' },
          activities: [],
          timestamp: at(300 + i),
        })),
        messages: [
          messageRow(G, half, 'c1', at(400)),
          // 3 before; 13 now (≥ 3 × 3 and 3 + 10: a spike) and 12 now (not).
          ...[SPIKE[0], FLAT[0]].flatMap((user, k) => [
            ...Array.from({ length: 3 }, (_, i) =>
              messageRow(G, user as string, 'c1', day(500 + i)),
            ),
            ...Array.from({ length: 13 - k }, (_, i) =>
              messageRow(G, user as string, 'c1', at(500 + 7 * i + k * i * i)),
            ),
          ]),
        ],
        // 5 before; 11 now (> 2 × 5: a spike) and 10 now (not).
        typing: [TYPIST[0], STEADY[0]].flatMap((user, k) => [
          ...typing(user as string, 5, (i) => day(800 + i)),
          ...typing(user as string, 11 - k, (i) => at(800 + i)),
        ]),
      });
      const q = query();
      const result = await getSuspicion(db(), q);
      const bursts = await listJoinBursts(db(), { ...q, limit: 500 }, burstDefaults);
      const raiders = new Set(bursts.flatMap((b) => b.memberIds));
      const inputs = await listSuspicionInputs(db(), q, null, suspicionThresholds.minMessageGaps);
      const scored = inputs
        .map((i) => ({
          userId: i.userId,
          total: suspicionTotal(toSuspicionFactorValues(i, raiders.has(i.userId))),
        }))
        .sort((a, b) => b.total - a.total || (a.userId < b.userId ? -1 : 1));
      expect(totals(result.items)).toEqual(totals(scored));
      // The boundaries are where they should be.
      const values = Object.fromEntries(
        inputs.map((i) => [i.userId, toSuspicionFactorValues(i, raiders.has(i.userId))]),
      );
      expect(AGED.map((u) => values[u]?.newAccount)).toEqual([70, 70, 70, 30, 30, 0]);
      expect(values[half]?.ghost).toBe(17);
      expect(
        [SPIKE[0], FLAT[0], TYPIST[0], STEADY[0]].map((u) => values[u as string]?.behaviourShift),
      ).toEqual([33, 0, 33, 0]);
    });

    it('leaves out other guilds and opted-out members; an empty window scores only join age', async () => {
      await seed();
      expect(await getMemberSuspicion(db(), query(), OUTSIDER)).toBeUndefined();
      await optOut(db(), RAIDER, G);
      expect(await getMemberSuspicion(db(), query(), RAIDER)).toBeUndefined();
      // The burst lost a member: the others are no longer raiders.
      expect(totals((await getSuspicion(db(), query())).items).slice(0, 4)).toEqual([
        [GHOST, 18],
        [ADMIN, 15],
        [BOT, 13],
        [RAIDERS[0], 0],
      ]);
      const later = query({ window: { from: at(3 * 24 * 60), to: at(4 * 24 * 60) } });
      expect((await getSuspicion(db(), later)).items.every((i) => i.total === 0)).toBe(true);
    });
  });
}
