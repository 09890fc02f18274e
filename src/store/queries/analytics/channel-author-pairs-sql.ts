import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import type { TimeRange } from '../../rollups/plan-rollup-ranges.ts';
import {
  CHANNEL_AUTHORS_STATE_NAME,
  GUILD_COUNTS_STATE_NAME,
  getRolledUntil,
} from '../../rollups/rollup-state.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { runAnalyticsSnapshot } from './run-analytics-query.ts';
import { createSqlParams, type SqlParams } from './sql-params.ts';

/**
 * Whether ChannelAuthor, complete up to `authorsUntil`, gives `window`'s member × channel
 * pairs: the window must start before that watermark and end at or after it (the default
 * window, ending now, does). A member wrote in a channel during such a window exactly when
 * their latest message there before the watermark is at or after the window's start, or they
 * wrote there since the watermark. Other windows read raw messages.
 */
export const readsChannelAuthors = (
  window: TimeRange,
  authorsUntil: Date | null,
): authorsUntil is Date =>
  authorsUntil !== null && window.from < authorsUntil && authorsUntil <= window.to;

/**
 * A relation of the distinct "channelId", "userId" pairs of the guild `guildSql`'s messages in
 * `window` (members who opted out left out), for a window {@link readsChannelAuthors} accepts:
 * the pairs whose latest message before `authorsUntil` is in the window (an index-only range
 * of ChannelAuthor), and those of the raw messages since `authorsUntil` that ChannelAuthor
 * does not already list (a key lookup each).
 */
export const channelAuthorPairsSql = (
  window: TimeRange,
  authorsUntil: Date,
  params: SqlParams,
  guildSql: string,
): string => {
  const from = params.add(window.from);
  const optedOut = optedOutUserIdsSql(guildSql);
  return `SELECT a."channelId", a."userId" FROM "ChannelAuthor" a
       WHERE a."guildId" = ${guildSql} AND a."lastMessageAt" >= ${from}
         AND a."userId" NOT IN ${optedOut}
       UNION ALL
       SELECT r."channelId", r."userId"
       FROM (SELECT e."channelId", e."userId" FROM "Message" e
             WHERE e."guildId" = ${guildSql} AND e.timestamp >= ${params.add(authorsUntil)}
               AND e.timestamp < ${params.add(window.to)} AND e."userId" NOT IN ${optedOut}
             GROUP BY 1, 2) r
       WHERE NOT EXISTS (SELECT 1 FROM "ChannelAuthor" a
         WHERE a."guildId" = ${guildSql} AND a."channelId" = r."channelId"
           AND a."userId" = r."userId" AND a."lastMessageAt" >= ${from})`;
};

/**
 * Runs a channel analytic's statement, which reads the window's member × channel pairs: in one
 * snapshot with ChannelAuthor's and the guild counts' watermarks (a rollup run moves them), with
 * index-only reads. `build` gets the parameters ($1 the guild, $2 the limit), the watermark
 * when the window reads its pairs from ChannelAuthor ({@link readsChannelAuthors}, null when
 * from raw messages) and the counts' watermark (for `channelCountsSql`).
 */
export const runOnChannelPairs = <Row extends object>(
  db: Queryable,
  query: AnalyticsQuery,
  build: (params: SqlParams, authorsUntil: Date | null, countedUntil: Date | null) => string,
): Promise<Row[]> =>
  runAnalyticsSnapshot<Row>(
    db,
    async (tx) => {
      const [authorsUntil, countedUntil] = await Promise.all([
        getRolledUntil(tx, CHANNEL_AUTHORS_STATE_NAME),
        getRolledUntil(tx, GUILD_COUNTS_STATE_NAME),
      ]);
      const params = createSqlParams([query.guildId, query.limit]);
      const text = build(
        params,
        readsChannelAuthors(query.window, authorsUntil) ? authorsUntil : null,
        countedUntil,
      );
      return tx.query<Row>(text, params.values);
    },
    { indexOnly: true },
  );
