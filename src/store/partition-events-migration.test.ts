import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type Database, migrationsFolder } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

// Issue #7: 0004_partition_events converts tables that already hold rows.
const before = ['0000_init', '0001_presence_covering_index', '0002_managed_guild', '0003_rollups'];

const applyFile = async (db: Database, tag: string) => {
  const text = await readFile(join(migrationsFolder, `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) {
    if (statement.trim()) await db.query(statement);
  }
};

/** An empty database (no migrations applied) and how to get rid of it. */
const openEmpty = async (
  serverUrl: string | undefined,
): Promise<{ db: Database; dispose(): Promise<void> }> => {
  if (serverUrl === undefined) {
    const db = await openPgliteDatabase({ inMemory: true });
    return { db, dispose: () => db.close() };
  }
  const name = `spw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDatabase({ url: url.toString(), poolSize: 2 });
  return {
    db,
    dispose: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
};

const servers = [undefined, process.env.TEST_DATABASE_URL].filter(
  (url, i) => i === 0 || url !== undefined,
);

for (const serverUrl of servers) {
  describe(`0004_partition_events on ${serverUrl === undefined ? 'pglite' : 'postgres'}`, () => {
    it('keeps every row, old ones in DEFAULT, recent ones in weekly partitions', async () => {
      const { db, dispose } = await openEmpty(serverUrl);
      try {
        for (const tag of before) await applyFile(db, tag);
        await db.query(`INSERT INTO "Guild" (id, name) VALUES ('1', 'g')`);
        await db.query(
          `INSERT INTO "User" ("discordId", username, discriminator) VALUES ('2', 'u', '0')`,
        );
        const user = `(SELECT id FROM "User")`;
        await db.query(
          `INSERT INTO "Presence" ("guildId", "userId", status, timestamp)
           SELECT '1', ${user}, 'online', now() - g * interval '10 days' FROM generate_series(0, 99) g`,
        );
        await db.query(
          `INSERT INTO "Message" (id, "guildId", "userId", "channelId", timestamp)
           SELECT g::text, '1', ${user}, 'c', now() - g * interval '1 hour' FROM generate_series(0, 99) g`,
        );
        await db.query(
          `INSERT INTO "TypingEvent" ("guildId", "userId", "channelId", timestamp)
           SELECT '1', ${user}, 'c', now() + g * interval '1 day' FROM generate_series(0, 99) g`,
        );
        await applyFile(db, '0004_partition_events');
        const counts = await db.query<{ t: string; n: number; d: number }>(
          `SELECT 'Presence' AS t, (SELECT count(*)::int FROM "Presence") AS n, (SELECT count(*)::int FROM "Presence_default") AS d
           UNION ALL SELECT 'Message', (SELECT count(*)::int FROM "Message"), (SELECT count(*)::int FROM "Message_default")
           UNION ALL SELECT 'TypingEvent', (SELECT count(*)::int FROM "TypingEvent"), (SELECT count(*)::int FROM "TypingEvent_default")`,
        );
        // Presence older than two years and typing beyond four weeks ahead wait in DEFAULT.
        expect(counts).toEqual([
          { t: 'Presence', n: 100, d: expect.any(Number) },
          { t: 'Message', n: 100, d: 0 },
          { t: 'TypingEvent', n: 100, d: expect.any(Number) },
        ]);
        expect(counts[0]?.d).toBeGreaterThan(20);
        expect(counts[0]?.d).toBeLessThan(30);
        expect(counts[2]?.d).toBeGreaterThan(60);
        expect(counts[2]?.d).toBeLessThan(72);
        const [replayed] = await db.query<{ n: number }>(
          `WITH ins AS (INSERT INTO "Message" (id, "guildId", "userId", "channelId", timestamp)
             SELECT id, "guildId", "userId", "channelId", timestamp FROM "Message"
             ON CONFLICT (id, timestamp) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`,
        );
        expect(replayed?.n).toBe(0);
      } finally {
        await dispose();
      }
    }, 60_000);
  });
}
