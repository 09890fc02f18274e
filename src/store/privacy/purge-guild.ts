import type { Database, Queryable } from '../database.ts';
import { asText, listGuildScopedTables, listUserColumns } from './user-columns.ts';

/**
 * Tables a purge leaves alone though they have a `guildId`: the Guild row is deleted last by
 * its id, User's `guildId` only says where a user was first seen (users are handled as
 * orphans), and opt-out markers must outlive the guild in case the bot comes back.
 */
const NOT_PURGED_BY_GUILD = new Set(['Guild', 'User', 'OptOut']);

const countOf = async (tx: Queryable, text: string, params: unknown[]): Promise<number> => {
  const [row] = await tx.query<{ n: number }>(
    `WITH gone AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    params,
  );
  return row?.n ?? 0;
};

/** Users this guild's rows name, kept aside before those rows go. */
const collectCandidates = async (tx: Queryable, guildId: string): Promise<void> => {
  const guildScoped = new Set(listGuildScopedTables());
  const selects = listUserColumns()
    .filter((c) => c.role === 'delete' && guildScoped.has(c.table) && c.table !== 'User')
    .map((c) => `SELECT ${asText(c)} AS id FROM "${c.table}" WHERE "guildId" = $1`);
  selects.push(`SELECT id FROM "User" WHERE "guildId" = $1`);
  await tx.query(
    `CREATE TEMP TABLE purge_candidates ON COMMIT DROP AS ${selects.join(' UNION ')}`,
    [guildId],
  );
};

/** Deletes candidates no row of any table refers to any more (they were only in this guild). */
const deleteOrphans = (tx: Queryable): Promise<number> => {
  const references = listUserColumns()
    .filter((c) => c.role === 'delete' && c.table !== 'User')
    .map((c) => `NOT EXISTS (SELECT 1 FROM "${c.table}" r WHERE r.${asText(c)} = u.id)`);
  return countOf(
    tx,
    `DELETE FROM "User" u WHERE u.id IN (SELECT id FROM purge_candidates) AND ${references.join(' AND ')}`,
    [],
  );
};

/**
 * Removes everything of one guild, in one transaction: every row of every guild-scoped table
 * (derived from the schema, so rollups and tables added later are included), the guild, and
 * the users known only from it. Other guilds and opt-out markers are untouched. Resolves to
 * rows removed per table. With `leftAtOrBefore`, only a guild the bot still has not come back to
 * (left at or before that time) is purged — checked and locked inside the transaction, so a
 * GUILD_CREATE racing the job cannot lose a live guild's data.
 */
export const purgeGuild = (
  db: Database,
  guildId: string,
  leftAtOrBefore?: Date,
): Promise<Record<string, number>> =>
  db.transaction(async (tx) => {
    if (leftAtOrBefore !== undefined) {
      const due = await tx.query(
        `SELECT 1 FROM "Guild" WHERE id = $1 AND "leftAt" <= $2 FOR UPDATE`,
        [guildId, leftAtOrBefore.toISOString()],
      );
      if (due.length === 0) return {};
    }
    await collectCandidates(tx, guildId);
    const removed: Record<string, number> = {};
    for (const table of listGuildScopedTables()) {
      if (NOT_PURGED_BY_GUILD.has(table)) continue;
      const n = await countOf(tx, `DELETE FROM "${table}" WHERE "guildId" = $1`, [guildId]);
      if (n > 0) removed[table] = n;
    }
    const users = await deleteOrphans(tx);
    if (users > 0) removed.User = users;
    const guilds = await countOf(tx, `DELETE FROM "Guild" WHERE id = $1`, [guildId]);
    if (guilds > 0) removed.Guild = guilds;
    return removed;
  });

/** Guilds the bot left before `leftBefore`: due for purging. */
export const listGuildsLeftBefore = async (
  db: Queryable,
  leftBefore: Date,
): Promise<{ id: string; leftAt: Date }[]> =>
  db.query(`SELECT id, "leftAt" FROM "Guild" WHERE "leftAt" < $1 ORDER BY "leftAt"`, [
    leftBefore.toISOString(),
  ]);
