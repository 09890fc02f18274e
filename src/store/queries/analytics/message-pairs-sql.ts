import type { TimeRange } from '../../rollups/plan-rollup-ranges.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import type { SqlParams } from './sql-params.ts';

/**
 * A relation of the guild `guildSql`'s messages in `window` per member and channel:
 * "channelId", "userId", m (messages, > 0); members who opted out left out. It reads only the
 * (guildId, timestamp) index of Message, which carries both columns (0009): no heap visit for
 * the pages vacuum has marked all-visible.
 */
export const messagePairsSql = (window: TimeRange, params: SqlParams, guildSql: string): string =>
  `SELECT e."channelId", e."userId", count(*) AS m
       FROM "Message" e
       WHERE e."guildId" = ${guildSql} AND e.timestamp >= ${params.add(window.from)}
         AND e.timestamp < ${params.add(window.to)}
         AND e."userId" NOT IN ${optedOutUserIdsSql(guildSql)}
       GROUP BY 1, 2`;
