import type { Database, Queryable } from '../database.ts';
import { lockRollups } from '../rollups/rollup-state.ts';
import { listMemberIds } from './member-ids.ts';
import { groupByTable, memberMatchSql, toMemberMatchParams } from './member-match-sql.ts';
import { subtractGuildCountsSql } from './subtract-guild-counts.ts';
import { listGuildScopedTables, listUserColumns, type UserColumn } from './user-columns.ts';

/** Rows touched per table: `removed` rows deleted, `cleared` rows that lost an actor id. */
export interface EraseCounts {
  removed: Record<string, number>;
  cleared: Record<string, number>;
}

/** The value an actor column gets instead of an erased member's id. */
export const ERASED_ACTOR = 'erased';

const countOf = async (tx: Queryable, text: string, params: unknown[]): Promise<number> => {
  const [row] = await tx.query<{ n: number }>(
    `WITH changed AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM changed`,
    params,
  );
  return row?.n ?? 0;
};

/**
 * Erases everything held about `discordId` inside `tx`, table by table as the schema says
 * ({@link listUserColumns}): rows about them are deleted, their id is cleared where they only
 * acted on someone else, and the User row goes last. The opt-out marker is left alone.
 * Their events leave the guild quarter-hour counts as they go, under the rollup lock, so a
 * rollup run cannot count rows this transaction is deleting.
 */
export const eraseMemberIn = async (
  tx: Queryable,
  discordId: string,
  columns: readonly UserColumn[] = listUserColumns().filter((c) => c.role !== 'marker'),
): Promise<EraseCounts> => {
  await lockRollups(tx);
  const ids = await listMemberIds(tx, discordId);
  const counts: EraseCounts = { removed: {}, cleared: {} };
  for (const column of columns.filter((c) => c.role === 'clear')) {
    const value = column.notNull ? `'${ERASED_ACTOR}'` : 'NULL';
    const n = await countOf(
      tx,
      `UPDATE "${column.table}" SET "${column.column}" = ${value} WHERE ${memberMatchSql(column)}`,
      [ids],
    );
    if (n > 0) counts.cleared[column.table] = (counts.cleared[column.table] ?? 0) + n;
  }
  const byTable = groupByTable(columns.filter((column) => column.role !== 'clear'));
  // User last: the other tables reference it.
  const tables = [...byTable.keys()].sort((a, b) => Number(a === 'User') - Number(b === 'User'));
  for (const table of tables) {
    const tableColumns = byTable.get(table) ?? [];
    const match = tableColumns.map(memberMatchSql).join(' OR ');
    const params = toMemberMatchParams(tableColumns, ids);
    for (const subtract of subtractGuildCountsSql(table, match)) await tx.query(subtract, params);
    const n = await countOf(tx, `DELETE FROM "${table}" WHERE ${match}`, params);
    if (n > 0) counts.removed[table] = n;
  }
  return counts;
};

/** Erases everything held about `discordId` in one transaction. */
export const eraseMember = (db: Database, discordId: string): Promise<EraseCounts> =>
  db.transaction((tx) => eraseMemberIn(tx, discordId));

/** Guild-scoped tables a dashboard login (not the bot) fills, and the marker. */
const ACCOUNT_TABLES = new Set(['ManagedGuild', 'AuditLog', 'AuditLogArchive', 'OptOut', 'User']);

/**
 * Erases only what the bot collected about `discordId` (guild-scoped rows and guild owner
 * ids), keeping a
 * dashboard account, and the User row only while a session or key still needs it. The
 * opt-out sweep uses this: a member who opted out may log in again to opt back in.
 */
export const eraseCollected = (db: Database, discordId: string): Promise<EraseCounts> =>
  db.transaction(async (tx) => {
    const guildScoped = new Set(listGuildScopedTables());
    const collected = listUserColumns().filter(
      (c) =>
        c.role !== 'marker' &&
        (guildScoped.has(c.table) || c.table === 'Guild') &&
        !ACCOUNT_TABLES.has(c.table),
    );
    const counts = await eraseMemberIn(tx, discordId, collected);
    const users = await countOf(
      tx,
      `DELETE FROM "User" u WHERE u."discordId" = $1
         AND NOT EXISTS (SELECT 1 FROM "Session" s WHERE s."userId" = u.id)
         AND NOT EXISTS (SELECT 1 FROM "ApiKey" k WHERE k."userId" = u.id)`,
      [discordId],
    );
    if (users > 0) counts.removed.User = users;
    return counts;
  });
