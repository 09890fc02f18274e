import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import { toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getComparedTotalsPlans, getRollupPlan } from '../../rollups/get-rollup-plan.ts';
import type { TotalsPlan } from '../../rollups/plan-totals.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { platformsArraySql } from './client-platforms-sql.ts';
import { memberSumsSql, signedSql, windowsEndsSql, windowsTotalsSql } from './member-totals-sql.ts';
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

const counted = ['messages', 'typing', ...platformHours] as const;
/** A count's column for window `w` (0 previous, 1 current), e.g. "messages_1". */
const columnOf = (column: string, w: number) => `${column}_${w}`;

/**
 * Both windows' counts per member (see memberSumsSql): messages, typing, and per platform
 * (desktop, mobile, web, embedded) a count that is positive when the platform was seen not
 * offline — hours from the running totals for whole days (both windows' days read once), one
 * per piece showing it at the ends (the hours where the windows meet read once for both).
 */
const bothWindowsSumsSql = (plans: [TotalsPlan, TotalsPlan], params: SqlParams): string => {
  const ends = windowsEndsSql(plans, (rest, signs) => {
    const row = (values: Record<(typeof counted)[number], string>) =>
      ([0, 1] as const)
        .flatMap((w) =>
          counted.map((c) => `${signedSql(signs[w] ?? 0, values[c])} AS "${columnOf(c, w)}"`),
        )
        .join(', ');
    const platforms = Object.fromEntries(
      platformHours.map((c, bit) => [c, `((p.mask >> ${bit}) & 1)`]),
    ) as Record<(typeof platformHours)[number], string>;
    const none = Object.fromEntries(platformHours.map((c) => [c, '0'])) as typeof platforms;
    return `SELECT p."userId", ${row({ messages: '0', typing: '0', ...platforms })}
      FROM (${presencePiecesSql(rest, params, '$1')}) p
      UNION ALL
      SELECT a."userId", ${row({ messages: 'a.messages', typing: 'a.typing', ...none })}
      FROM (${activityPiecesSql(rest, params, '$1')}) a`;
  });
  return memberSumsSql(
    windowsTotalsSql(
      plans.map((plan, w) => ({
        range: plan.totals,
        columns: Object.fromEntries(counted.map((c) => [columnOf(c, w), c])),
      })),
      params,
      '$1',
    ),
    ends,
    ([0, 1] as const).flatMap((w) => counted.map((c) => columnOf(c, w))),
  );
};

/** The mask (desktop 1, mobile 2, web 4, embedded 8) of the platforms seen in window `w`. */
const platformsMaskSql = (w: 0 | 1) =>
  platformHours.map((c, bit) => `((s."${columnOf(c, w)}" > 0)::int << ${bit})`).join(' | ');

/**
 * Per member, messages, typing and platforms of both windows (`sums`, one row per member);
 * the flags and their number; members with a flag ranked by score (ties by Discord id) before
 * they are named; then online time only for the listed members, from their presence pieces
 * of both windows in time order (through the per-member rollup indexes): a piece's own online
 * time is inside it ("innerMicros"); its last snapshot, when not offline, is online until the
 * next piece begins (or $5, the end of online time), split between the windows. $2 previous
 * from, $3 current from (= previous to), $4 current to, $5 end of online time (the earlier of
 * `to` and `now`).
 */
const listBehaviourShiftsSql = (sums: string, listedPresence: string) => `
  WITH per AS (
    SELECT s."userId", s."messages_0" AS mb, s."messages_1" AS mn, s."typing_0" AS tb,
      s."typing_1" AS tn, ${platformsMaskSql(0)} AS pb, ${platformsMaskSql(1)} AS pn
    FROM (${sums}) s
  ), flagged AS (
    SELECT p.*,
      p.mb >= $6 AND p.mn = 0 AS msg_drop,
      p.mn >= $7::float8 * p.mb AND p.mn - p.mb >= $8 AS msg_spike,
      p.tn > $9::float8 * p.tb AND p.tb >= $10 AS typing_spike,
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
 * Members whose current window differs from the previous one by at least one flag: sums per
 * member and window over whole days from the running totals (the windows' three or four days
 * read once each), the ends from rollups and raw rows; online time read for the listed members
 * only.
 */
export const listBehaviourShifts = async (
  db: Queryable,
  query: AnalyticsQuery,
  rules: ShiftRules,
): Promise<BehaviourShiftRow[]> => {
  const previous = toPreviousWindow(query.window);
  const onlineEnd = Math.min(query.window.to.getTime(), query.now.getTime());
  const [before, now] = await getComparedTotalsPlans(db, query.guildId, previous, query.window);
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
  const sums = bothWindowsSumsSql([before, now], params);
  const whole = await getRollupPlan(db, [previous, query.window], query.now);
  const listed = presencePiecesSql(whole, params, '$1', '(SELECT "userId" FROM top)');
  return runAnalyticsQuery<BehaviourShiftRow>(
    db,
    listBehaviourShiftsSql(sums, listed),
    params.values,
  );
};
