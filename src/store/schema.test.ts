import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import {
  apiKeys,
  auditLogs,
  banRecords,
  guilds,
  messages,
  presences,
  quotaUsage,
  refreshTokens,
  roleChanges,
  sessions,
  typingEvents,
  users,
} from './schema/index.ts';
import { testBackends, useTestDatabase } from './testing/test-database.ts';

/** The seed's columns, model by model (../shared/seed/database-schema.md). */
const seedColumns: Record<string, string[]> = {
  User: [
    'id',
    'discordId',
    'username',
    'discriminator',
    'avatar',
    'isBot',
    'guildId',
    'createdAt',
    'updatedAt',
  ],
  Presence: ['id', 'userId', 'status', 'clientStatus', 'activities', 'timestamp', 'guildId'],
  Message: ['id', 'userId', 'channelId', 'guildId', 'content', 'attachments', 'timestamp'],
  RoleChange: ['id', 'userId', 'roleId', 'action', 'actorId', 'timestamp', 'guildId'],
  Session: ['id', 'userId', 'token', 'ipAddress', 'userAgent', 'expiresAt', 'createdAt'],
  RefreshToken: ['id', 'userId', 'token', 'expiresAt', 'createdAt'],
  ApiKey: [
    'id',
    'key',
    'userId',
    'name',
    'tier',
    'quota',
    'isActive',
    'createdAt',
    'expiresAt',
    'lastUsedAt',
  ],
  QuotaUsage: ['id', 'apiKeyId', 'endpoint', 'count', 'date'],
  BanRecord: [
    'id',
    'userId',
    'guildId',
    'reason',
    'bannedBy',
    'isActive',
    'bannedAt',
    'expiresAt',
    'unbannedAt',
    'unbannedBy',
  ],
  IpBlock: ['id', 'ipAddress', 'reason', 'blockedBy', 'blockedAt', 'expiresAt'],
  AuditLog: [
    'id',
    'userId',
    'action',
    'resource',
    'resourceId',
    'details',
    'ipAddress',
    'userAgent',
    'timestamp',
  ],
  AuditLogArchive: [
    'id',
    'userId',
    'action',
    'resource',
    'resourceId',
    'details',
    'ipAddress',
    'userAgent',
    'timestamp',
  ],
};

/** Each index the seed names, as the index that provides it here: [table, index, definition]. */
const seedIndexes: [string, string, RegExp][] = [
  [
    'Presence',
    'idx_presence_covering',
    /\("userId", "timestamp" DESC\) INCLUDE \(status, "clientStatus"\)/,
  ],
  ['Presence', 'idx_presence_timestamp', /\("timestamp"\)/],
  ['Message', 'idx_message_user_time', /\("userId", "timestamp" DESC\)/],
  ['Message', 'idx_message_timestamp', /\("timestamp"\)/],
  ['Message', 'Message_channelId_idx', /\("channelId"\)/],
  [
    'Message',
    'Message_guildId_timestamp_idx',
    /\("guildId", "timestamp"\) INCLUDE \("userId", "channelId"\)/,
  ],
  ['User', 'idx_user_guild', /\("guildId"\)/],
  ['User', 'User_username_idx', /\(username\)/],
  ['User', 'User_createdAt_idx', /\("createdAt"\)/],
  ['User', 'idx_user_username_gin', /USING gin \(to_tsvector\('english'::regconfig, username\)\)/],
  ['RoleChange', 'RoleChange_userId_timestamp_idx', /\("userId", "timestamp"\)/],
  ['RoleChange', 'RoleChange_roleId_idx', /\("roleId"\)/],
  ['Session', 'Session_token_key', /UNIQUE INDEX .*\(token\)/],
  ['Session', 'Session_userId_idx', /\("userId"\)/],
  ['Session', 'Session_expiresAt_idx', /\("expiresAt"\)/],
  ['RefreshToken', 'RefreshToken_token_key', /UNIQUE INDEX .*\(token\)/],
  ['RefreshToken', 'RefreshToken_userId_idx', /\("userId"\)/],
  ['ApiKey', 'ApiKey_key_key', /UNIQUE INDEX .*\(key\)/],
  ['ApiKey', 'ApiKey_userId_idx', /\("userId"\)/],
  ['ApiKey', 'ApiKey_isActive_idx', /\("isActive"\)/],
  [
    'QuotaUsage',
    'QuotaUsage_apiKeyId_endpoint_date_key',
    /UNIQUE INDEX .*\("apiKeyId", endpoint, date\)/,
  ],
  ['QuotaUsage', 'QuotaUsage_apiKeyId_date_idx', /\("apiKeyId", date\)/],
  ['QuotaUsage', 'QuotaUsage_date_idx', /\(date\)/],
  ['BanRecord', 'BanRecord_userId_idx', /\("userId"\)/],
  ['BanRecord', 'BanRecord_guildId_idx', /\("guildId"\)/],
  ['BanRecord', 'BanRecord_isActive_idx', /\("isActive"\)/],
  ['IpBlock', 'IpBlock_ipAddress_key', /UNIQUE INDEX .*\("ipAddress"\)/],
  ['IpBlock', 'IpBlock_expiresAt_idx', /\("expiresAt"\)/],
  ['AuditLog', 'AuditLog_userId_timestamp_idx', /\("userId", "timestamp"\)/],
  ['AuditLog', 'AuditLog_action_idx', /\(action\)/],
  ['AuditLog', 'AuditLog_timestamp_idx', /\("timestamp"\)/],
  ['AuditLog', 'AuditLog_ipAddress_idx', /\("ipAddress"\)/],
];

/**
 * Status-only indexes left out on purpose (see the schema comments): nothing reads them, and on
 * GuildMember one would make every presence a non-HOT update.
 */
const droppedIndexes = ['idx_presence_status', 'GuildMember_guildId_status_idx'];

const insertGuildAndUser = async (db: Database, discordId = '100000000000000001') => {
  await db.orm
    .insert(guilds)
    .values({ id: '900000000000000001', name: 'Test guild' })
    .onConflictDoNothing();
  const [user] = await db.orm
    .insert(users)
    .values({
      discordId,
      username: `user${discordId.slice(-3)}`,
      discriminator: '0',
      guildId: '900000000000000001',
    })
    .returning();
  if (!user) throw new Error('no user inserted');
  return user;
};

/** The SQLSTATE of a failed statement (both drivers expose it as `code`). */
const sqlState = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    return cause?.code ?? code;
  }
};

for (const backend of testBackends()) {
  describe(`store schema on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('has every table and column of the seed, with times as timestamptz', async () => {
      const rows = await db().query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_schema = 'public'`,
      );
      for (const [table, columns] of Object.entries(seedColumns)) {
        const present = rows
          .filter((row) => row.table_name === table)
          .map((row) => row.column_name);
        expect(present, table).toEqual(expect.arrayContaining(columns));
      }
      const naiveTimes = rows.filter((row) => row.data_type === 'timestamp without time zone');
      expect(naiveTimes).toEqual([]);
    });

    it('has each index the seed names', async () => {
      const rows = await db().query<{ tablename: string; indexname: string; indexdef: string }>(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
      );
      for (const [table, name, definition] of seedIndexes) {
        const index = rows.find((row) => row.indexname === name);
        expect(index?.tablename, name).toBe(table);
        expect(index?.indexdef, name).toMatch(definition);
      }
      expect(rows.filter((row) => droppedIndexes.includes(row.indexname))).toEqual([]);
    });

    it('keeps room for HOT updates of the current presence on GuildMember', async () => {
      const [row] = await db().query<{ options: string[] | null }>(
        `SELECT reloptions AS options FROM pg_class WHERE relname = 'GuildMember'`,
      );
      expect(row?.options).toContain('fillfactor=80');
    });

    it("vacuums ChannelAuthor soon after its rows move, and reads a window's pairs from an index", async () => {
      const [row] = await db().query<{ options: string[] | null; indexdef: string }>(
        `SELECT c.reloptions AS options, i.indexdef FROM pg_class c
         JOIN pg_indexes i ON i.tablename = c.relname
         WHERE c.relname = 'ChannelAuthor' AND i.indexname = 'ChannelAuthor_guildId_lastMessageAt_idx'`,
      );
      expect(row?.options).toContain('autovacuum_vacuum_threshold=5000');
      expect(row?.indexdef).toMatch(
        /\("guildId", "lastMessageAt"\) INCLUDE \("channelId", "userId"\)/,
      );
    });

    it('refuses a second user with the same discordId', async () => {
      await insertGuildAndUser(db(), '100000000000000001');
      const state = await sqlState(insertGuildAndUser(db(), '100000000000000001'));
      expect(state).toBe('23505');
    });

    it("deletes a user's presences, messages, role changes, bans, sessions, tokens and keys with the user", async () => {
      const user = await insertGuildAndUser(db());
      const guildId = '900000000000000001';
      await db()
        .orm.insert(presences)
        .values({
          guildId,
          userId: user.id,
          status: 'online',
          clientStatus: { desktop: 'online' },
        });
      await db().orm.insert(messages).values({
        id: '700000000000000001',
        guildId,
        userId: user.id,
        channelId: '800000000000000001',
        length: 5,
      });
      await db()
        .orm.insert(roleChanges)
        .values({ guildId, userId: user.id, roleId: '600000000000000001', action: 'added' });
      await db()
        .orm.insert(banRecords)
        .values({ guildId, userId: user.id, bannedBy: '100000000000000009' });
      const [session] = await db()
        .orm.insert(sessions)
        .values({ userId: user.id, token: 'jti-1', expiresAt: new Date(Date.now() + 60_000) })
        .returning();
      await db()
        .orm.insert(refreshTokens)
        .values({
          userId: user.id,
          token: 'hash-1',
          familyId: 'family-1',
          sessionId: session?.id ?? null,
          expiresAt: new Date(Date.now() + 60_000),
        });
      const [key] = await db()
        .orm.insert(apiKeys)
        .values({ userId: user.id, key: 'key-hash', quota: {} })
        .returning();
      await db()
        .orm.insert(quotaUsage)
        .values({ apiKeyId: key?.id ?? '', endpoint: 'analytics' });

      await db().orm.delete(users).where(eq(users.id, user.id));

      for (const table of [
        'Presence',
        'Message',
        'RoleChange',
        'BanRecord',
        'Session',
        'RefreshToken',
        'ApiKey',
        'QuotaUsage',
      ]) {
        const [row] = await db().query<{ count: number }>(
          `SELECT count(*)::int AS count FROM "${table}"`,
        );
        expect(row?.count, table).toBe(0);
      }
    });

    it('keeps audit rows when their user is deleted, with userId set to null', async () => {
      const user = await insertGuildAndUser(db());
      await db().orm.insert(auditLogs).values({ userId: user.id, action: 'login' });
      await db().orm.delete(users).where(eq(users.id, user.id));
      const rows = await db().orm.select().from(auditLogs);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.userId).toBeNull();
      expect(rows[0]?.action).toBe('login');
    });

    it('counts quota usage once per key, endpoint and day', async () => {
      const user = await insertGuildAndUser(db());
      const [key] = await db()
        .orm.insert(apiKeys)
        .values({ userId: user.id, key: 'key-hash', quota: {} })
        .returning();
      const apiKeyId = key?.id ?? '';
      await db()
        .orm.insert(quotaUsage)
        .values({ apiKeyId, endpoint: 'analytics', date: '2026-11-25' });
      await db()
        .orm.insert(quotaUsage)
        .values({ apiKeyId, endpoint: 'analytics', date: '2026-11-26' });
      await db().orm.insert(quotaUsage).values({ apiKeyId, endpoint: 'users', date: '2026-11-25' });
      const state = await sqlState(
        db().orm.insert(quotaUsage).values({ apiKeyId, endpoint: 'analytics', date: '2026-11-25' }),
      );
      expect(state).toBe('23505');
    });

    it("deletes a guild's events with the guild, and nothing of another guild", async () => {
      const user = await insertGuildAndUser(db());
      await db().orm.insert(guilds).values({ id: '900000000000000002', name: 'Other guild' });
      await db()
        .orm.insert(typingEvents)
        .values([
          { guildId: '900000000000000001', userId: user.id, channelId: '800000000000000001' },
          { guildId: '900000000000000002', userId: user.id, channelId: '800000000000000002' },
        ]);
      await db().orm.delete(guilds).where(eq(guilds.id, '900000000000000001'));
      const left = await db().orm.select().from(typingEvents);
      expect(left.map((row) => row.guildId)).toEqual(['900000000000000002']);
      const [kept] = await db().orm.select().from(users);
      expect(kept?.guildId).toBeNull();
    });

    it('rejects values outside the documented sets', async () => {
      const user = await insertGuildAndUser(db());
      const state = await sqlState(
        db()
          .orm.insert(presences)
          .values({ guildId: '900000000000000001', userId: user.id, status: 'away' }),
      );
      expect(state).toBe('23514');
    });

    it('finds users by the full-text username index', async () => {
      await insertGuildAndUser(db(), '100000000000000123');
      const rows = await db().query<{ discordId: string }>(
        `SELECT "discordId" FROM "User" WHERE to_tsvector('english', username) @@ plainto_tsquery('english', $1)`,
        ['user123'],
      );
      expect(rows.map((row) => row.discordId)).toEqual(['100000000000000123']);
    });

    it('applies migrations idempotently', async () => {
      await db().migrate();
      const rows = await db().query<{ count: number }>(
        'SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations',
      );
      // One row per committed migration, however many times migrate() runs.
      const journal = JSON.parse(
        readFileSync(new URL('./migrations/meta/_journal.json', import.meta.url), 'utf8'),
      ) as { entries: unknown[] };
      expect(rows[0]?.count).toBe(journal.entries.length);
    });
  });
}
