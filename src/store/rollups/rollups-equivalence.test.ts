import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AnalyticsQuery } from '../../analytics/analytics-query.ts';
import {
  guildRows,
  instants,
  messageRows,
  optOut,
  presenceRows,
  typingRows,
} from '../../analytics/analytics-scenario.ts';
import { getBehaviourShifts, shiftRules } from '../../analytics/behaviour-shifts.ts';
import { getChannels } from '../../analytics/channels.ts';
import { getGhosts } from '../../analytics/ghosts.ts';
import { getHeatmap } from '../../analytics/heatmap.ts';
import { burstDefaults } from '../../analytics/joins.ts';
import { getLurkers } from '../../analytics/lurkers.ts';
import { getMultiClient } from '../../analytics/multi-client.ts';
import { getOverview } from '../../analytics/overview.ts';
import { suspicionTotal } from '../../analytics/score-suspicion.ts';
import { getSuspicion } from '../../analytics/suspicion.ts';
import {
  defaultSuspicionScoring,
  suspicionThresholds,
  toSuspicionFactorValues,
} from '../../analytics/to-suspicion-factors.ts';
import { emptyIngestRows, type IngestRows, type PresenceRow } from '../../ingest/ingest-rows.ts';
import { runRetention } from '../../privacy/run-retention.ts';
import type { Database } from '../database.ts';
import { writeIngestRows } from '../ingest-writes/write-ingest-rows.ts';
import { eraseMember } from '../privacy/erase-member.ts';
import { listBehaviourShifts } from '../queries/analytics/list-behaviour-shifts.ts';
import { listHeatmapCells } from '../queries/analytics/list-heatmap-cells.ts';
import { listJoinBursts } from '../queries/analytics/list-join-bursts.ts';
import { listSuspicionInputs } from '../queries/analytics/list-suspicion-inputs.ts';
import { listSuspicionTop } from '../queries/analytics/list-suspicion-top.ts';
import { testBackends, useTestDatabase } from '../testing/test-database.ts';
import { getTotalsPlans } from './get-rollup-plan.ts';
import { rebuildRollups } from './rebuild-rollups.ts';
import { TRAILING_TOTALS_STATE_NAME } from './roll-trailing-totals.ts';
import {
  CHANNEL_AUTHORS_STATE_NAME,
  GUILD_COUNTS_STATE_NAME,
  getRolledUntil,
} from './rollup-state.ts';
import { backfillMemberDayTotals, runRollups } from './run-rollups.ts';

const G = '910000000000000001';
const OTHER = '910000000000000002';
const START = Date.UTC(2026, 10, 1, 0, 0);
const END = START + 4 * 86_400_000 + 5 * 3_600_000 + 17 * 60_000;
const members = Array.from({ length: 12 }, (_, i) => ({
  discordId: `1200000000000000${String(i + 10)}`,
  username: `m${i}`,
}));

/** A seeded PRNG, so the scenario is the same on every run and backend (reseeded per test). */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const combos: PresenceRow['clientStatus'][] = [
  { desktop: 'online' },
  { mobile: 'idle' },
  { desktop: 'dnd', mobile: 'online' },
  { desktop: 'online', web: 'online', mobile: 'online' },
  {},
];
const statuses = ['online', 'idle', 'dnd', 'offline'] as const;

/** Four days and a few hours (or `[start, end)`) of irregular presence, messages, typing and reactions. */
const scenario = (
  guildId: string,
  start = START,
  end = END,
  who = members,
): Partial<IngestRows> => {
  const rows = { presences: [], messages: [], typing: [], reactions: [] } as Pick<
    IngestRows,
    'presences' | 'messages' | 'typing' | 'reactions'
  >;
  who.forEach((m, i) => {
    const activity = i % 4 === 0 ? 0 : 1 + (i % 3);
    for (let t = start + random() * 3_600_000; t < end; t += 300_000 + random() * 9_000_000) {
      const status = statuses[Math.floor(random() * statuses.length)] ?? 'online';
      const clientStatus = combos[Math.floor(random() * combos.length)] ?? {};
      const timestamp = new Date(Math.floor(t));
      rows.presences.push({
        guildId,
        userDiscordId: m.discordId,
        status,
        clientStatus: status === 'offline' ? {} : clientStatus,
        activities: [{ type: 0, name: `g${t}` }],
        timestamp,
      });
      for (let k = 0; k < activity && random() < 0.6; k += 1) {
        const when = new Date(Math.floor(t + random() * 200_000));
        const channelId = `50000000000000000${k}`;
        rows.messages.push({
          id: `${guildId.slice(-1)}${i}${when.getTime()}${k}`,
          guildId,
          channelId,
          userDiscordId: m.discordId,
          content: null,
          length: 3,
          attachments: [],
          timestamp: when,
        });
        rows.typing.push({ guildId, channelId, userDiscordId: m.discordId, timestamp: when });
        // Half the members type twice per message, so typing and message counts differ.
        if (i % 2 === 1) {
          const again = new Date(when.getTime() + 1_000);
          rows.typing.push({ guildId, channelId, userDiscordId: m.discordId, timestamp: again });
        }
        if (random() < 0.3) {
          rows.reactions.push({
            guildId,
            channelId,
            messageId: '700000000000000001',
            userDiscordId: m.discordId,
            emoji: '👍',
            action: 'added',
            timestamp: when,
          });
        }
      }
    }
  });
  return rows;
};

const write = (db: Database, rows: Partial<IngestRows>) =>
  db.transaction((tx) => writeIngestRows(tx, { ...emptyIngestRows(), ...rows }));

const everyAnalytic = (db: Database, query: AnalyticsQuery) =>
  Promise.all([
    getOverview(db, query),
    getMultiClient(db, query),
    getGhosts(db, query, { minPresence: 3, maxMessages: 5 }),
    getLurkers(db, query, { minPresence: 1 }),
    getBehaviourShifts(db, query),
    getHeatmap(db, query, 'messages'),
    getHeatmap(db, query, 'presence'),
    getHeatmap(db, { ...query, timeZone: 'Asia/Kolkata' }, 'typing'),
    getChannels(db, query),
    getSuspicion(db, query),
    // Every member's suspicion inputs, not only what the listed members' factors show.
    listSuspicionInputs(db, query, null, suspicionThresholds.minMessageGaps),
  ]);

/**
 * The database ranks suspicion (listSuspicionTop): its list must be the first `limit` members
 * as the analytics part's own scoring ranks every member's inputs (`all`, every member).
 */
const expectRankedAsScored = async (
  db: Database,
  query: AnalyticsQuery,
  answer: Awaited<ReturnType<typeof everyAnalytic>>,
) => {
  const [, , , , , , , , , suspicion, all] = answer;
  const bursts = await listJoinBursts(db, { ...query, limit: 500 }, burstDefaults);
  const raiders = new Set(bursts.flatMap((b) => b.memberIds));
  const scored = all
    .map((input) => ({
      userId: input.userId,
      total: suspicionTotal(toSuspicionFactorValues(input, raiders.has(input.userId))),
    }))
    .sort((a, b) => b.total - a.total || (a.userId < b.userId ? -1 : 1))
    .slice(0, query.limit);
  expect(suspicion.items.map((i) => ({ userId: i.userId, total: i.total }))).toEqual(scored);
};

/** Windows whose edges fall inside hours and days, and one entirely after the rollups. */
const windows = [
  { from: new Date(START + 2 * 86_400_000 + 1_234_567), to: new Date(END) },
  { from: new Date(START + 1_800_000), to: new Date(START + 3 * 86_400_000 + 2_700_000) },
  { from: new Date(START + 86_400_000), to: new Date(START + 2 * 86_400_000) },
  {
    from: new Date(START + 49 * 3_600_000 + 60_000),
    to: new Date(START + 49 * 3_600_000 + 3_000_000),
  },
  // Running totals: a window starting before the first data, one ending on a day boundary
  // before the rollups end.
  { from: new Date(START - 2 * 86_400_000 + 7_000), to: new Date(END) },
  { from: new Date(START + 5 * 3_600_000), to: new Date(START + 3 * 86_400_000) },
  // Both windows of whole days (shifts and suspicion compare with the previous window), and a
  // window ending where the rollups end.
  { from: new Date(START + 2 * 86_400_000), to: new Date(START + 4 * 86_400_000) },
  { from: new Date(START + 27 * 3_600_000), to: new Date(START + 101 * 3_600_000) },
  // Totals minus hours: a window ending late in a rolled day (that day's totals less its last
  // hours), and one also starting early in a day (the day's totals less its first hours).
  { from: new Date(START + 44 * 3_600_000 + 600_000), to: new Date(START + 93.5 * 3_600_000) },
  { from: new Date(START + 26.5 * 3_600_000), to: new Date(START + 94.5 * 3_600_000) },
];

for (const backend of testBackends()) {
  describe(`rollups on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('give every analytic exactly the answer of the raw rows (issue 5)', async () => {
      seed = 42;
      await write(db(), { ...guildRows(G, members), ...scenario(G) });
      await write(db(), { ...guildRows(OTHER, members.slice(0, 4)), ...scenario(OTHER) });
      await optOut(db(), members[5]?.discordId ?? '', G);
      const queries = windows.map((window) => ({
        guildId: G,
        window,
        limit: 50,
        timeZone: 'Europe/Paris',
        now: new Date(END),
      }));
      const raw = await Promise.all(queries.map((q) => everyAnalytic(db(), q)));

      // Rolled up to three hours before the end, then caught up: the last day's running totals
      // are brought up to date in place (the hourly runs' path).
      await runRollups(db(), { now: new Date(END - 3 * 3_600_000), settleMs: 0 });
      const run = await runRollups(db(), { now: new Date(END), settleMs: 0 });
      expect(run.hours).toBe(4);
      expect(run.rolledUntil).toEqual(new Date(Math.floor(END / 3_600_000) * 3_600_000));
      const [counts] = await db().query<{
        presence: number;
        daily: number;
        activity: number;
        totalDays: number;
      }>(
        `SELECT (SELECT count(*) FROM "PresenceRollup")::int AS presence,
                (SELECT count(*) FROM "PresenceRollup" WHERE "bucketHours" = 24)::int AS daily,
                (SELECT count(*) FROM "ActivityRollup")::int AS activity,
                (SELECT count(DISTINCT day) FROM "MemberDayTotal")::int AS "totalDays"`,
      );
      expect(counts?.daily).toBeGreaterThan(0);
      expect(counts?.activity).toBeGreaterThan(0);
      // Four whole days and the day rolled so far have running totals.
      expect(counts?.totalDays).toBe(5);
      const rolled = await Promise.all(queries.map((q) => everyAnalytic(db(), q)));
      expect(rolled).toEqual(raw);
      for (const [i, answer] of rolled.entries()) {
        await expectRankedAsScored(db(), queries[i] as AnalyticsQuery, answer);
      }
      // The comparison means something: ghosts and shifts (with online time) were listed, new
      // platforms flagged, and members' message timing judged regular enough to score.
      const regular = (r: (typeof raw)[number]) =>
        r[9].items.filter((i) =>
          i.factors.some((f) => f.name === 'timingRegularity' && f.value > 0),
        ).length;
      expect(
        raw.map((r) => [
          r[2].items.length,
          r[4].items.length,
          r[4].items.filter((i) => i.flags.includes('newPlatform')).length,
          regular(r),
        ]),
      ).toEqual([
        [3, 0, 0, 4],
        [3, 8, 1, 2],
        [3, 0, 0, 1],
        [0, 0, 0, 0],
        [3, 8, 0, 3],
        [3, 9, 2, 2],
        [3, 0, 0, 3],
        [3, 8, 0, 3],
        [3, 0, 0, 3],
        [3, 8, 0, 3],
      ]);

      // A second run redoes only the last hour and changes nothing — nor rewrites a totals row
      // (each row keeps the transaction id that wrote it).
      const versions = () =>
        db().query(
          `SELECT xmin::text AS v FROM "MemberDayTotal" ORDER BY "guildId", day, "userId"`,
        );
      const written = await versions();
      const again = await runRollups(db(), { now: new Date(END), settleMs: 0 });
      expect(await versions()).toEqual(written);
      expect(again.hours).toBe(1);
      expect(await getRolledUntil(db())).toEqual(run.rolledUntil);
      const [after] = await db().query<{ presence: number }>(
        `SELECT count(*)::int AS presence FROM "PresenceRollup"`,
      );
      expect(after?.presence).toBe(counts?.presence);

      // Totals computed again from the rollups in place (an upgrade) are the same rows.
      const totals = () =>
        db().query(`SELECT * FROM "MemberDayTotal" ORDER BY "guildId", day, "userId"`);
      const kept = await totals();
      await db().query(`DELETE FROM "MemberDayTotal"`);
      expect(await backfillMemberDayTotals(db())).toBe(5);
      expect(await totals()).toEqual(kept);

      // Upgrading rows written before the platform hours (migration 0007) gives the same rows.
      expect(kept.some((row) => (row as { mobileHours: number }).mobileHours > 0)).toBe(true);
      await db().query(
        `UPDATE "MemberDayTotal" SET "desktopHours" = 0, "mobileHours" = 0, "webHours" = 0, "embeddedHours" = 0`,
      );
      const migration = await readFile(
        new URL('../migrations/0007_member_day_platform_hours.sql', import.meta.url),
        'utf8',
      );
      const update = migration.split('--> statement-breakpoint').find((s) => s.includes('UPDATE'));
      await db().query(update ?? '');
      expect(await totals()).toEqual(kept);
    });

    it("subtract a day's hours outside the window, per-platform hours included", async () => {
      const [p, q] = members;
      if (!p || !q) throw new Error('members');
      const at = (hours: number) => new Date(START + hours * 3_600_000);
      const mobile = { mobile: 'online' } as const;
      await write(db(), {
        ...guildRows(G, [p, q]),
        // P: mobile only at 1d 00:30 — before the window below, inside the hours subtracted
        // from day 1's totals; desktop in both windows; 12 messages now, none before.
        presences: [
          ...presenceRows(G, p.discordId, [at(10), at(29), at(58)]),
          ...presenceRows(G, p.discordId, [at(24.5)], mobile),
          // Q: web only at 2d 00:30, outside both windows of the second query, whose previous
          // window starts at 2d 01:00 (day 2's totals less 00:00–01:00); desktop before, and
          // desktop + web now: a new platform.
          ...presenceRows(G, q.discordId, [at(50)]),
          ...presenceRows(G, q.discordId, [at(48.5)], { web: 'online' }),
          ...presenceRows(G, q.discordId, [at(82)], { desktop: 'online', web: 'online' }),
        ],
        messages: messageRows(
          G,
          p.discordId,
          Array.from({ length: 12 }, (_, i) => at(59 + i / 60)),
        ),
      });
      const shifts = (from: number, to: number) =>
        getBehaviourShifts(db(), {
          guildId: G,
          window: { from: at(from), to: at(to) },
          limit: 50,
          timeZone: 'UTC',
          now: new Date(END),
        });
      const queries = [shifts(26.5, 94.5), shifts(74.5, 100)];
      const raw = await Promise.all(queries);
      await runRollups(db(), { now: new Date(END), settleMs: 0 });
      expect(await Promise.all([shifts(26.5, 94.5), shifts(74.5, 100)])).toEqual(raw);
      expect(
        raw.map((r) => r.items.map((i) => [i.username, i.flags, i.platforms, i.newPlatforms])),
      ).toEqual([
        [['m0', ['messageSpike'], { before: ['desktop', 'mobile'], now: ['desktop'] }, []]],
        [
          ['m0', ['messageDrop'], { before: ['desktop'], now: [] }, []],
          ['m1', ['newPlatform'], { before: ['desktop'], now: ['desktop', 'web'] }, ['web']],
        ],
      ]);
    });
  });
}

/** 2026-11-02 (a Monday) at `hh:mm` UTC, `days` later. */
const nov2 = (hhmm: string, days = 0) =>
  new Date(Date.parse(`2026-11-02T${hhmm}:00Z`) + days * 86_400_000);
const [a, b, c, d] = members;

/** Guild G with the first four members, and guild OTHER with the first of them. */
const fourMembersAndOtherGuild = (): Partial<IngestRows> => {
  const g = guildRows(G, members.slice(0, 4));
  return {
    ...g,
    guilds: [...(g.guilds ?? []), ...(guildRows(OTHER, []).guilds ?? [])],
    members: [...(g.members ?? []), ...(guildRows(OTHER, members.slice(0, 1)).members ?? [])],
  };
};

/**
 * Messages of four members of G around a Tuesday 10:00 UTC, one on Monday at 23:30 UTC and
 * one after the counts end; C opted out of G (rows still stored), D to be erased; the same
 * member A in another guild.
 */
const heatmapScenario = (): Partial<IngestRows> => {
  const id = (m: typeof a) => m?.discordId ?? '';
  return {
    ...fourMembersAndOtherGuild(),
    messages: [
      ...messageRows(G, id(a), [nov2('23:30'), nov2('10:10', 1), nov2('10:20', 1)]),
      ...messageRows(G, id(b), [nov2('10:40', 1), nov2('00:05', 2)]),
      ...messageRows(G, id(c), [nov2('10:50', 1)]),
      ...messageRows(G, id(d), [nov2('10:05', 1)]),
      ...messageRows(OTHER, id(a), [nov2('10:10', 1)]),
    ],
    typing: [
      ...typingRows(G, id(a), [nov2('10:14', 1)]),
      ...typingRows(G, id(d), [nov2('10:16', 1)]),
    ],
    presences: [
      ...presenceRows(G, id(a), [nov2('09:59', 1), nov2('10:01', 1)]),
      ...presenceRows(G, id(b), [nov2('10:02', 1)], {}, 'offline'),
      ...presenceRows(G, id(d), [nov2('10:03', 1)]),
    ],
  };
};

for (const backend of testBackends()) {
  describe(`guild quarter-hour counts on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const window = { from: nov2('00:00'), to: nov2('00:07', 2) };
    const cells = (metric: 'messages' | 'typing' | 'presence', timeZone = 'UTC') =>
      listHeatmapCells(db(), { guildId: G, window, limit: 50, timeZone, now: window.to }, metric);
    const cell = (dayOfWeek: number, hour: number, count: number) => ({ dayOfWeek, hour, count });

    it('give the heatmap of the raw rows in any zone, without opted-out members or other guilds (issue 5)', async () => {
      await write(db(), heatmapScenario());
      await optOut(db(), c?.discordId ?? '', G);
      const zones = ['UTC', 'Europe/Paris', 'Asia/Kathmandu'];
      const raw = await Promise.all(zones.map((zone) => cells('messages', zone)));
      await runRollups(db(), { now: nov2('00:10', 2), settleMs: 0 });
      expect(await getRolledUntil(db(), GUILD_COUNTS_STATE_NAME)).toEqual(nov2('00:00', 2));
      const [tenOClock] = await db().query<{ count: number }>(
        `SELECT count FROM "GuildQuarterCount"
         WHERE "guildId" = $1 AND kind = 'messages' AND bucket = $2`,
        [G, nov2('10:00', 1)],
      );
      expect(tenOClock?.count).toBe(2);
      const counted = await Promise.all(zones.map((zone) => cells('messages', zone)));
      expect(counted).toEqual(raw);
      expect(counted).toEqual([
        // Monday 23:30 UTC; Tuesday 10:05–10:40 (C's 10:50 left out); Wednesday 00:05 (raw).
        [cell(1, 23, 1), cell(2, 10, 4), cell(3, 0, 1)],
        // UTC+1: Monday 23:30 UTC is Tuesday 00:30.
        [cell(2, 0, 1), cell(2, 11, 4), cell(3, 1, 1)],
        // UTC+05:45: the quarters of one UTC hour fall in two local hours.
        [cell(2, 5, 1), cell(2, 15, 2), cell(2, 16, 2), cell(3, 5, 1)],
      ]);
      expect(await cells('typing')).toEqual([cell(2, 10, 2)]);
      // Non-offline snapshots only: B's offline one is left out.
      expect(await cells('presence')).toEqual([cell(2, 9, 1), cell(2, 10, 2)]);
    });

    it('no longer count an erased member, through the counts', async () => {
      await write(db(), heatmapScenario());
      await runRollups(db(), { now: nov2('00:10', 2), settleMs: 0 });
      await eraseMember(db(), d?.discordId ?? '');
      expect(await cells('messages', 'Asia/Kathmandu')).toEqual([
        cell(2, 5, 1),
        cell(2, 15, 1),
        cell(2, 16, 3),
        cell(3, 5, 1),
      ]);
      expect(await cells('typing')).toEqual([cell(2, 10, 1)]);
      expect(await cells('presence')).toEqual([cell(2, 9, 1), cell(2, 10, 1)]);
      // The rollup job counting the same quarters again finds the same numbers.
      const stored = () =>
        db().query(`SELECT * FROM "GuildQuarterCount" ORDER BY "guildId", kind, bucket`);
      const kept = await stored();
      await rebuildRollups(db(), nov2('00:10', 2));
      expect(await stored()).toEqual(kept.filter((row) => (row as { count: number }).count > 0));
    });

    it('are counted by the first run after the upgrade that adds them, rollups already in place', async () => {
      await write(db(), heatmapScenario());
      await runRollups(db(), { now: nov2('00:10', 2), settleMs: 0 });
      const stored = () =>
        db().query(`SELECT * FROM "GuildQuarterCount" ORDER BY "guildId", kind, bucket`);
      const kept = await stored();
      expect(kept).toHaveLength(10);
      // Before the upgrade: rollups up to their watermark, no counts and no counts' watermark.
      await db().query(`DELETE FROM "GuildQuarterCount"`);
      await db().query(`DELETE FROM "RollupState" WHERE name = $1`, [GUILD_COUNTS_STATE_NAME]);
      expect(await cells('messages')).toEqual([cell(1, 23, 1), cell(2, 10, 5), cell(3, 0, 1)]);
      const run = await runRollups(db(), { now: nov2('00:20', 2), settleMs: 0 });
      expect(run.hours).toBe(1);
      expect(await stored()).toEqual(kept);
      expect(await getRolledUntil(db(), GUILD_COUNTS_STATE_NAME)).toEqual(nov2('00:00', 2));
    });

    it("expire with each kind's raw rows", async () => {
      await write(db(), heatmapScenario());
      await runRollups(db(), { now: nov2('00:10', 2), settleMs: 0 });
      // Messages are kept 30 days, presence 90: messages before Tuesday 10:30 go.
      await runRetention(db(), { now: new Date(nov2('10:30', 1).getTime() + 30 * 86_400_000) });
      const [left] = await db().query<{ messages: number; presence: number }>(
        `SELECT count(*) FILTER (WHERE kind = 'messages')::int AS messages,
                count(*) FILTER (WHERE kind = 'presence')::int AS presence
         FROM "GuildQuarterCount" WHERE "guildId" = $1`,
        [G],
      );
      expect(left).toEqual({ messages: 2, presence: 2 });
      expect(await cells('messages')).toEqual([cell(2, 10, 2), cell(3, 0, 1)]);
      expect(await cells('presence')).toEqual([cell(2, 9, 1), cell(2, 10, 2)]);
    });
  });
}

/** `channelId` messages of `discordId` in `guildId` at `times`. */
const channelMessages = (
  guildId: string,
  discordId: string,
  channelId: string,
  times: readonly Date[],
): IngestRows['messages'] =>
  messageRows(guildId, discordId, times).map((m) => ({
    ...m,
    id: `${m.id}${channelId.slice(-1)}`,
    channelId,
  }));

/**
 * Messages in three channels around Tuesday, some after the watermark (Wednesday 00:00) that a
 * run at 00:10 leaves: B writes again in a channel ChannelAuthor lists and in a new one; C
 * (opted out of G) and D (to be erased) write too; A writes in another guild.
 */
const channelScenario = (): Partial<IngestRows> => {
  const id = (m: typeof a) => m?.discordId ?? '';
  return {
    ...fourMembersAndOtherGuild(),
    messages: [
      ...channelMessages(G, id(a), 'c1', [nov2('10:10', 1), nov2('10:20', 1)]),
      ...channelMessages(G, id(a), 'c2', [nov2('23:30')]),
      ...channelMessages(G, id(b), 'c1', [nov2('10:40', 1), nov2('00:05', 2)]),
      ...channelMessages(G, id(b), 'c3', [nov2('00:06', 2)]),
      ...channelMessages(G, id(c), 'c1', [nov2('10:50', 1)]),
      ...channelMessages(G, id(c), 'c2', [nov2('00:01', 2)]),
      ...channelMessages(G, id(d), 'c2', [nov2('10:05', 1)]),
      ...channelMessages(OTHER, id(a), 'c1', [nov2('10:10', 1)]),
    ],
    typing: typingRows(G, id(d), [nov2('10:16', 1)]).map((t) => ({ ...t, channelId: 'c2' })),
  };
};

for (const backend of testBackends()) {
  describe(`channel authors on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const channels = (from: Date, to: Date) =>
      getChannels(db(), { guildId: G, window: { from, to }, limit: 50, timeZone: 'UTC', now: to });
    /** Windows ending after the watermark, at it, before it, and one starting after it. */
    const windows: [Date, Date][] = [
      [nov2('00:00'), nov2('00:07', 2)],
      // A's latest message in c2 (Monday 23:30) is before this one's start.
      [nov2('00:00', 1), nov2('00:07', 2)],
      [nov2('10:15', 1), nov2('00:00', 2)],
      [nov2('00:00', 1), nov2('12:00', 1)],
      [nov2('00:02', 2), nov2('00:07', 2)],
    ];
    const every = () => Promise.all(windows.map(([from, to]) => channels(from, to)));
    /** The heatmap's member × channel matrices, whose channels are ranked by messages too. */
    const matrices = () =>
      Promise.all(
        windows.map(async ([from, to]) => {
          const query = { guildId: G, window: { from, to }, limit: 50, timeZone: 'UTC', now: to };
          return (await getHeatmap(db(), query, 'messages')).matrix;
        }),
      );
    const hourCounts = () =>
      db().query<{ kind: string; bucket: Date; channelId: string; count: number }>(
        `SELECT kind, bucket, "channelId", count FROM "ChannelHourCount"
         ORDER BY "guildId", kind, bucket, "channelId"`,
      );
    const authors = () =>
      db().query<{ channelId: string; lastMessageAt: Date }>(
        `SELECT "channelId", "lastMessageAt" FROM "ChannelAuthor" ORDER BY "guildId", "channelId", "lastMessageAt"`,
      );
    const item = (channelId: string, messages: number, authors: number, typing = 0) => ({
      channelId,
      messages,
      authors,
      typing,
    });

    it('give the channels analytic the answer of the raw rows, opted-out members and other guilds left out (issue 5)', async () => {
      await write(db(), channelScenario());
      await optOut(db(), c?.discordId ?? '', G);
      const raw = await every();
      const rawMatrices = await matrices();
      await runRollups(db(), { now: nov2('00:10', 2), settleMs: 0 });
      expect(await getRolledUntil(db(), CHANNEL_AUTHORS_STATE_NAME)).toEqual(nov2('00:00', 2));
      // Per channel and hour, everyone's (C's too: the analytics subtract opted-out members).
      expect(
        (await hourCounts()).map(
          (h) => `${h.kind} ${h.bucket.toISOString()} ${h.channelId} ${h.count}`,
        ),
      ).toEqual([
        `messages ${nov2('23:00').toISOString()} c2 1`,
        `messages ${nov2('10:00', 1).toISOString()} c1 4`,
        `messages ${nov2('10:00', 1).toISOString()} c2 1`,
        `typing ${nov2('10:00', 1).toISOString()} c2 1`,
        `messages ${nov2('10:00', 1).toISOString()} c1 1`,
      ]);
      expect(await matrices()).toEqual(rawMatrices);
      // One row per guild, channel and member, with the latest message before the watermark.
      expect(await authors()).toEqual([
        { channelId: 'c1', lastMessageAt: nov2('10:20', 1) },
        { channelId: 'c1', lastMessageAt: nov2('10:40', 1) },
        { channelId: 'c1', lastMessageAt: nov2('10:50', 1) },
        { channelId: 'c2', lastMessageAt: nov2('23:30') },
        { channelId: 'c2', lastMessageAt: nov2('10:05', 1) },
        { channelId: 'c1', lastMessageAt: nov2('10:10', 1) },
      ]);
      const rolled = await every();
      expect(rolled).toEqual(raw);
      expect(rolled.map((r) => r.items)).toEqual([
        // B's 00:05 in c1 is a pair ChannelAuthor lists; c3 is seen after the watermark only.
        [item('c1', 4, 2), item('c2', 2, 2, 1), item('c3', 1, 1)],
        [item('c1', 4, 2), item('c2', 1, 1, 1), item('c3', 1, 1)],
        [item('c1', 2, 2), item('c2', 0, 0, 1)],
        [item('c1', 3, 2), item('c2', 1, 1, 1)],
        [item('c1', 1, 1), item('c3', 1, 1)],
      ]);
      expect(rolled[0]?.members.map((m) => [m.username, m.channels, m.messages])).toEqual([
        ['m0', 2, 3],
        ['m1', 2, 3],
        ['m3', 1, 1],
      ]);
    });

    it('no longer list an erased member, and are read again by a rebuild', async () => {
      await write(db(), channelScenario());
      await runRollups(db(), { now: nov2('00:10', 2), settleMs: 0 });
      await eraseMember(db(), d?.discordId ?? '');
      const [left] = await db().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "ChannelAuthor" WHERE "channelId" = 'c2'`,
      );
      expect(left?.n).toBe(1);
      const erased = await every();
      expect(erased[0]?.items).toEqual([item('c1', 5, 3), item('c2', 2, 2), item('c3', 1, 1)]);
      const kept = await authors();
      // D's message and typing event are subtracted from their channel's hour, not deleted.
      const counted = await hourCounts();
      expect(counted.filter((h) => h.count === 0).map((h) => `${h.kind} ${h.channelId}`)).toEqual([
        'messages c2',
        'typing c2',
      ]);
      await rebuildRollups(db(), nov2('00:10', 2));
      expect(await authors()).toEqual(kept);
      expect(await hourCounts()).toEqual(counted.filter((h) => h.count > 0));
      expect(await every()).toEqual(erased);
    });

    it('are read by the first run after the upgrade that adds them, rollups already in place', async () => {
      await write(db(), channelScenario());
      await runRollups(db(), { now: nov2('00:10', 2), settleMs: 0 });
      const kept = await authors();
      const keptCounts = await hourCounts();
      const answers = await every();
      const answerMatrices = await matrices();
      // Before the upgrade: rollups up to their watermark, no pairs and no pairs' watermark;
      // no hourly counts, and no guild counts' watermark (migration 0015 forgets it).
      await db().query(`DELETE FROM "ChannelAuthor"`);
      await db().query(`DELETE FROM "ChannelHourCount"`);
      await db().query(`DELETE FROM "RollupState" WHERE name = ANY($1)`, [
        [CHANNEL_AUTHORS_STATE_NAME, GUILD_COUNTS_STATE_NAME],
      ]);
      expect(await every()).toEqual(answers);
      expect(await matrices()).toEqual(answerMatrices);
      const run = await runRollups(db(), { now: nov2('00:20', 2), settleMs: 0 });
      expect(run.hours).toBe(1);
      expect(await authors()).toEqual(kept);
      expect(await hourCounts()).toEqual(keptCounts);
      expect(await getRolledUntil(db(), CHANNEL_AUTHORS_STATE_NAME)).toEqual(nov2('00:00', 2));
      expect(await every()).toEqual(answers);
      expect(await matrices()).toEqual(answerMatrices);
    });
  });
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

for (const backend of testBackends()) {
  describe(`trailing totals on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    /**
     * Sixteen days of data up to END: both 7-day slots and what lies around them. Members 8–11
     * fall silent 6 hours before the windows start (shifts).
     */
    const sixteenDays = async () => {
      seed = 7;
      const rows = (guildId: string, who: typeof members) => {
        const [early, late] = [
          scenario(guildId, END - 16 * DAY, END - 7 * DAY - 6 * HOUR, who),
          scenario(guildId, END - 7 * DAY - 6 * HOUR, END, who.slice(0, 8)),
        ];
        return {
          ...guildRows(guildId, who),
          presences: [...(early.presences ?? []), ...(late.presences ?? [])],
          messages: [...(early.messages ?? []), ...(late.messages ?? [])],
          typing: [...(early.typing ?? []), ...(late.typing ?? [])],
          reactions: [...(early.reactions ?? []), ...(late.reactions ?? [])],
        };
      };
      await write(db(), rows(G, members));
      await write(db(), rows(OTHER, members.slice(0, 4)));
      await optOut(db(), members[5]?.discordId ?? '', G);
    };
    // The rollups reach END's hour; the anchor is the hour before (the redone one is left out).
    const anchor = new Date(Math.floor(END / HOUR) * HOUR - HOUR);
    /** The default window at END (the last 7 days), listing `limit` members. */
    const query = (limit: number): AnalyticsQuery => ({
      guildId: G,
      window: { from: new Date(END - 7 * DAY), to: new Date(END) },
      limit,
      timeZone: 'UTC',
      now: new Date(END),
    });
    /**
     * Windows near the slots (slot 0 ends at the anchor and starts 2 hours after anchor − 7 d):
     * the default one at END (starts before the slot, ends after it), one starting earlier and
     * ending before the slot (hours subtracted), and one starting inside the slot (hours
     * subtracted at the start).
     */
    const near = [
      { from: new Date(END - 7 * DAY), to: new Date(END) },
      { from: new Date(END - 7 * DAY - 4 * HOUR), to: new Date(END - 3 * HOUR + 60_000) },
      { from: new Date(anchor.getTime() - 7 * DAY + HOUR), to: new Date(anchor.getTime() - HOUR) },
    ];

    it('give every analytic the answer of the raw rows for windows near the default one (issue 5)', async () => {
      await sixteenDays();
      const queries = near.map((window) => ({
        guildId: G,
        window,
        limit: 50,
        timeZone: 'UTC',
        now: new Date(END),
      }));
      const raw = await Promise.all(queries.map((q) => everyAnalytic(db(), q)));
      await runRollups(db(), { now: new Date(END - 30 * HOUR), settleMs: 0 });
      await runRollups(db(), { now: new Date(END), settleMs: 0 });
      expect(await getRolledUntil(db(), TRAILING_TOTALS_STATE_NAME)).toEqual(anchor);
      // Each window and the one before it are read from the trailing slots.
      for (const { window } of queries) {
        const before = {
          from: new Date(2 * window.from.getTime() - window.to.getTime()),
          to: window.from,
        };
        const plans = await getTotalsPlans(db(), G, [before, window]);
        expect(plans.map((p) => p.totals)).toEqual([
          { anchor, slot: 1 },
          { anchor, slot: 0 },
        ]);
      }
      const rolled = await Promise.all(queries.map((q) => everyAnalytic(db(), q)));
      expect(rolled).toEqual(raw);
      for (const [i, answer] of rolled.entries()) {
        await expectRankedAsScored(db(), queries[i] as AnalyticsQuery, answer);
      }
      // Something to compare: ghosts, lurkers, shifts and multi-client members in each.
      expect(
        raw.map((r) => [r[2].items.length > 0, r[4].items.length > 0, r[1].items.length > 0]),
      ).toEqual(near.map(() => [true, true, true]));
      // The default window's message timing (slot 0's piece and those around it) judged.
      expect(raw[0]?.[10].filter((m) => m.gapVariation !== null).length).toBeGreaterThan(2);
      // Rows of both guilds, none of the opted-out member's rows counted in G's answers.
      const [rows] = await db().query<{ guilds: number; anchors: number }>(
        `SELECT count(DISTINCT "guildId")::int AS guilds, count(DISTINCT anchor)::int AS anchors
         FROM "MemberTrailingTotal"`,
      );
      expect(rows).toEqual({ guilds: 2, anchors: 2 });
    });

    it('score suspicion ahead, and afresh every member something changed for since (issue 5)', async () => {
      await sixteenDays();
      // Quiet members: joined 20 days ago on young accounts, q0–q2 and q12 seen only inside
      // the window (lurkers); q12 does nothing else.
      const quiet = Array.from({ length: 13 }, (_, i) => ({
        discordId: `13000000000000${String(i + 10)}`,
        username: `q${i}`,
      }));
      const joinedAt = END - 20 * DAY;
      const join = (m: (typeof quiet)[number], at: number, ageDays: number) => ({
        guildId: G,
        userDiscordId: m.discordId,
        type: 'join' as const,
        accountCreatedAt: new Date(at - ageDays * DAY),
        timestamp: new Date(at),
      });
      const [q0, q1, q2, q3, q4, q5] = quiet as [
        (typeof quiet)[number],
        (typeof quiet)[number],
        (typeof quiet)[number],
        (typeof quiet)[number],
        (typeof quiet)[number],
        (typeof quiet)[number],
      ];
      const ADMIN = '990000000000000001';
      const newbie = { discordId: '130000000000009998', username: 'newbie' };
      await write(db(), {
        ...guildRows(G, quiet),
        roles: [
          {
            id: ADMIN,
            guildId: G,
            name: 'Admin',
            permissions: '8',
            position: 1,
            managed: false,
          },
        ],
        memberRoles: [q3, q4].map((m) => ({
          guildId: G,
          userDiscordId: m.discordId,
          roleIds: [],
          timestamp: new Date(joinedAt),
          baseline: true,
        })),
        // Ten joins within five minutes inside slot 0 make a raid burst of q6–q11 and four
        // busy members.
        memberEvents: [
          ...quiet.map((m, i) => join(m, joinedAt, 2 + 3 * i)),
          ...[...quiet.slice(6, 12), ...members.slice(0, 4)].map((m, i) =>
            join(m, END - 2 * DAY + i * 10_000, 400),
          ),
        ],
        presences: [q0, q1, q2, quiet[12] ?? q0].flatMap((m) =>
          presenceRows(G, m.discordId, instants(new Date(END - 3 * DAY), 6, 10)),
        ),
        messages: [
          // q0: twelve messages that leave the window between the base and the calls.
          ...messageRows(G, q0.discordId, instants(new Date(END - 7 * DAY - 15 * 60_000), 12, 0.5)),
          // q1: four that leave the previous window so.
          ...messageRows(G, q1.discordId, instants(new Date(END - 14 * DAY - 15 * 60_000), 4, 1)),
          // q2: twelve a minute apart (regular), one more after the base.
          ...messageRows(G, q2.discordId, instants(new Date(END - 2 * DAY), 12, 1)),
        ],
      });
      // q3 is given Administrator inside slot 0, before the anchor.
      await write(db(), {
        memberRoles: [
          {
            guildId: G,
            userDiscordId: q3.discordId,
            roleIds: [ADMIN],
            baseline: false,
            timestamp: new Date(END - 3 * DAY),
          },
        ],
      });
      // Scored 20 minutes before the calls; the rows after that are the scenario's own.
      const endsAt = new Date(END - 20 * 60_000);
      await runRollups(db(), { now: new Date(END - 30 * HOUR), settleMs: 0 });
      await runRollups(db(), { now: endsAt, settleMs: 0 });
      const stored = await db().query<{ guildId: string; n: number }>(
        `SELECT "guildId", count(*)::int AS n FROM "MemberSuspicionBase"
         WHERE "endsAt" = $1 GROUP BY 1 ORDER BY 1`,
        [endsAt],
      );
      // Every member of G but the opted-out one (members[5]), and OTHER's members.
      expect(stored).toEqual([
        { guildId: G, n: members.length + quiet.length - 1 },
        { guildId: OTHER, n: 4 },
      ]);
      // Since: q4 becomes an admin, q5 rejoins on a half-day-old account.
      await write(db(), {
        memberRoles: [
          {
            guildId: G,
            userDiscordId: q4.discordId,
            roleIds: [ADMIN],
            baseline: false,
            timestamp: new Date(END - 10 * 60_000),
          },
        ],
        memberEvents: [join(q5, END - 5 * 60_000, 0.5), join(newbie, END - 8 * 60_000, 0.2)],
        messages: messageRows(G, q2.discordId, [new Date(END - 5 * 60_000)]),
      });
      // newbie joins after the base on a young account and is seen (no stored inputs).
      await write(db(), {
        ...guildRows(G, [newbie]),
        presences: presenceRows(G, newbie.discordId, instants(new Date(END - 7 * 60_000), 6, 1)),
      });
      const bursts = await listJoinBursts(db(), query(500), burstDefaults);
      const ranking = {
        ...defaultSuspicionScoring,
        raiderIds: [...new Set(bursts.flatMap((b) => b.memberIds))],
      };
      expect(ranking.raiderIds).toHaveLength(10);
      const both = (limit: number, weights = ranking.weights) =>
        Promise.all(
          [true, false].map((useBase) =>
            listSuspicionTop(db(), query(limit), { ...ranking, weights }, { useBase }),
          ),
        );
      for (const limit of [1, 3, 7, 50]) {
        const [ahead, afresh] = await both(limit);
        expect(ahead).toEqual(afresh);
      }
      const [all] = await both(50);
      // Seven members score above the total of no inputs (0): the first seven are read ahead.
      expect(all?.[6]?.total).toBeGreaterThan(0);
      // The list holds quiet members scored ahead (q0–q2, q6–q11 as raiders are not) and each
      // kind of change: a role (q3 before the anchor, q4 after), a rejoin (q5).
      const byName = new Map(all?.map((r) => [r.username, r]));
      expect(byName.get('q4')?.escalatedRoleIds).toEqual([ADMIN]);
      expect(byName.get('q3')?.escalatedRoleIds).toEqual([ADMIN]);
      expect(byName.get('q5')?.accountAgeAtJoinMs).toBe(0.5 * DAY);
      expect(byName.get('q6')?.inRaidBurst).toBe(true);
      expect(byName.get('q0')?.presenceCount).toBe(6);
      // Other weights are never read from totals scored with the defaults.
      const weights = { ...ranking.weights, lurker: 90 };
      const [ahead, afresh] = await both(5, weights);
      expect(ahead).toEqual(afresh);
      // The stored total is what ranks an untouched member (q12)…
      const tamper = (username: string) =>
        db().query(
          `UPDATE "MemberSuspicionBase" SET total = 100
           WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`,
          [username],
        );
      await tamper('q12');
      expect((await both(1)).map((rows) => rows[0]?.username)).toEqual(['q12', all?.[0]?.username]);
      // …unless the guild keeps reactions (or another kind counted) under 15 days.
      await db().query(
        `INSERT INTO "GuildSettings" ("guildId", "retentionReactionDays") VALUES ($1, 14)`,
        [G],
      );
      const [shortAhead, shortAfresh] = await both(1);
      expect(shortAhead).toEqual(shortAfresh);
      await db().query(`DELETE FROM "GuildSettings"`);
      await db().query(
        `UPDATE "MemberSuspicionBase" SET total = $1
         WHERE "userId" = (SELECT id FROM "User" WHERE username = 'q12')`,
        [byName.get('q12')?.total],
      );
      // …and is not read for members scored afresh: at the ends (m1), a role (q3, q4), a
      // rejoin (q5), a raid (q6).
      for (const name of ['m1', 'q3', 'q4', 'q5', 'q6']) await tamper(name);
      const [ahead1, afresh1] = await both(7);
      expect(ahead1).toEqual(afresh1);
      // A member since the base who did nothing (no stored inputs, no changes) has no inputs:
      // listed by a list long enough to reach the total of no inputs, which scores everyone.
      await write(db(), guildRows(G, [{ discordId: '110000000000009999', username: 'newcomer' }]));
      // A list that ends on the newcomer (total 0) must have scored everyone.
      const reach = ((await both(50))[1]?.findIndex((r) => r.username === 'newcomer') ?? 0) + 1;
      expect(reach).toBeGreaterThan(7);
      for (const limit of [7, reach, 50]) {
        const [ahead2, afresh2] = await both(limit);
        expect(ahead2).toEqual(afresh2);
      }
      expect((await both(50))[0]?.map((r) => r.username)).toContain('newcomer');
    });

    it('score behaviour shifts ahead, and afresh every member with events since (issue 5)', async () => {
      await sixteenDays();
      // Discord ids below the busy members' (ties rank by them): k0–k2 rank first among the
      // stored rows, then the members with events since the base.
      const names = [
        'k0',
        'k1',
        'k2',
        'moved',
        'dropped',
        'movedPlatform',
        'after',
        'typist',
        'quit',
        'edge',
        'earlyBefore',
        'earlyNow',
      ] as const;
      const who = Object.fromEntries(
        names.map((username, i) => [
          username,
          { discordId: `1100000000000000${31 + i}`, username },
        ]),
      ) as Record<(typeof names)[number], { discordId: string; username: string }>;
      const {
        k0,
        k1,
        k2,
        moved,
        dropped,
        movedPlatform,
        after,
        typist,
        quit,
        edge,
        earlyBefore,
        earlyNow,
      } = who;
      // Scored 20 minutes before the calls: [END − 20 min, END) joins the window, the 20 minutes
      // before END − 7 d move to the previous window, those before END − 14 d leave it.
      const endsAt = new Date(END - 20 * 60_000);
      // Minutes after the first instant of the base's window (`now`) or the one before it.
      const into = (window: 'before' | 'now', minutes: number) =>
        new Date(endsAt.getTime() - (window === 'before' ? 14 : 7) * DAY + minutes * 60_000);
      await write(db(), {
        ...guildRows(G, Object.values(who)),
        presences: [
          // dropped: mobile only in the minutes that leave the previous window (from its first
          // instant), desktop now.
          ...presenceRows(G, dropped.discordId, [into('before', 0), into('before', 15)], {
            mobile: 'online',
          }),
          ...presenceRows(G, dropped.discordId, [new Date(END - 3 * DAY)]),
          // movedPlatform: desktop before, web only at the first instant of the base's window
          // (it moves to the request's previous window).
          ...presenceRows(G, movedPlatform.discordId, [new Date(END - 10 * DAY)]),
          ...presenceRows(G, movedPlatform.discordId, [into('now', 0)], { web: 'online' }),
          // moved: mobile only in the minutes that move.
          ...presenceRows(G, moved.discordId, [into('now', 1)], { mobile: 'online' }),
          // k1: seen on desktop now (figures read from the base).
          ...presenceRows(G, k1.discordId, [new Date(END - 2 * DAY)]),
          // earlyBefore: mobile in the minutes that leave the previous window and at the first
          // instant of the request's, web now; earlyNow: desktop in the minutes that move out of
          // the window and at the first instant of the request's.
          ...presenceRows(G, earlyBefore.discordId, [into('before', 5), into('before', 20)], {
            mobile: 'online',
          }),
          ...presenceRows(G, earlyBefore.discordId, [new Date(END - 2 * DAY)], { web: 'online' }),
          ...presenceRows(G, earlyNow.discordId, [into('now', 5), into('now', 20)]),
          // edge: desktop before; web only since the base (below).
          ...presenceRows(G, edge.discordId, [new Date(END - 10 * DAY)]),
        ],
        messages: [
          // moved: twelve messages in the minutes that move (a spike at the base, a drop since).
          ...messageRows(G, moved.discordId, instants(into('now', 5), 12, 0.5)),
          // k0, k1, earlyNow: messages before, none since (drops; k0, k1 untouched since).
          ...messageRows(G, k0.discordId, instants(new Date(END - 10 * DAY), 5)),
          ...messageRows(G, k1.discordId, instants(new Date(END - 9 * DAY), 3)),
          ...messageRows(G, earlyNow.discordId, instants(new Date(END - 9 * DAY), 3)),
          // quit: a drop, but opted out before the base.
          ...messageRows(G, quit.discordId, instants(new Date(END - 9 * DAY), 4)),
        ],
        typing: [
          // k2: typing 5 → 11 (a spike, untouched since the base).
          ...typingRows(G, k2.discordId, instants(new Date(END - 10 * DAY), 5)),
          ...typingRows(G, k2.discordId, instants(new Date(END - 2 * DAY), 11)),
          // typist: typing before; a spike only since the base.
          ...typingRows(G, typist.discordId, instants(new Date(END - 10 * DAY), 5)),
          // moved: five typing events in the minutes that move.
          ...typingRows(G, moved.discordId, instants(into('now', 2), 5)),
        ],
      });
      await optOut(db(), quit.discordId, G);
      await runRollups(db(), { now: new Date(END - 30 * HOUR), settleMs: 0 });
      await runRollups(db(), { now: endsAt, settleMs: 0 });
      const stored = await db().query<{ username: string; score: number }>(
        `SELECT u.username, b.score FROM "MemberShiftBase" b JOIN "User" u ON u.id = b."userId"
         WHERE b."guildId" = $1 AND b."endsAt" = $2 ORDER BY 1`,
        [G, endsAt],
      );
      // Every member with anything to compare, not the opted-out ones (quit, m5); the flagged
      // ones scored.
      const storedNames = stored.map((r) => r.username);
      expect(storedNames).toEqual(
        expect.arrayContaining([
          'k0',
          'k1',
          'k2',
          'moved',
          'dropped',
          'movedPlatform',
          'typist',
          'edge',
        ]),
      );
      for (const name of ['quit', 'm5', 'after']) expect(storedNames).not.toContain(name);
      expect(stored.filter((r) => r.score > 0).map((r) => r.username)).toEqual(
        expect.arrayContaining(['k0', 'k1', 'k2', 'moved', 'dropped', 'movedPlatform']),
      );
      expect(stored.filter((r) => ['typist', 'edge'].includes(r.username))).toEqual([
        { username: 'edge', score: 0 },
        { username: 'typist', score: 0 },
      ]);
      // Since the base, from its end on: after, a spike of twelve messages; typist, of typing;
      // edge, a new platform at the base's end itself.
      await write(db(), {
        presences: presenceRows(G, edge.discordId, [endsAt], { web: 'online' }),
        messages: messageRows(G, after.discordId, instants(endsAt, 12, 0.5)),
        typing: typingRows(G, typist.discordId, instants(endsAt, 11, 0.5)),
      });
      const both = (limit: number, rules = shiftRules) =>
        Promise.all(
          [true, false].map((useBase) =>
            listBehaviourShifts(db(), query(limit), rules, { useBase }),
          ),
        );
      /** Read ahead and afresh, the lists agree at every cut (inside ties included). */
      const expectEveryCutAgrees = async (rules = shiftRules) => {
        const [, whole] = await both(50, rules);
        for (let limit = 1; limit <= (whole?.length ?? 0) + 1; limit += 1) {
          const [ahead, afresh] = await both(limit, rules);
          expect(ahead).toEqual(afresh);
        }
        return whole ?? [];
      };
      const all = await expectEveryCutAgrees();
      // A window ending exactly an hour after the base (the latest it stands for: no first
      // hour left to look into).
      const atHour = (limit: number): AnalyticsQuery => ({
        ...query(limit),
        window: {
          from: new Date(endsAt.getTime() + HOUR - 7 * DAY),
          to: new Date(endsAt.getTime() + HOUR),
        },
      });
      const [hourAhead, hourAfresh] = await Promise.all(
        [true, false].map((useBase) =>
          listBehaviourShifts(db(), atHour(50), shiftRules, { useBase }),
        ),
      );
      expect(hourAhead).toEqual(hourAfresh);
      expect(all.map((r) => r.username)).toEqual([
        'k0',
        'k1',
        'k2',
        'moved',
        'after',
        'typist',
        'edge',
        'earlyBefore',
        'earlyNow',
        'm9',
        'm10',
        'm11',
      ]);
      const byName = new Map(all.map((r) => [r.username, r]));
      expect(byName.get('moved')).toMatchObject({
        messagesBefore: 12,
        messagesNow: 0,
        typingBefore: 5,
        platformsBefore: ['mobile'],
        platformsNow: [],
        messageDrop: true,
      });
      expect(byName.get('after')).toMatchObject({ messagesNow: 12, messageSpike: true });
      expect(byName.get('k0')).toMatchObject({ messagesBefore: 5, messageDrop: true });
      expect(byName.get('k2')).toMatchObject({ typingBefore: 5, typingNow: 11, typingSpike: true });
      expect(byName.get('typist')).toMatchObject({ typingNow: 11, typingSpike: true });
      expect(byName.get('earlyBefore')).toMatchObject({
        platformsBefore: ['mobile'],
        platformsNow: ['web'],
        newPlatform: true,
      });
      expect(byName.get('earlyNow')).toMatchObject({
        platformsBefore: ['desktop'],
        platformsNow: ['desktop'],
        messageDrop: true,
      });
      // The stored rows rank the members untouched since the base (k1)…
      const tamper = (names: string[], score: number) =>
        db().query(
          `UPDATE "MemberShiftBase" SET score = $2
           WHERE "userId" IN (SELECT id FROM "User" WHERE username = ANY($1::text[]))`,
          [names, score],
        );
      await tamper(['k1'], 4);
      const [ahead1, afresh1] = await both(1);
      expect([ahead1?.[0]?.username, ahead1?.[0]?.score, afresh1?.[0]?.username]).toEqual([
        'k1',
        4,
        'k0',
      ]);
      // …never under other thresholds…
      await expectEveryCutAgrees({ ...shiftRules, spikeMinIncrease: 9 });
      await tamper(['k1'], 1);
      // …nor for members with events since: moved (moved, movedPlatform), dropped, at the ends (m1).
      await tamper(['moved', 'movedPlatform', 'dropped', 'm1'], 4);
      await expectEveryCutAgrees();
      // A member who opts out after the base is gone from both (k0: first of the stored rows).
      await optOut(db(), k0.discordId, G);
      const optedOut = await expectEveryCutAgrees();
      expect(optedOut.map((r) => r.username)).toEqual(all.slice(1).map((r) => r.username));
      // The analytic reads the base, but not once the window ends over an hour after it.
      await tamper(['k2'], 4);
      const late = {
        ...query(3),
        window: {
          from: new Date(endsAt.getTime() + 61 * 60_000 - 7 * DAY),
          to: new Date(endsAt.getTime() + 61 * 60_000),
        },
      };
      const [lateAhead, lateAfresh] = await Promise.all(
        [true, false].map((useBase) => listBehaviourShifts(db(), late, shiftRules, { useBase })),
      );
      expect(lateAhead).toEqual(lateAfresh);
      expect((await getBehaviourShifts(db(), query(1))).items.map((i) => i.username)).toEqual([
        'k2',
      ]);
      // …nor for a guild that keeps typing events (or presence, or messages) under 15 days:
      // raw rows at the windows' ends and the rolled hours the base counted may then differ.
      const first = async () =>
        (await getBehaviourShifts(db(), query(1))).items.map((i) => i.username);
      for (const [column, days, expected] of [
        ['retentionTypingDays', 14, 'k1'],
        ['retentionTypingDays', 15, 'k2'],
        ['retentionPresenceDays', 14, 'k1'],
        ['retentionMessageDays', 14, 'k1'],
        ['retentionReactionDays', 1, 'k2'],
      ] as const) {
        await db().query(`DELETE FROM "GuildSettings"`);
        await db().query(`INSERT INTO "GuildSettings" ("guildId", "${column}") VALUES ($1, $2)`, [
          G,
          days,
        ]);
        expect(await first(), `${column} ${days}`).toEqual([expected]);
      }
    });

    it('are written once per anchor, keep the previous one, and follow erasure and rebuilds', async () => {
      await sixteenDays();
      await runRollups(db(), { now: new Date(END - 2 * HOUR), settleMs: 0 });
      const versions = () =>
        db().query<{ anchor: Date; v: string }>(
          `SELECT anchor, xmin::text AS v FROM "MemberTrailingTotal" ORDER BY anchor, "guildId", "userId"`,
        );
      const first = await versions();
      expect(new Set(first.map((r) => new Date(r.anchor).getTime()))).toEqual(
        new Set([anchor.getTime() - 2 * HOUR]),
      );
      // The same hour again: nothing written.
      await runRollups(db(), { now: new Date(END - 2 * HOUR), settleMs: 0 });
      expect(await versions()).toEqual(first);
      // Two hours on: the newest anchor and the one before it are kept.
      await runRollups(db(), { now: new Date(END - HOUR), settleMs: 0 });
      await runRollups(db(), { now: new Date(END), settleMs: 0 });
      const anchors = await db().query<{ anchor: Date }>(
        `SELECT DISTINCT anchor FROM "MemberTrailingTotal" ORDER BY 1`,
      );
      expect(anchors.map((r) => new Date(r.anchor))).toEqual([
        new Date(anchor.getTime() - HOUR),
        anchor,
      ]);
      const query = {
        guildId: G,
        window: { from: new Date(END - 7 * DAY), to: new Date(END) },
        limit: 50,
        timeZone: 'UTC',
        now: new Date(END),
      };
      const erased = members[1]?.discordId ?? '';
      const [user] = await db().query<{ id: string }>(
        `SELECT id FROM "User" WHERE "discordId" = $1`,
        [erased],
      );
      await eraseMember(db(), erased);
      const [left] = await db().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "MemberTrailingTotal" WHERE "userId" = $1`,
        [user?.id],
      );
      expect(left?.n).toBe(0);
      const afterErasure = await everyAnalytic(db(), query);
      await rebuildRollups(db(), new Date(END));
      expect(await everyAnalytic(db(), query)).toEqual(afterErasure);
      const [again] = await db().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "MemberTrailingTotal" WHERE anchor = $1`,
        [anchor],
      );
      expect(again?.n).toBeGreaterThan(0);
    });
  });
}
