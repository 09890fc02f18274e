import { createHash } from 'node:crypto';
import { type AnalyticsQuery, toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import {
  getComparedTotalsPlans,
  getRollupPlan,
  getTotalsPlans,
} from '../../rollups/get-rollup-plan.ts';
import type { TimeRange } from '../../rollups/plan-rollup-ranges.ts';
import type { TotalsPlan } from '../../rollups/plan-totals.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { platformsArraySql } from './client-platforms-sql.ts';
import { memberSumsSql, signedSql, windowsEndsSql, windowsTotalsSql } from './member-totals-sql.ts';
import { namedTopSql } from './named-top-sql.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsSnapshot } from './run-analytics-query.ts';
import {
  BASE_MAX_LAG_MS,
  BASE_WINDOW_MS,
  baseDeltaRanges,
  baseWindowQuery,
  newestBaseEnd,
  rawPlan,
} from './scored-ahead.ts';
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
type Counted = (typeof counted)[number];
/** A count's column for window `w` (0 previous, 1 current, …), e.g. "messages_1". */
const columnOf = (column: string, w: number) => `${column}_${w}`;

/**
 * Several windows' counts per member (see memberSumsSql): each window's `columns[w]` of
 * messages, typing, and per platform (desktop, mobile, web, embedded) a count that is positive
 * when the platform was seen not offline — hours from the running totals for whole days (every
 * window's days read once), one per piece showing it at the ends (each stretch of the ends read
 * once for every window). `usersSql` restricts every read to those members.
 */
const windowsSumsSql = (
  plans: readonly TotalsPlan[],
  columns: readonly (readonly Counted[])[],
  params: SqlParams,
  usersSql?: string,
): string => {
  const ends = windowsEndsSql(plans, (rest, signs) => {
    const row = (values: Record<Counted, string>) =>
      plans
        .flatMap((_, w) =>
          (columns[w] ?? []).map(
            (c) => `${signedSql(signs[w] ?? 0, values[c])} AS "${columnOf(c, w)}"`,
          ),
        )
        .join(', ');
    const platforms = Object.fromEntries(
      platformHours.map((c, bit) => [c, `((p.mask >> ${bit}) & 1)`]),
    ) as Record<(typeof platformHours)[number], string>;
    const none = Object.fromEntries(platformHours.map((c) => [c, '0'])) as typeof platforms;
    return `SELECT p."userId", ${row({ messages: '0', typing: '0', ...platforms })}
      FROM (${presencePiecesSql(rest, params, '$1', usersSql)}) p
      UNION ALL
      SELECT a."userId", ${row({ messages: 'a.messages', typing: 'a.typing', ...none })}
      FROM (${activityPiecesSql(rest, params, '$1', usersSql)}) a`;
  });
  return memberSumsSql(
    windowsTotalsSql(
      plans.map((plan, w) => ({
        range: plan.totals,
        columns: Object.fromEntries((columns[w] ?? []).map((c) => [columnOf(c, w), c])),
      })),
      params,
      '$1',
      usersSql,
    ),
    ends,
    plans.flatMap((_, w) => (columns[w] ?? []).map((c) => columnOf(c, w))),
  );
};

/** Both windows' counts (see windowsSumsSql): window 0 the previous one, 1 the current one. */
const bothWindowsSumsSql = (plans: [TotalsPlan, TotalsPlan], params: SqlParams): string =>
  windowsSumsSql(plans, [counted, counted], params);

/** The mask (desktop 1, mobile 2, web 4, embedded 8) of the platforms seen in window `w`. */
const platformsMaskSql = (w: number) =>
  platformHours.map((c, bit) => `((s."${columnOf(c, w)}" > 0)::int << ${bit})`).join(' | ');

/** The thresholds of `rules` as parameters, cast as JavaScript compares them. */
const rulesParams = (params: SqlParams, rules: ShiftRules): Record<keyof ShiftRules, string> => ({
  dropMinMessages: `${params.add(rules.dropMinMessages)}::int`,
  spikeRatio: `${params.add(rules.spikeRatio)}::float8`,
  spikeMinIncrease: `${params.add(rules.spikeMinIncrease)}::int`,
  typingRatio: `${params.add(rules.typingRatio)}::float8`,
  typingMinBefore: `${params.add(rules.typingMinBefore)}::int`,
});

/** The flags of a row `p` of both windows' figures (mb, mn, tb, tn, pb, pn) under rules `r`. */
const flagsSql = (r: Record<keyof ShiftRules, string>, p = 'p') => `
      ${p}.mb >= ${r.dropMinMessages} AND ${p}.mn = 0 AS msg_drop,
      ${p}.mn >= ${r.spikeRatio} * ${p}.mb AND ${p}.mn - ${p}.mb >= ${r.spikeMinIncrease} AS msg_spike,
      ${p}.tn > ${r.typingRatio} * ${p}.tb AND ${p}.tb >= ${r.typingMinBefore} AS typing_spike,
      ${p}.pb <> 0 AND (${p}.pn & ~${p}.pb) <> 0 AS new_platform`;

/** The number of flags of a row `f` of flagsSql. */
const scoreSql = (f = 'f') =>
  `${f}.msg_drop::int + ${f}.msg_spike::int + ${f}.typing_spike::int + ${f}.new_platform::int`;

/**
 * Every member of `sums` (windowsSumsSql, windows 0 and 1) as figures: mb, mn, tb, tn, pb, pn;
 * with `late`, also windows 2 and 3's platforms as "latePb" and "latePn".
 */
const figuresSql = (sums: string, late = false) => `
    SELECT s."userId", s."messages_0" AS mb, s."messages_1" AS mn, s."typing_0" AS tb,
      s."typing_1" AS tn, ${platformsMaskSql(0)} AS pb, ${platformsMaskSql(1)} AS pn${
        late
          ? `,
      ${platformsMaskSql(2)} AS "latePb", ${platformsMaskSql(3)} AS "latePn"`
          : ''
      }
    FROM (${sums}) s`;

/**
 * `name`: the members of the relation `per` (one row of figures each, figuresSql) with at least
 * one flag, with their flags and score (the flags' number).
 */
const scoredCteSql = (
  per: string,
  r: Record<keyof ShiftRules, string>,
  name: string,
) => `${name} AS (
    SELECT f.* FROM (
      SELECT f.*, ${scoreSql()} AS score
      FROM (SELECT p.*, ${flagsSql(r)} FROM ${per} p) f
    ) f WHERE f.score > 0
  )`;

/** Where a request reads MemberShiftBase: the base's end and its rules' key, as parameters. */
interface ShiftBaseRead {
  endsAt: string;
  rules: string;
}

/**
 * Per member with raw rows between the base ending at `endsAt` and the window (see
 * baseDeltaRanges; one row each): the signed changes of both windows' messages and typing
 * (mb, mn, tb, tn), and the platforms of the presence rows added to the window ("added"),
 * moved from it to the previous one ("moved") and dropped from the previous one ("dropped").
 * Raw rows only: each range is as long as the time since the base was written.
 */
const deltasSql = (params: SqlParams, endsAt: Date, window: TimeRange): string => {
  const { added, moved, dropped } = baseDeltaRanges(endsAt, window);
  const columns = ['mb', 'mn', 'tb', 'tn', 'added', 'moved', 'dropped'] as const;
  const row = (values: Partial<Record<(typeof columns)[number], string>>) =>
    columns.map((c) => `${values[c] ?? '0'} AS ${c}`).join(', ');
  const presence = (range: TimeRange, column: 'added' | 'moved' | 'dropped') => {
    const plan = rawPlan(range);
    return plan.raw.length === 0
      ? []
      : [
          `SELECT p."userId", ${row({ [column]: 'p.mask' })}
        FROM (${presencePiecesSql(plan, params, '$1')}) p`,
        ];
  };
  const activity = (range: TimeRange, values: Parameters<typeof row>[0]) => {
    const plan = rawPlan(range);
    return plan.raw.length === 0
      ? []
      : [
          `SELECT a."userId", ${row(values)}
        FROM (${activityPiecesSql(plan, params, '$1')}) a`,
        ];
  };
  const branches = [
    ...presence(added, 'added'),
    ...presence(moved, 'moved'),
    ...presence(dropped, 'dropped'),
    ...activity(added, { mn: 'a.messages', tn: 'a.typing' }),
    ...activity(moved, {
      mb: 'a.messages',
      mn: '-a.messages',
      tb: 'a.typing',
      tn: '-a.typing',
    }),
    ...activity(dropped, { mb: '-a.messages', tb: '-a.typing' }),
  ];
  if (branches.length === 0) {
    return `SELECT NULL::text AS "userId", ${row({})} WHERE false`;
  }
  return `SELECT x."userId", sum(x.mb)::int AS mb, sum(x.mn)::int AS mn, sum(x.tb)::int AS tb,
      sum(x.tn)::int AS tn, bit_or(x.added)::int AS added, bit_or(x.moved)::int AS moved,
      bit_or(x.dropped)::int AS dropped
    FROM (${branches.join('\n      UNION ALL\n      ')}) x
    GROUP BY x."userId"`;
};

/**
 * With a base: the members with raw rows since it (`deltas`, deltasSql) computed from their
 * stored figures and those rows (`fresh`: a member without a stored row had nothing in either
 * window), and the first `limitSql` flagged others in the base's own order (score, then
 * Discord id, read through its index), their flags raised again from the stored figures
 * (`kept`); together `scored`. Platforms: a window keeps its stored mask unless presence rows
 * with platforms left it; then it is the mask seen after its first hour (stored) and, for a
 * member whose platforms differ there (`early`), the platforms seen in the rest of that first
 * hour — the request's window starts within it (BASE_MAX_LAG_MS). Platforms of rows that
 * joined a window are added.
 */
const aheadCtesSql = (
  base: ShiftBaseRead,
  params: SqlParams,
  endsAt: Date,
  window: TimeRange,
  r: Record<keyof ShiftRules, string>,
  limitSql: string,
) => {
  // The stored "late" platforms start BASE_MAX_LAG_MS into each window, where the request's
  // window starts at the latest.
  const hourAfter = (start: number) => new Date(start + BASE_MAX_LAG_MS);
  const previousFrom = new Date(window.from.getTime() - BASE_WINDOW_MS);
  const rest = rawPlan(
    { from: previousFrom, to: hourAfter(endsAt.getTime() - 2 * BASE_WINDOW_MS) },
    { from: window.from, to: hourAfter(endsAt.getTime() - BASE_WINDOW_MS) },
  );
  const early =
    rest.raw.length === 0
      ? `SELECT NULL::text AS "userId", 0 AS before, 0 AS now WHERE false`
      : `SELECT p."userId", COALESCE(bit_or(p.mask) FILTER (WHERE p."firstAt" < $3), 0) AS before,
        COALESCE(bit_or(p.mask) FILTER (WHERE p."firstAt" >= $3), 0) AS now
      FROM (${presencePiecesSql(rest, params, '$1', '(SELECT "userId" FROM fresh WHERE (moved <> 0 AND pn <> "latePn") OR (dropped <> 0 AND pb <> "latePb"))')}) p
      GROUP BY p."userId"`;
  return `deltas AS MATERIALIZED (${deltasSql(params, endsAt, window)}
  ), fresh AS MATERIALIZED (
    SELECT d."userId", COALESCE(b."messagesBefore", 0) + d.mb AS mb,
      COALESCE(b."messagesNow", 0) + d.mn AS mn, COALESCE(b."typingBefore", 0) + d.tb AS tb,
      COALESCE(b."typingNow", 0) + d.tn AS tn, COALESCE(b."platformsBefore", 0)::int AS pb,
      COALESCE(b."platformsNow", 0)::int AS pn, COALESCE(b."latePlatformsBefore", 0)::int AS "latePb",
      COALESCE(b."latePlatformsNow", 0)::int AS "latePn", d.added, d.moved, d.dropped
    FROM deltas d
    LEFT JOIN "MemberShiftBase" b ON b."guildId" = $1 AND b."endsAt" = ${base.endsAt}
      AND b.rules = ${base.rules} AND b."userId" = d."userId"
  ), early AS (${early}
  ), per AS (
    SELECT f."userId", f.mb, f.mn, f.tb, f.tn,
      CASE WHEN f.dropped = 0 THEN f.pb ELSE f."latePb" | COALESCE(e.before, 0) END | f.moved AS pb,
      CASE WHEN f.moved = 0 THEN f.pn ELSE f."latePn" | COALESCE(e.now, 0) END | f.added AS pn
    FROM fresh f
    LEFT JOIN early e ON e."userId" = f."userId"
  ), ${scoredCteSql('per', r, 'afresh')}, kept AS (
    SELECT k."userId", k.mb, k.mn, k.tb, k.tn, k.pb, k.pn, ${flagsSql(r, 'k')}, k.score
    FROM (
      SELECT b."userId", b."messagesBefore" AS mb, b."messagesNow" AS mn, b."typingBefore" AS tb,
        b."typingNow" AS tn, b."platformsBefore"::int AS pb, b."platformsNow"::int AS pn,
        b.score::int AS score
      FROM "MemberShiftBase" b
      WHERE b."guildId" = $1 AND b."endsAt" = ${base.endsAt} AND b.rules = ${base.rules}
        AND b.score > 0
        AND b."userId" NOT IN (SELECT "userId" FROM deltas WHERE "userId" IS NOT NULL)
        AND b."userId" NOT IN ${optedOutUserIdsSql('$1')}
      ORDER BY b.score DESC, b."discordId"
      LIMIT ${limitSql}
    ) k
  ), scored AS (
    SELECT * FROM afresh
    UNION ALL
    SELECT * FROM kept
  )`;
};

/**
 * The ranked, named members of `scored` (`ctes` ends with it) and their online time: members
 * with a flag ranked by score (ties by Discord id) before they are named; then online time
 * only for the listed members, from their presence pieces of both windows in time order
 * (through the per-member rollup indexes): a piece's own online time is inside it
 * ("innerMicros"); its last snapshot, when not offline, is online until the next piece begins
 * (or the end of online time), split between the windows. $2 previous from, $3 current from
 * (= previous to), $4 current to; `onlineEndSql` the end of online time (the earlier of `to`
 * and `now`).
 */
const listBehaviourShiftsSql = (
  ctes: string,
  listedPresence: string,
  onlineEndSql: string,
  limitSql: string,
) => `
  WITH ${ctes}, top AS (${namedTopSql('scored', (a) => `${a}.score DESC`, limitSql, '$1')}
  ), pieces AS (
    SELECT p.*, LEAST(COALESCE(lead(p."firstAt") OVER (PARTITION BY p."userId"
        ORDER BY p."firstAt", p."lastAt"), ${onlineEndSql}), ${onlineEndSql}) AS stop
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
 * A digest naming `rules`, stored with each MemberShiftBase row: flags raised under other
 * thresholds (older defaults, thresholds passed to one call) are never read as these rules'.
 */
export const shiftRulesKey = (rules: ShiftRules): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        rules.dropMinMessages,
        rules.spikeRatio,
        rules.spikeMinIncrease,
        rules.typingRatio,
        rules.typingMinBefore,
      ]),
    )
    .digest('hex')
    .slice(0, 16);

/**
 * The statement that writes the guild's MemberShiftBase rows ending at `endsAt`: every member
 * with anything in the 7 days before it or the 7 before those, computed as a request computes
 * them, with the platforms seen after each window's first hour and the flags under `rules`;
 * opted-out users left out.
 */
export const shiftBaseInsert = async (
  db: Queryable,
  guildId: string,
  endsAt: Date,
  rules: ShiftRules,
): Promise<{ sql: string; values: unknown[] }> => {
  const { window } = baseWindowQuery(guildId, endsAt);
  const previous = toPreviousWindow(window);
  // After the first BASE_MAX_LAG_MS: a request's window starts within it (see aheadCtesSql).
  const late = (w: TimeRange) => ({ from: new Date(w.from.getTime() + BASE_MAX_LAG_MS), to: w.to });
  const plans = await getTotalsPlans(db, guildId, [previous, window, late(previous), late(window)]);
  const params = createSqlParams([guildId]);
  const sums = windowsSumsSql(plans, [counted, counted, platformHours, platformHours], params);
  const sql = `WITH per AS (${figuresSql(sums, true)}
  ), flagged AS (
    SELECT p.*, ${flagsSql(rulesParams(params, rules))} FROM per p
  )
  INSERT INTO "MemberShiftBase" ("guildId", "endsAt", "coversFrom", "userId", rules, score,
    "discordId", "messagesBefore", "messagesNow", "typingBefore", "typingNow", "platformsBefore",
    "platformsNow", "latePlatformsBefore", "latePlatformsNow")
  SELECT $1, ${params.add(endsAt)}, ${params.add(previous.from)}, f."userId",
    ${params.add(shiftRulesKey(rules))}, ${scoreSql()}, u."discordId", f.mb, f.mn, f.tb, f.tn,
    f.pb, f.pn, f."latePb", f."latePn"
  FROM flagged f
  JOIN "User" u ON u.id = f."userId"
  WHERE (f.mb <> 0 OR f.mn <> 0 OR f.tb <> 0 OR f.tn <> 0 OR f.pb <> 0 OR f.pn <> 0)
    AND f."userId" NOT IN ${optedOutUserIdsSql('$1')}`;
  return { sql, values: params.values };
};

/**
 * Members whose current window differs from the previous one by at least one flag: sums per
 * member and window over whole days from the running totals (the windows' three or four days
 * read once each), the ends from rollups and raw rows; online time read for the listed members
 * only. When the rollup job's MemberShiftBase stands for the window (a 7-day window ending
 * within BASE_MAX_LAG_MS of the newest base of these rules), only the members with raw rows
 * between the base and the window are computed, from their stored figures and those rows; the
 * others are read from it (see aheadCtesSql). `options.useBase: false` never reads it.
 */
export const listBehaviourShifts = async (
  db: Queryable,
  query: AnalyticsQuery,
  rules: ShiftRules,
  options: { useBase?: boolean } = {},
): Promise<BehaviourShiftRow[]> => {
  const previous = toPreviousWindow(query.window);
  const onlineEnd = Math.min(query.window.to.getTime(), query.now.getTime());
  const whole = await getRollupPlan(db, [previous, query.window], query.now);
  // $1–$4 as listBehaviourShiftsSql reads them.
  const params = createSqlParams([
    query.guildId,
    previous.from,
    query.window.from,
    query.window.to,
  ]);
  const onlineEndSql = params.add(new Date(onlineEnd));
  const limit = params.add(query.limit);
  const r = rulesParams(params, rules);
  // The base's end and the rows it stands for from one snapshot: the job deletes a base two
  // runs later.
  return runAnalyticsSnapshot<BehaviourShiftRow>(db, async (tx) => {
    const key = shiftRulesKey(rules);
    const endsAt =
      options.useBase === false
        ? null
        : await newestBaseEnd(tx, 'MemberShiftBase', 'rules', query, key, [
            'presence',
            'messages',
            'typing',
          ]);
    let ctes: string;
    if (endsAt) {
      const base = { endsAt: params.add(endsAt), rules: params.add(key) };
      ctes = aheadCtesSql(base, params, endsAt, query.window, r, limit);
    } else {
      const plans = await getComparedTotalsPlans(tx, query.guildId, previous, query.window);
      ctes = `per AS (${figuresSql(bothWindowsSumsSql(plans, params))}
  ), ${scoredCteSql('per', r, 'scored')}`;
    }
    const listed = presencePiecesSql(whole, params, '$1', '(SELECT "userId" FROM top)');
    return tx.query<BehaviourShiftRow>(
      listBehaviourShiftsSql(ctes, listed, onlineEndSql, limit),
      params.values,
    );
  });
};
