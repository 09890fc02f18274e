import { shiftRules } from '../../analytics/behaviour-shifts.ts';
import { defaultSuspicionScoring } from '../../analytics/to-suspicion-factors.ts';
import type { Database, Queryable } from '../database.ts';
import { type ShiftRules, shiftBaseInsert } from '../queries/analytics/list-behaviour-shifts.ts';
import {
  type SuspicionScoring,
  suspicionBaseInsert,
} from '../queries/analytics/list-suspicion-top.ts';
import { lockRollups } from './rollup-state.ts';

/** The tables of analytics scored ahead, each with the statement that writes a guild's rows. */
const aheadTables = (scoring: SuspicionScoring, rules: ShiftRules) =>
  [
    {
      table: 'MemberSuspicionBase',
      insert: (db: Queryable, guildId: string, endsAt: Date) =>
        suspicionBaseInsert(db, guildId, endsAt, scoring),
    },
    {
      table: 'MemberShiftBase',
      insert: (db: Queryable, guildId: string, endsAt: Date) =>
        shiftBaseInsert(db, guildId, endsAt, rules),
    },
  ] as const;

/**
 * Writes each guild's analytics scored ahead for the 7 days before `endsAt`: every member's
 * suspicion inputs and total under `scoring` (MemberSuspicionBase), and the members with a
 * behaviour-shift flag under `rules` (MemberShiftBase), the defaults unless given. Each guild in
 * its own transaction; each table's rows older than its previous end are deleted — a reader
 * that chose that one still finds its rows. A table whose newest rows for the guild end after
 * `endsAt` (another process ran later) is left alone. Resolves to the guilds written.
 */
export const rollAheadBases = async (
  db: Database,
  options: { endsAt: Date; scoring?: SuspicionScoring; shiftRules?: ShiftRules },
): Promise<number> => {
  const tables = aheadTables(
    options.scoring ?? defaultSuspicionScoring,
    options.shiftRules ?? shiftRules,
  );
  const guilds = await db.query<{ id: string }>(
    `SELECT g.id FROM "Guild" g
     WHERE EXISTS (SELECT 1 FROM "GuildMember" m WHERE m."guildId" = g.id) ORDER BY 1`,
  );
  let written = 0;
  for (const { id } of guilds) {
    await db.transaction(async (tx) => {
      await lockRollups(tx);
      for (const { table, insert } of tables) {
        const [row] = await tx.query<{ endsAt: Date | null }>(
          `SELECT max("endsAt") AS "endsAt" FROM "${table}" WHERE "guildId" = $1`,
          [id],
        );
        const previous = row?.endsAt ? new Date(row.endsAt) : null;
        if (previous && previous.getTime() > options.endsAt.getTime()) continue;
        await tx.query(
          `DELETE FROM "${table}" WHERE "guildId" = $1
             AND ("endsAt" = $2 OR "endsAt" < COALESCE($3, $2))`,
          [id, options.endsAt, previous],
        );
        const statement = await insert(tx, id, options.endsAt);
        await tx.query(statement.sql, statement.values);
      }
      written += 1;
    });
  }
  // Requests look the newest rows up by their end, a value the statistics have not seen yet.
  if (written > 0) {
    await db.query(`ANALYZE ${tables.map(({ table }) => `"${table}"`).join(', ')}`);
  }
  return written;
};
