import { describe, expect, it } from 'vitest';
import type { Database } from '../store/database.ts';
import { updateGuildSettings } from '../store/privacy/update-guild-settings.ts';
import { applyPartitionChange } from '../store/retention/apply-partition-change.ts';
import { listEventPartitions } from '../store/retention/list-event-partitions.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { partitionedTables, toPartitionName, toWeekStart } from './partition-policy.ts';
import { runRetention } from './run-retention.ts';

// Issue #7: retention drops whole weekly partitions of the event tables.
const now = new Date('2026-11-25T12:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const guildA = '910000000000000001';
const guildB = '910000000000000002';
const tables = partitionedTables.map((p) => p.table);

/** Rows at these ages, per table and guild (guild B keeps messages 60 days, presence 7). */
const ages = {
  Presence: { [guildA]: [6, 89, 91, 100, 130], [guildB]: [6, 8] },
  Message: { [guildA]: [29, 31, 75], [guildB]: [59, 61, 75] },
  TypingEvent: { [guildA]: [29, 31, 45], [guildB]: [] },
} satisfies Record<string, Record<string, number[]>>;

const insert = async (db: Database, table: string, guildId: string, userId: string, at: Date) => {
  if (table === 'Presence') {
    await db.query(
      `INSERT INTO "Presence" ("guildId", "userId", status, timestamp) VALUES ($1, $2, 'online', $3)`,
      [guildId, userId, at.toISOString()],
    );
  } else if (table === 'Message') {
    await db.query(
      `INSERT INTO "Message" ("guildId", "userId", "channelId", timestamp) VALUES ($1, $2, '1', $3)`,
      [guildId, userId, at.toISOString()],
    );
  } else {
    await db.query(
      `INSERT INTO "TypingEvent" ("guildId", "userId", "channelId", timestamp) VALUES ($1, $2, '1', $3)`,
      [guildId, userId, at.toISOString()],
    );
  }
};

/**
 * Rows first (the migration made partitions from the real current week only, so old rows land
 * in DEFAULT), then weekly partitions for the last 20 weeks, which take their rows from DEFAULT,
 * as on a database that has run for months.
 */
const seed = async (db: Database) => {
  for (const id of [guildA, guildB]) {
    await db.query(`INSERT INTO "Guild" (id, name) VALUES ($1, 'g')`, [id]);
  }
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO "User" ("discordId", username, discriminator) VALUES ('100000000000000042', 'm', '0') RETURNING id`,
  );
  for (const [table, byGuild] of Object.entries(ages)) {
    for (const [guildId, days] of Object.entries(byGuild)) {
      for (const d of days) await insert(db, table, guildId, user?.id ?? '', daysAgo(d));
    }
  }
  const existing = new Set((await listEventPartitions(db, tables)).map((p) => p.name));
  for (const table of tables) {
    for (let week = 20; week >= 0; week -= 1) {
      const from = toWeekStart(daysAgo(7 * week));
      const name = toPartitionName(table, from);
      if (existing.has(name)) continue;
      const to = new Date(from.getTime() + 7 * DAY_MS);
      await applyPartitionChange(db, { type: 'create', table, name, from, to });
    }
  }
  await updateGuildSettings(db, guildB, { retentionDays: { presence: 7, messages: 60 } });
};

const agesLeft = async (db: Database, table: string) =>
  (await db.query<{ at: Date }>(`SELECT timestamp AS at FROM "${table}" ORDER BY 1 DESC`)).map(
    (row) => Math.round((now.getTime() - new Date(row.at).getTime()) / DAY_MS),
  );

const partitionOf = (table: string, days: number) =>
  toPartitionName(table, toWeekStart(daysAgo(days)));

const rowsIn = async (db: Database, name: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0]?.n;

for (const backend of testBackends()) {
  describe(`partitioned retention on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('drops weeks expired for every guild, deletes the rest, keeps rows inside windows', async () => {
      await seed(db());
      expect(await rowsIn(db(), 'Presence_default')).toBe(0);
      expect(await rowsIn(db(), partitionOf('Presence', 100))).toBe(1);
      const before = new Set((await listEventPartitions(db(), tables)).map((p) => p.name));
      const dropped = [
        partitionOf('Presence', 100),
        partitionOf('Presence', 130),
        partitionOf('Message', 75),
        partitionOf('TypingEvent', 45),
        // The window starts Monday 2026-10-26T12:00Z: the week before has just expired.
        partitionOf('TypingEvent', 31),
      ];
      for (const name of dropped) expect(before).toContain(name);

      const removed = await runRetention(db(), { now, batchRows: 1 });

      const after = new Set((await listEventPartitions(db(), tables)).map((p) => p.name));
      for (const name of dropped) expect(after).not.toContain(name);
      // Weeks still inside some guild's window stay, though their expired rows are deleted.
      expect(after).toContain(partitionOf('Presence', 91));
      expect(after).toContain(partitionOf('Message', 61));
      expect(after).toContain(partitionOf('TypingEvent', 29));
      for (const table of tables) {
        expect(after).toContain(`${table}_default`);
        expect(after).toContain(toPartitionName(table, toWeekStart(daysAgo(-28))));
      }
      expect(await agesLeft(db(), 'Presence')).toEqual([6, 6, 89]);
      expect(await agesLeft(db(), 'Message')).toEqual([29, 59]);
      expect(await agesLeft(db(), 'TypingEvent')).toEqual([29]);
      expect(removed).toMatchObject({ Presence: 4, Message: 4, TypingEvent: 2 });
      expect(await runRetention(db(), { now })).toMatchObject({
        Presence: 0,
        Message: 0,
        TypingEvent: 0,
      });
    });

    it('moves rows of a new week out of DEFAULT when creating its partition', async () => {
      await seed(db());
      const far = daysAgo(-60);
      const [user] = await db().query<{ id: string }>(`SELECT id FROM "User"`);
      await insert(db(), 'TypingEvent', guildA, user?.id ?? '', far);
      expect(await rowsIn(db(), 'TypingEvent_default')).toBe(1);
      await runRetention(db(), { now: daysAgo(-40) });
      expect(await rowsIn(db(), 'TypingEvent_default')).toBe(0);
      expect(await rowsIn(db(), partitionOf('TypingEvent', -60))).toBe(1);
    });
  });
}
