import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import { toPreviousWindow } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { clientPlatforms, isPlatformOnlineSql } from './client-platforms-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

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

const seconds = (windowFrom: string, windowTo: string) =>
  `GREATEST(0, extract(epoch FROM LEAST(s.stop, ${windowTo}) - GREATEST(s.start, ${windowFrom})))`;
/** The platforms seen in the snapshots matching `filter`, in Discord's order. */
const platformsSeen = (filter: string) =>
  `array_remove(ARRAY[${clientPlatforms
    .map((name) => `CASE WHEN bool_or(s.${name}) FILTER (WHERE ${filter}) THEN '${name}' END`)
    .join(', ')}], NULL)`;

/**
 * One pass per table, summed per member in a single GROUP BY (no joins between aggregates,
 * whose row estimates mislead the planner into nested loops). $2 previous from, $3 current from (= previous to), $4 current to, $5 end of online time
 * (the earlier of `to` and `now`). Each non-offline snapshot is online from its timestamp to
 * the member's next snapshot (or $5), split across the two windows. Only members with a flag
 * are returned, by score descending, then Discord id.
 */
const LIST_BEHAVIOUR_SHIFTS = `
  WITH snapshots AS (
    SELECT p."userId", p.status, p.timestamp AS start,
      LEAST(COALESCE(lead(p.timestamp) OVER (PARTITION BY p."userId" ORDER BY p.timestamp), $5),
        $5) AS stop,
      ${clientPlatforms
        .map((name) => `${isPlatformOnlineSql('p."clientStatus"', name)} AS ${name}`)
        .join(', ')}
    FROM "Presence" p
    WHERE p."guildId" = $1 AND p.timestamp >= $2 AND p.timestamp < $4
  ), online AS (
    SELECT s."userId", round(sum(${seconds('$2', '$3')}))::int AS before,
      round(sum(${seconds('$3', '$4')}))::int AS now,
      ${platformsSeen('s.start < $3')} AS platforms_before,
      ${platformsSeen('s.start >= $3')} AS platforms_now
    FROM snapshots s WHERE s.status <> 'offline' GROUP BY s."userId"
  ), figures AS (
    SELECT a."userId", sum(a.mb)::int AS mb, sum(a.mn)::int AS mn, sum(a.tb)::int AS tb,
      sum(a.tn)::int AS tn, sum(a.ob)::int AS ob, sum(a.onow)::int AS onow,
      COALESCE(max(a.pb), '{}') AS pb, COALESCE(max(a.pn), '{}') AS pn
    FROM (
      SELECT m."userId", (m.timestamp < $3)::int AS mb, (m.timestamp >= $3)::int AS mn,
        0 AS tb, 0 AS tn, 0 AS ob, 0 AS onow, NULL::text[] AS pb, NULL::text[] AS pn
      FROM "Message" m WHERE m."guildId" = $1 AND m.timestamp >= $2 AND m.timestamp < $4
      UNION ALL
      SELECT t."userId", 0, 0, (t.timestamp < $3)::int, (t.timestamp >= $3)::int, 0, 0, NULL, NULL
      FROM "TypingEvent" t WHERE t."guildId" = $1 AND t.timestamp >= $2 AND t.timestamp < $4
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
export const listBehaviourShifts = (
  db: Queryable,
  query: AnalyticsQuery,
  rules: ShiftRules,
): Promise<BehaviourShiftRow[]> => {
  const previous = toPreviousWindow(query.window);
  const onlineEnd = Math.min(query.window.to.getTime(), query.now.getTime());
  return db.query<BehaviourShiftRow>(LIST_BEHAVIOUR_SHIFTS, [
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
};
