import { defaultSuspicionScoring } from '../../analytics/to-suspicion-factors.ts';
import type { Database } from '../database.ts';
import {
  type SuspicionScoring,
  suspicionBaseInsert,
} from '../queries/analytics/list-suspicion-top.ts';
import { lockRollups } from './rollup-state.ts';

/**
 * Writes each guild's MemberSuspicionBase rows ending at `endsAt` (every member's suspicion
 * inputs for the 7 days before it and their total under `scoring`, the default one unless
 * given), each guild in its own transaction, and deletes its rows older than the previous
 * end — a reader that chose that one still finds its rows. A guild whose newest rows end
 * after `endsAt` (another process ran later) is left alone. Resolves to the guilds written.
 */
export const rollSuspicionBases = async (
  db: Database,
  options: { endsAt: Date; scoring?: SuspicionScoring },
): Promise<number> => {
  const scoring = options.scoring ?? defaultSuspicionScoring;
  const guilds = await db.query<{ id: string }>(
    `SELECT g.id FROM "Guild" g
     WHERE EXISTS (SELECT 1 FROM "GuildMember" m WHERE m."guildId" = g.id) ORDER BY 1`,
  );
  let written = 0;
  for (const { id } of guilds) {
    await db.transaction(async (tx) => {
      await lockRollups(tx);
      const [row] = await tx.query<{ endsAt: Date | null }>(
        `SELECT max("endsAt") AS "endsAt" FROM "MemberSuspicionBase" WHERE "guildId" = $1`,
        [id],
      );
      const previous = row?.endsAt ? new Date(row.endsAt) : null;
      if (previous && previous.getTime() > options.endsAt.getTime()) return;
      await tx.query(
        `DELETE FROM "MemberSuspicionBase" WHERE "guildId" = $1
           AND ("endsAt" = $2 OR "endsAt" < COALESCE($3, $2))`,
        [id, options.endsAt, previous],
      );
      const insert = await suspicionBaseInsert(tx, id, options.endsAt, scoring);
      await tx.query(insert.sql, insert.values);
      written += 1;
    });
  }
  // Requests look the newest rows up by their end, a value the statistics have not seen yet.
  if (written > 0) await db.query(`ANALYZE "MemberSuspicionBase"`);
  return written;
};
