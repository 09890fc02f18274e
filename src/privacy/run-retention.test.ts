import { describe, expect, it } from 'vitest';
import type { Database } from '../store/database.ts';
import { updateGuildSettings } from '../store/privacy/update-guild-settings.ts';
import {
  INSERT_CHANNEL_HOUR_COUNTS,
  INSERT_GUILD_QUARTER_COUNTS,
  UPSERT_CHANNEL_AUTHORS,
} from '../store/rollups/rollup-statements.ts';
import {
  INSERT_SHIFT_BASE,
  INSERT_SUSPICION_BASE,
  INSERT_TRAILING_TOTAL,
} from '../store/rollups/testing/insert-trailing-total.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { type RetentionProgress, runRetention } from './run-retention.ts';

const now = new Date('2026-11-25T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const guildA = '910000000000000001';
const guildB = '910000000000000002';

/** A member in both guilds with rows just inside and just outside each window. */
const seed = async (db: Database) => {
  for (const id of [guildA, guildB]) {
    await db.query(`INSERT INTO "Guild" (id, name) VALUES ($1, 'g')`, [id]);
  }
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO "User" ("discordId", username, discriminator) VALUES ('100000000000000042', 'm', '0') RETURNING id`,
  );
  const userId = user?.id;
  const presence = (guildId: string, days: number) =>
    db.query(
      `INSERT INTO "Presence" ("guildId", "userId", status, timestamp) VALUES ($1, $2, 'online', $3)`,
      [guildId, userId, daysAgo(days)],
    );
  const message = (guildId: string, days: number, n: number) =>
    db.query(
      `INSERT INTO "Message" (id, "guildId", "userId", "channelId", length, timestamp) VALUES ($1, $2, $3, '1', 1, $4)`,
      [`70000000000000000${n}`, guildId, userId, daysAgo(days)],
    );
  await presence(guildA, 89);
  await presence(guildA, 91);
  await presence(guildB, 6);
  await presence(guildB, 8);
  await message(guildA, 29, 1);
  await message(guildA, 31, 2);
  await message(guildB, 31, 3);
  await message(guildB, 59, 4);
  await message(guildB, 61, 5);
  // The guild quarter-hour and channel hourly counts of those presences and messages, as the
  // rollup job counts.
  await db.query(INSERT_GUILD_QUARTER_COUNTS, [daysAgo(1_000), now]);
  await db.query(INSERT_CHANNEL_HOUR_COUNTS, [daysAgo(1_000), now]);
  // Their channels' authors (latest message 29 days ago in A, 31 in B), and in A a channel
  // last written in 31 days ago, one 29 days ago.
  await db.query(UPSERT_CHANNEL_AUTHORS, [daysAgo(1_000), now]);
  await db.query(
    `INSERT INTO "ChannelAuthor" ("guildId", "channelId", "userId", "lastMessageAt")
     VALUES ($1, '2', $2, $3), ($1, '3', $2, $4)`,
    [guildA, userId, daysAgo(31), daysAgo(29)],
  );
  // Trailing totals whose earliest hour is 14 days ago: past guild B's 7-day presence window
  // (removed), inside guild A's windows (kept).
  for (const guildId of [guildA, guildB]) {
    await db.query(INSERT_TRAILING_TOTAL, [guildId, userId, daysAgo(0), daysAgo(14)]);
    await db.query(INSERT_SUSPICION_BASE, [guildId, userId, daysAgo(0), daysAgo(14)]);
    await db.query(INSERT_SHIFT_BASE, [guildId, userId, daysAgo(0), daysAgo(14)]);
  }
  for (const days of [364, 366]) {
    await db.query(
      `INSERT INTO "MemberEvent" ("guildId", "userId", type, "accountCreatedAt", timestamp) VALUES ($1, $2, 'join', $3, $3)`,
      [guildA, userId, daysAgo(days)],
    );
    await db.query(`INSERT INTO "AuditLog" ("userId", action, timestamp) VALUES ($1, $2, $3)`, [
      userId,
      `action-${days}`,
      daysAgo(days),
    ]);
  }
  await db.query(
    `INSERT INTO "PresenceRollup" ("guildId", "bucketHours", bucket, "userId", snapshots, "nonOfflineSnapshots",
       "multiClientSnapshots", "multiKeySnapshots", "platformsMask", "firstAt", "lastAt", "lastOnline", "innerOnlineMicros")
     SELECT $1, 24, date_trunc('day', d), $2, 1, 1, 0, 0, 1, d, d, true, 0
     FROM unnest(ARRAY[$3::timestamptz, $4::timestamptz]) AS d`,
    [guildA, userId, daysAgo(89), daysAgo(92)],
  );
  await db.query(
    `INSERT INTO "Session" ("userId", token, "expiresAt") VALUES ($1, 'old', $2), ($1, 'live', $3)`,
    [userId, new Date(now.getTime() - 60_000).toISOString(), daysAgo(-1)],
  );
  await db.query(
    `INSERT INTO "BanRecord" ("guildId", "userId", "bannedBy", "bannedAt") VALUES ($1, $2, 'x', $3)`,
    [guildA, userId, daysAgo(3 * 365)],
  );
  await updateGuildSettings(db, guildB, { retentionDays: { presence: 7, messages: 60 } });
};

const remaining = async (db: Database, table: string, column: string) =>
  (
    await db.query<{ at: Date; guildId?: string }>(
      `SELECT "${column}" AS at FROM "${table}" ORDER BY "${column}" DESC`,
    )
  ).map((row) => Math.round((now.getTime() - new Date(row.at).getTime()) / 86_400_000));

for (const backend of testBackends()) {
  describe(`retention on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('removes rows past their window, keeps rows inside, and lets guild overrides win', async () => {
      await seed(db());
      const progress: RetentionProgress[] = [];
      const removed = await runRetention(db(), {
        now,
        batchRows: 1,
        onProgress: (p) => progress.push(p),
      });
      expect(removed).toEqual({
        Presence: 2,
        PresenceRollup: 1,
        PresenceComboRollup: 0,
        Message: 2,
        ActivityRollup: 0,
        ChannelAuthor: 1,
        MemberDayTotal: 0,
        MemberTrailingTotal: 1,
        MemberSuspicionBase: 1,
        MemberShiftBase: 1,
        GuildQuarterCount: 4,
        ChannelHourCount: 2,
        TypingEvent: 0,
        ReactionEvent: 0,
        ReactionLatency: 0,
        MemberEvent: 1,
        VoiceSession: 0,
        RoleChange: 0,
        AuditLog: 1,
        RefreshToken: 0,
        Session: 1,
      });
      expect(await remaining(db(), 'Presence', 'timestamp')).toEqual([6, 89]);
      expect(await remaining(db(), 'Message', 'timestamp')).toEqual([29, 31, 59]);
      expect(await remaining(db(), 'ChannelAuthor', 'lastMessageAt')).toEqual([29, 29, 31]);
      const trailing = await db().query<{ guildId: string }>(
        `SELECT "guildId" FROM "MemberTrailingTotal"`,
      );
      expect(trailing.map((t) => t.guildId)).toEqual([guildA]);
      // Counts go with their own kind's rows, at each guild's windows.
      const counts = await db().query<{ guildId: string; kind: string; days: number }>(
        `SELECT "guildId", kind, round(extract(epoch FROM $1::timestamptz - bucket) / 86400)::int AS days
         FROM "GuildQuarterCount" ORDER BY 1, 2, 3`,
        [now],
      );
      expect(counts.map((c) => `${c.guildId === guildA ? 'A' : 'B'} ${c.kind} ${c.days}`)).toEqual([
        'A messages 29',
        'A presence 89',
        'B messages 31',
        'B messages 59',
        'B presence 6',
      ]);
      const channelCounts = await db().query<{ guildId: string; days: number }>(
        `SELECT "guildId", round(extract(epoch FROM $1::timestamptz - bucket) / 86400)::int AS days
         FROM "ChannelHourCount" ORDER BY 1, 2`,
        [now],
      );
      expect(channelCounts.map((c) => `${c.guildId === guildA ? 'A' : 'B'} ${c.days}`)).toEqual([
        'A 29',
        'B 31',
        'B 59',
      ]);
      expect(await remaining(db(), 'MemberEvent', 'timestamp')).toEqual([364]);
      expect(await remaining(db(), 'BanRecord', 'bannedAt')).toEqual([3 * 365]);
      expect(await db().query(`SELECT token FROM "Session"`)).toEqual([{ token: 'live' }]);
      // Batches of one row: progress moves one row at a time up to the counted total.
      expect(progress.map((p) => p.done)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
      ]);
      expect(progress.at(-1)).toEqual({ table: 'Session', done: 18, total: 18 });
    });

    it('moves audit rows older than a year to the archive, unchanged', async () => {
      await seed(db());
      await runRetention(db(), { now });
      expect(await db().query(`SELECT action FROM "AuditLog"`)).toEqual([{ action: 'action-364' }]);
      const archived = await db().query<{ action: string; timestamp: Date; userId: string | null }>(
        `SELECT action, timestamp, "userId" FROM "AuditLogArchive"`,
      );
      expect(archived).toHaveLength(1);
      expect(archived[0]?.action).toBe('action-366');
      expect(new Date(archived[0]?.timestamp ?? 0).toISOString()).toBe(daysAgo(366));
      expect(archived[0]?.userId).not.toBeNull();
    });

    it('removes nothing on a second run', async () => {
      await seed(db());
      await runRetention(db(), { now });
      const again = await runRetention(db(), { now });
      expect(Object.values(again).every((n) => n === 0)).toBe(true);
    });
  });
}
