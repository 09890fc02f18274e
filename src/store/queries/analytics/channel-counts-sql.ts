import { planCountRanges } from '../../rollups/plan-count-ranges.ts';
import { HOUR_MS, type TimeRange } from '../../rollups/plan-rollup-ranges.ts';
import { channelCountSources } from '../../rollups/rollup-statements.ts';
import type { ChannelCountKind } from '../../schema/rollups.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import type { SqlParams } from './sql-params.ts';

/**
 * A relation of "channelId", n: the guild `guildSql`'s `kind` events per channel in `window`,
 * opted-out members left out, channels with none absent. Whole hours before `countedUntil` (the
 * guild counts' watermark, which ChannelHourCount shares) are summed from ChannelHourCount,
 * minus the events opted-out members still have there (rows that arrived after an opt-out,
 * until the privacy job's sweep; a few, through the per-member index); the partial hours at
 * the ends and everything after the watermark are counted from raw rows through the
 * (guildId, timestamp) covering index. A week of the benchmark's big guild is 6,700 count rows
 * instead of 124,134 messages.
 */
export const channelCountsSql = (
  kind: ChannelCountKind,
  window: TimeRange,
  countedUntil: Date | null,
  params: SqlParams,
  guildSql: string,
): string => {
  const plan = planCountRanges(window, countedUntil, HOUR_MS);
  const source = channelCountSources[kind];
  const optedOut = optedOutUserIdsSql(guildSql);
  const events = (range: TimeRange, n: string, members: string) =>
    `SELECT e."channelId", ${n} AS n FROM "${source.table}" e
         WHERE e."guildId" = ${guildSql} AND ${source.where}
           AND e.timestamp >= ${params.add(range.from)} AND e.timestamp < ${params.add(range.to)}
           AND e."userId" ${members} ${optedOut}`;
  const branches = plan.raw.map((range) => events(range, '1', 'NOT IN'));
  if (plan.counted) {
    const { from, to } = plan.counted;
    branches.push(
      `SELECT c."channelId", c.count AS n FROM "ChannelHourCount" c
         WHERE c."guildId" = ${guildSql} AND c.kind = '${kind}'
           AND c.bucket >= ${params.add(from)} AND c.bucket < ${params.add(to)}`,
      events(plan.counted, '-1', 'IN'),
    );
  }
  return `SELECT u."channelId", sum(u.n) AS n
       FROM (${branches.join('\n       UNION ALL\n       ')}) u
       GROUP BY 1 HAVING sum(u.n) > 0`;
};
