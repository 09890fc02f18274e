import type { Queryable } from '../database.ts';
import { listMemberIds } from './member-ids.ts';
import { groupByTable, memberMatchSql, toMemberMatchParams } from './member-match-sql.ts';
import { listGuildScopedTables, listUserColumns } from './user-columns.ts';

/** How many rows of one table mention the member, in one guild (null: not guild-scoped). */
export interface HeldCount {
  table: string;
  guildId: string | null;
  rows: number;
}

/** What is held about a member: row counts per table and guild (the marker excluded). */
export const summarizeMember = async (db: Queryable, discordId: string): Promise<HeldCount[]> => {
  const ids = await listMemberIds(db, discordId);
  const guildScoped = new Set(listGuildScopedTables());
  const byTable = groupByTable(listUserColumns().filter((column) => column.role !== 'marker'));
  const counts: HeldCount[] = [];
  for (const [table, columns] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    const guild = guildScoped.has(table) ? `"guildId"` : 'NULL::text';
    const rows = await db.query<{ guildId: string | null; rows: number }>(
      `SELECT ${guild} AS "guildId", count(*)::int AS rows FROM "${table}"
       WHERE ${columns.map(memberMatchSql).join(' OR ')} GROUP BY 1 ORDER BY 1`,
      toMemberMatchParams(columns, ids),
    );
    counts.push(...rows.map((row) => ({ table, ...row })));
  }
  return counts;
};
