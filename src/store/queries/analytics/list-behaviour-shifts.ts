import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import { toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan } from '../../rollups/get-rollup-plan.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { platformsArraySql } from './client-platforms-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

/** The thresholds of the behaviour-shift flags (PRODUCT.md analytic 5). */
export interface ShiftRules {
  /** messageDrop: at least this many messages before, none now. */
  dropMinMessages: number;
  /** messageSpike: now ≥ ratio × before … */
  spikeRatio: number;
  /** … and now ≥ before + this. */
  spikeMinIncrease: number;
  /** typingSpike: now > ratio × before … */
  typingRatio: number;
  /** … and before ≥ this. */
  typingMinBefore: number;
}

/** A member whose behaviour shifted: both windows' figures and the flags raised. */
export interface BehaviourShiftRow {
  userId: string;
  username: string;
  displayName: string;
  messagesBefore: number;
  messagesNow: number;
  typingBefore: number;
  typingNow: number;
  onlineSecondsBefore: number;
  onlineSecondsNow: number;
  platformsBefore: string[];
  platformsNow: string[];
  messageDrop: boolean;
  messageSpike: boolean;
  typingSpike: boolean;
  newPlatform: boolean;
  score: number;
}

/** Microseconds of `[start, stop)` inside `[lo, hi)`. */
const overlapMicros = (start: string, stop: string, lo: string, hi: string) =>
  `GREATEST(0, extract(epoch FROM LEAST(${stop}, ${hi}) - GREATEST(${start}, ${lo})) * 1000000)`;

/**
 * Presence pieces (raw snapshots, or rolled-up buckets) of both windows, in time order per
 * member: a piece's own online time is inside it ("innerMicros"); its last snapshot, when not
 * offline, is online until the next piece begins (or $5, the end of online time), which is
 * split between the windows. Messages and typing are summed from activity pieces the same way.
 * Then one GROUP BY per member (no joins between aggregates, whose row estimates mislead the
 * planner into nested loops). $2 previous from, $3 current from (= previous to), $4 current to,
 * $5 end of online time (the earlier of `to` and `now`). Only members with a flag are
 * returned, by score descending, then Discord id.
 */
const listBehaviourShiftsSql = (presence: string, activity: string) => `
  WITH pieces AS (
    SELECT p.*, LEAST(COALESCE(lead(p."firstAt") OVER (PARTITION BY p."userId"
        ORDER BY p."firstAt", p."lastAt"), $5), $5) AS stop
    FROM (${presence}) p
  ), online AS (
    SELECT s."userId",
      round((COALESCE(sum(s."innerMicros") FILTER (WHERE s."firstAt" < $3), 0)
        + COALESCE(sum(${overlapMicros('s."lastAt"', 's.stop', '$2', '$3')}) FILTER (WHERE s."lastOnline"), 0)
        ) / 1000000)::int AS before,
      round((COALESCE(sum(s."innerMicros") FILTER (WHERE s."firstAt" >= $3), 0)
        + COALESCE(sum(${overlapMicros('s."lastAt"', 's.stop', '$3', '$4')}) FILTER (WHERE s."lastOnline"), 0)
        ) / 1000000)::int AS now,
      ${platformsArraySql('COALESCE(bit_or(s.mask) FILTER (WHERE s."firstAt" < $3), 0)')} AS platforms_before,
      ${platformsArraySql('COALESCE(bit_or(s.mask) FILTER (WHERE s."firstAt" >= $3), 0)')} AS platforms_now
    FROM pieces s GROUP BY s."userId" HAVING sum(s.online) > 0
  ), figures AS (
    SELECT a."userId", sum(a.mb)::int AS mb, sum(a.mn)::int AS mn, sum(a.tb)::int AS tb,
      sum(a.tn)::int AS tn, sum(a.ob)::int AS ob, sum(a.onow)::int AS onow,
      COALESCE(max(a.pb), '{}') AS pb, COALESCE(max(a.pn), '{}') AS pn
    FROM (
      SELECT e."userId", CASE WHEN e.at < $3 THEN e.messages ELSE 0 END AS mb,
        CASE WHEN e.at >= $3 THEN e.messages ELSE 0 END AS mn,
        CASE WHEN e.at < $3 THEN e.typing ELSE 0 END AS tb,
        CASE WHEN e.at >= $3 THEN e.typing ELSE 0 END AS tn,
        0 AS ob, 0 AS onow, NULL::text[] AS pb, NULL::text[] AS pn
      FROM (${activity}) e
      UNION ALL
      SELECT o."userId", 0, 0, 0, 0, o.before, o.now, o.platforms_before, o.platforms_now
      FROM online o
    ) a
    GROUP BY a."userId"
  ), flagged AS (
    SELECT f.*,
      f.mb >= $6 AND f.mn = 0 AS msg_drop,
      f.mn >= $7::numeric * f.mb AND f.mn - f.mb >= $8 AS msg_spike,
      f.tn > $9::numeric * f.tb AND f.tb >= $10 AS typing_spike,
      cardinality(f.pb) > 0 AND NOT f.pn <@ f.pb AS new_platform
    FROM figures f
  ), scored AS (
    SELECT f.*, msg_drop::int + msg_spike::int + typing_spike::int + new_platform::int AS score
    FROM flagged f
  )
  SELECT u."discordId" AS "userId", u.username,
    COALESCE(gm.nick, u."globalName", u.username) AS "displayName",
    s.mb AS "messagesBefore", s.mn AS "messagesNow", s.tb AS "typingBefore", s.tn AS "typingNow",
    s.ob AS "onlineSecondsBefore", s.onow AS "onlineSecondsNow",
    s.pb AS "platformsBefore", s.pn AS "platformsNow",
    s.msg_drop AS "messageDrop", s.msg_spike AS "messageSpike", s.typing_spike AS "typingSpike",
    s.new_platform AS "newPlatform", s.score
  FROM scored s
  JOIN "User" u ON u.id = s."userId"
  LEFT JOIN "GuildMember" gm ON gm."guildId" = $1 AND gm."userId" = s."userId"
  WHERE s.score > 0 AND ${notOptedOutSql('u."discordId"', '$1')}
  ORDER BY s.score DESC, u."discordId"
  LIMIT $11`;

/** Members whose current window differs from the previous one by at least one flag. */
export const listBehaviourShifts = async (
  db: Queryable,
  query: AnalyticsQuery,
  rules: ShiftRules,
): Promise<BehaviourShiftRow[]> => {
  const previous = toPreviousWindow(query.window);
  const onlineEnd = Math.min(query.window.to.getTime(), query.now.getTime());
  const plan = await getRollupPlan(db, [previous, query.window], query.now);
  const params = createSqlParams([
    query.guildId,
    previous.from,
    query.window.from,
    query.window.to,
    new Date(onlineEnd),
    rules.dropMinMessages,
    rules.spikeRatio,
    rules.spikeMinIncrease,
    rules.typingRatio,
    rules.typingMinBefore,
    query.limit,
  ]);
  const presence = presencePiecesSql(plan, params, '$1');
  const activity = activityPiecesSql(plan, params, '$1');
  return runAnalyticsQuery<BehaviourShiftRow>(
    db,
    listBehaviourShiftsSql(presence, activity),
    params.values,
  );
};
