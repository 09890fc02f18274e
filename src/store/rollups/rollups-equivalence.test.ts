import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AnalyticsQuery } from '../../analytics/analytics-query.ts';
import { guildRows, optOut } from '../../analytics/analytics-scenario.ts';
import { getBehaviourShifts } from '../../analytics/behaviour-shifts.ts';
import { getChannels } from '../../analytics/channels.ts';
import { getGhosts } from '../../analytics/ghosts.ts';
import { getHeatmap } from '../../analytics/heatmap.ts';
import { getLurkers } from '../../analytics/lurkers.ts';
import { getMultiClient } from '../../analytics/multi-client.ts';
import { getOverview } from '../../analytics/overview.ts';
import { getSuspicion } from '../../analytics/suspicion.ts';
import { emptyIngestRows, type IngestRows, type PresenceRow } from '../../ingest/ingest-rows.ts';
import type { Database } from '../database.ts';
import { writeIngestRows } from '../ingest-writes/write-ingest-rows.ts';
import { testBackends, useTestDatabase } from '../testing/test-database.ts';
import { backfillMemberDayTotals, getRolledUntil, runRollups } from './run-rollups.ts';

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

/** Four days and a few hours of irregular presence, messages, typing and reactions. */
const scenario = (guildId: string): Partial<IngestRows> => {
  const rows = { presences: [], messages: [], typing: [], reactions: [] } as Pick<
    IngestRows,
    'presences' | 'messages' | 'typing' | 'reactions'
  >;
  members.forEach((m, i) => {
    const activity = i % 4 === 0 ? 0 : 1 + (i % 3);
    for (let t = START + random() * 3_600_000; t < END; t += 300_000 + random() * 9_000_000) {
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
  ]);

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

      const run = await runRollups(db(), { now: new Date(END), settleMs: 0 });
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
      ]);

      // A second run redoes only the last hour and changes nothing.
      const again = await runRollups(db(), { now: new Date(END), settleMs: 0 });
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
  });
}
