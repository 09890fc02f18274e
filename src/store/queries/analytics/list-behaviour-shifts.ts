import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import { toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan, getTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import type { TotalsPlan } from '../../rollups/plan-totals.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { platformsArraySql } from './client-platforms-sql.ts';
import { memberTotalsSql, totalsEndsSql, unionAllSql } from './member-totals-sql.ts';
import { namedTopSql } from './named-top-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams, type SqlParams } from './sql-params.ts';

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

const platformHours = ['desktopHours', 'mobileHours', 'webHours', 'embeddedHours'] as const;

/**
 * One window's counts as rows to sum per member, tagged `w` (0 previous, 1 current): messages,
 * typing, and per platform (desktop, mobile, web, embedded: ph0…ph3) a count that is positive
 * when the platform was seen not offline — hours from the running totals for whole days, one
 * per piece showing it at the ends.
 */
const windowCountsSql = (plan: TotalsPlan, params: SqlParams, w: 0 | 1): string[] => [
  plan.totals
    ? `SELECT t."userId", ${w} AS w, t.messages, t.typing, ${platformHours.map((c, bit) => `t."${c}" AS ph${bit}`).join(', ')}
      FROM (${memberTotalsSql(plan.totals, params, '$1', ['messages', 'typing', ...platformHours])}) t`
    : '',
  ...totalsEndsSql(
    plan,
    (
      rest,
      sign,
    ) => `SELECT p."userId", ${w} AS w, 0 AS messages, 0 AS typing, ${platformHours.map((_, bit) => `${sign}((p.mask >> ${bit}) & 1) AS ph${bit}`).join(', ')}
      FROM (${presencePiecesSql(rest, params, '$1')}) p
      UNION ALL
      SELECT a."userId", ${w}, ${sign}a.messages, ${sign}a.typing, 0, 0, 0, 0
      FROM (${activityPiecesSql(rest, params, '$1')}) a`,
  ),
];

/** The mask (desktop 1, mobile 2, web 4, embedded 8) of the platforms seen in window `w`. */
const platformsMaskSql = (w: 0 | 1) =>
  platformHours
    .map(
      (_, bit) => `((COALESCE(sum(c.ph${bit}) FILTER (WHERE c.w = ${w}), 0) > 0)::int << ${bit})`,
    )
    .join(' | ');

/**
 * Per member, messages, typing and platforms of both windows from `counts` in one GROUP BY;
 * the flags and their number; members with a flag ranked by score (ties by Discord id) before
 * they are named; then online time only for the listed members, from their presence pieces
 * of both windows in time order (through the per-member rollup indexes): a piece's own online
 * time is inside it ("innerMicros"); its last snapshot, when not offline, is online until the
 * next piece begins (or $5, the end of online time), split between the windows. $2 previous
 * from, $3 current from (= previous to), $4 current to, $5 end of online time (the earlier of
 * `to` and `now`).
 */
const listBehaviourShiftsSql = (counts: string, listedPresence: string) => `
  WITH per AS (
    SELECT c."userId",
      COALESCE(sum(c.messages) FILTER (WHERE c.w = 0), 0)::int AS mb,
      COALESCE(sum(c.messages) FILTER (WHERE c.w = 1), 0)::int AS mn,
      COALESCE(sum(c.typing) FILTER (WHERE c.w = 0), 0)::int AS tb,
      COALESCE(sum(c.typing) FILTER (WHERE c.w = 1), 0)::int AS tn,
      ${platformsMaskSql(0)} AS pb, ${platformsMaskSql(1)} AS pn
    FROM (${counts}) c
    GROUP BY c."userId"
  ), flagged AS (
    SELECT p.*,
      p.mb >= $6 AND p.mn = 0 AS msg_drop,
      p.mn >= $7::numeric * p.mb AND p.mn - p.mb >= $8 AS msg_spike,
      p.tn > $9::numeric * p.tb AND p.tb >= $10 AS typing_spike,
      p.pb <> 0 AND (p.pn & ~p.pb) <> 0 AS new_platform
    FROM per p
  ), scored AS (
    SELECT f.* FROM (
      SELECT f.*, msg_drop::int + msg_spike::int + typing_spike::int + new_platform::int AS score
      FROM flagged f
    ) f WHERE f.score > 0
  ), top AS (${namedTopSql('scored', (a) => `${a}.score DESC`, '$11', '$1')}
  ), pieces AS (
    SELECT p.*, LEAST(COALESCE(lead(p."firstAt") OVER (PARTITION BY p."userId"
        ORDER BY p."firstAt", p."lastAt"), $5), $5) AS stop
    FROM (${listedPresence}) p
  ), online AS (
    SELECT s."userId",
      round((COALESCE(sum(s."innerMicros") FILTER (WHERE s."firstAt" < $3), 0)
        + COALESCE(sum(${overlapMicros('s."lastAt"', 's.stop', '$2', '$3')}) FILTER (WHERE s."lastOnline"), 0)
        ) / 1000000)::int AS before,
      round((COALESCE(sum(s."innerMicros") FILTER (WHERE s."firstAt" >= $3), 0)
        + COALESCE(sum(${overlapMicros('s."lastAt"', 's.stop', '$3', '$4')}) FILTER (WHERE s."lastOnline"), 0)
        ) / 1000000)::int AS now
    FROM pieces s GROUP BY s."userId"
  )
  SELECT t."discordId" AS "userId", t.username, t."displayName",
    t.mb AS "messagesBefore", t.mn AS "messagesNow", t.tb AS "typingBefore", t.tn AS "typingNow",
    COALESCE(o.before, 0) AS "onlineSecondsBefore", COALESCE(o.now, 0) AS "onlineSecondsNow",
    ${platformsArraySql('t.pb')} AS "platformsBefore", ${platformsArraySql('t.pn')} AS "platformsNow",
    t.msg_drop AS "messageDrop", t.msg_spike AS "messageSpike", t.typing_spike AS "typingSpike",
    t.new_platform AS "newPlatform", t.score
  FROM top t
  LEFT JOIN online o ON o."userId" = t."userId"
  ORDER BY t.score DESC, t."discordId"`;

/**
 * Members whose current window differs from the previous one by at least one flag: counts
 * over whole days from the running totals (two rows per member and window), the ends from
 * rollups and raw rows; online time read for the listed members only.
 */
export const listBehaviourShifts = async (
  db: Queryable,
  query: AnalyticsQuery,
  rules: ShiftRules,
): Promise<BehaviourShiftRow[]> => {
  const previous = toPreviousWindow(query.window);
  const onlineEnd = Math.min(query.window.to.getTime(), query.now.getTime());
  const [before, now] = await getTotalsPlans(db, query.guildId, [previous, query.window]);
  if (!before || !now) throw new Error('No plan for the windows.');
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
  const counts = unionAllSql(
    [...windowCountsSql(before, params, 0), ...windowCountsSql(now, params, 1)],
    `NULL::text AS "userId", 0 AS w, 0 AS messages, 0 AS typing, ${platformHours.map((_, bit) => `0 AS ph${bit}`).join(', ')}`,
  );
  const whole = await getRollupPlan(db, [previous, query.window], query.now);
  const listed = presencePiecesSql(whole, params, '$1', '(SELECT "userId" FROM top)');
  return runAnalyticsQuery<BehaviourShiftRow>(
    db,
    listBehaviourShiftsSql(counts, listed),
    params.values,
  );
};
