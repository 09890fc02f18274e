import { createHash } from 'node:crypto';
import { type AnalyticsQuery, toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getComparedTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import type { RollupPlan, TimeRange } from '../../rollups/plan-rollup-ranges.ts';
import { activityPiecesSql, timingSumsSql } from './activity-pieces-sql.ts';
import {
  countNames,
  escalatedRolesSql,
  factsCountColumnsSql,
  factsCtesSql,
  factsJoinSql,
  gapVariationSql,
  type SuspicionInputRow,
  suspicionCountsSql,
  timingPiecesSql,
} from './list-suspicion-inputs.ts';
import { memberSumsSql } from './member-totals-sql.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsSnapshot } from './run-analytics-query.ts';
import {
  BASE_WINDOW_MS,
  baseDeltaRanges,
  baseWindowQuery,
  newestBaseEnd,
  rawPlan,
} from './scored-ahead.ts';
import { createSqlParams, type SqlParams } from './sql-params.ts';

/**
 * What ranks members by suspicion: the factors' thresholds and weights (the analytics part's,
 * see to-suspicion-factors.ts and score-suspicion.ts) and who joined in a raid burst.
 */
export interface SuspicionRanking {
  ghostMinPresence: number;
  ghostMaxMessages: number;
  lurkerMinPresence: number;
  minMessageGaps: number;
  dropMinMessages: number;
  spikeRatio: number;
  spikeMinIncrease: number;
  typingRatio: number;
  typingMinBefore: number;
  /** Weight per factor, by the factor names of score-suspicion.ts. */
  weights: Readonly<Record<SuspicionFactorKey, number>>;
  /** Discord ids of the members who joined in a raid burst. */
  raiderIds: readonly string[];
}

/** The factors, as score-suspicion.ts names them. */
export type SuspicionFactorKey =
  | 'ghost'
  | 'lurker'
  | 'multiClient'
  | 'newAccount'
  | 'roleEscalation'
  | 'behaviourShift'
  | 'timingRegularity'
  | 'raidJoin';

/** A ranked member: the inputs, whether they joined in a raid burst, and the total. */
export interface SuspicionTopRow extends SuspicionInputRow {
  inRaidBurst: boolean;
  total: number;
}

/** JavaScript's Math.round then clamped to 0–100, on a float8 expression. */
const clampSql = (x: string) => `LEAST(100, GREATEST(0, floor((${x}) + 0.5)))`;

/**
 * Each factor's value (0–100) from a row `i` of the inputs, exactly as toSuspicionFactorValues
 * computes it in JavaScript — the same float8 operations in the same order, Math.round as
 * floor(x + 0.5) — so that the members ranked here are the ones the analytics part would rank
 * first (the rollups equivalence test compares both on every member).
 */
const factorValuesSql = (
  p: Record<keyof Omit<SuspicionRanking, 'weights' | 'raiderIds'>, string>,
) => ({
  ghost: `CASE WHEN i."presenceCount" >= ${p.ghostMinPresence} AND i.messages <= ${p.ghostMaxMessages}
    THEN ${clampSql('i."presenceCount"::float8 / (i.messages + 1)')} ELSE 0 END`,
  lurker: `CASE WHEN i."presenceCount" >= ${p.lurkerMinPresence}
    AND i.messages + i.typing + i.reactions = 0 THEN 100 ELSE 0 END`,
  multiClient: `CASE WHEN i.snapshots = 0 THEN 0
    ELSE ${clampSql('(100 * i."multiClientSnapshots")::float8 / i.snapshots')} END`,
  newAccount: `CASE WHEN i."accountAgeAtJoinMs" IS NULL THEN 0
    WHEN i."accountAgeAtJoinMs" / 86400000::float8 < 1 THEN 100
    WHEN i."accountAgeAtJoinMs" / 86400000::float8 < 7 THEN 70
    WHEN i."accountAgeAtJoinMs" / 86400000::float8 < 30 THEN 30 ELSE 0 END`,
  roleEscalation: `CASE WHEN cardinality(i."escalatedRoleIds") > 0 THEN 100 ELSE 0 END`,
  behaviourShift: clampSql(`(100 * (
      (i."previousMessages" >= ${p.dropMinMessages} AND i.messages = 0)::int
      + (i.messages >= ${p.spikeRatio} * i."previousMessages"
        AND i.messages >= i."previousMessages" + ${p.spikeMinIncrease})::int
      + (i."previousTyping" >= ${p.typingMinBefore} AND i.typing > ${p.typingRatio} * i."previousTyping")::int
    ))::float8 / 3`),
  timingRegularity: `CASE WHEN i."messageGaps" >= ${p.minMessageGaps} AND i."gapVariation" IS NOT NULL
    THEN ${clampSql('((1::float8 - i."gapVariation") / 0.9::float8) * 100::float8')} ELSE 0 END`,
  raidJoin: `CASE WHEN i."inRaidBurst" THEN 100 ELSE 0 END`,
});

const thresholdNames = [
  'ghostMinPresence',
  'ghostMaxMessages',
  'lurkerMinPresence',
  'minMessageGaps',
  'dropMinMessages',
  'spikeRatio',
  'spikeMinIncrease',
  'typingRatio',
  'typingMinBefore',
] as const;

/**
 * The guild $1's members not opted out, by internal id only: the ranking needs no names, and
 * the listed members are named at the end (joining every member to User cost about a tenth of
 * the statement on the benchmark dataset).
 */
const rankedMembersSql = `
    SELECT gm."userId" FROM "GuildMember" gm
    WHERE gm."guildId" = $1 AND gm."userId" NOT IN ${optedOutUserIdsSql('$1')}`;

/** The columns of a ranked row after the member's Discord id and names. */
const factNames = [
  'presenceCount',
  'snapshots',
  'multiClientSnapshots',
  'messages',
  'previousMessages',
  'typing',
  'previousTyping',
  'reactions',
  'messageGaps',
  'escalatedRoleIds',
  'accountAgeAtJoinMs',
  'gapVariation',
  'inRaidBurst',
] as const satisfies readonly (keyof SuspicionTopRow)[];

/** The thresholds of `ranking` as parameters, cast as JavaScript compares them. */
export const thresholdParams = (params: SqlParams, ranking: SuspicionScoring) =>
  // Counts are integers; the ratios may be fractional, multiplied as JavaScript does (float8).
  Object.fromEntries(
    thresholdNames.map((name) => [
      name,
      `${params.add(ranking[name])}::${name.endsWith('Ratio') ? 'float8' : 'int'}`,
    ]),
  ) as Record<(typeof thresholdNames)[number], string>;

/**
 * The suspicion total (int, 0–100) of a row `i` of inputs (the columns of SuspicionTopRow's
 * facts), as suspicionTotal computes it: the weighted factor values over the weights' sum,
 * rounded. `p`: the thresholds' parameters (thresholdParams).
 */
export const suspicionTotalSql = (
  params: SqlParams,
  ranking: SuspicionScoring,
  p: ReturnType<typeof thresholdParams>,
): string => {
  const values = factorValuesSql(p);
  const weights = Object.entries(ranking.weights) as [SuspicionFactorKey, number][];
  const weightSum = weights.reduce((sum, [, w]) => sum + w, 0);
  const weighted = weights
    .map(([name, w]) => `${params.add(w)}::float8 * (${values[name]})`)
    .join('\n      + ');
  return weightSum === 0
    ? '0'
    : `(floor((${weighted}) / ${params.add(weightSum)}::float8 + 0.5))::int`;
};

/** A ranking without its raiders: what MemberSuspicionBase's totals were computed with. */
export type SuspicionScoring = Omit<SuspicionRanking, 'raiderIds'>;

/**
 * A digest naming `scoring`'s thresholds and weights, stored with each MemberSuspicionBase
 * total: totals computed under other ones (older defaults, weights passed to one call) are
 * never read as this scoring's. The weights in their own order, the order the total sums them
 * in (float8).
 */
export const suspicionScoringKey = (scoring: SuspicionScoring): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        thresholdNames.map((name) => scoring[name]),
        Object.entries(scoring.weights),
      ]),
    )
    .digest('hex')
    .slice(0, 16);

/**
 * Where a ranking reads MemberSuspicionBase: its end, the scoring key its totals carry, and
 * the rows between it and the request's windows (`ends`: per member, signed counts).
 */
interface BaseRead {
  endsAt: string;
  scoring: string;
  ends: string;
}

/** The count columns stored with a member's inputs in MemberSuspicionBase `b`. */
const storedCounts: Record<(typeof countNames)[number], string> = {
  presence: 'b."presenceCount"',
  snapshots: 'b.snapshots',
  multi: 'b."multiClientSnapshots"',
  messages: 'b.messages',
  previousMessages: 'b."previousMessages"',
  typing: 'b.typing',
  previousTyping: 'b."previousTyping"',
  reactions: 'b.reactions',
};

/**
 * The raw rows between a base ending at `endsAt` (its window [endsAt − 7 d, endsAt), the one
 * before it [endsAt − 14 d, endsAt − 7 d)) and a request's 7-day window [from, to) with
 * to ≥ endsAt: per member (one row each) the signed counts of countNames — [endsAt, to) added
 * to the window; [endsAt − 7 d, from) taken from it and added to the previous window;
 * [endsAt − 14 d, from − 7 d) taken from the previous window — and "moved", the messages in
 * the first two (the window's message timing changed). Raw rows only: each range is as long as
 * the time since the base was written.
 */
const baseEndsSql = (params: SqlParams, endsAt: Date, window: TimeRange): string => {
  const ranges = baseDeltaRanges(endsAt, window);
  const [added, moved, dropped] = [
    rawPlan(ranges.added),
    rawPlan(ranges.moved),
    rawPlan(ranges.dropped),
  ];
  const row = (values: string[]) =>
    [...countNames, 'moved'].map((c, i) => `${values[i] ?? '0'} AS "${c}"`).join(', ');
  const presence = (plan: RollupPlan, sign: '' | '-') =>
    plan.raw.length === 0
      ? []
      : [
          `SELECT p."userId", ${row([`${sign}p.online`, `${sign}p.snapshots`, `${sign}p."multiKey"`])}
        FROM (${presencePiecesSql(plan, params, '$1')}) p`,
        ];
  const activity = (plan: RollupPlan, values: string[]) =>
    plan.raw.length === 0
      ? []
      : [
          `SELECT a."userId", ${row(values)}
        FROM (${activityPiecesSql(plan, params, '$1')}) a`,
        ];
  const branches = [
    ...presence(added, ''),
    ...presence(moved, '-'),
    ...activity(added, [
      '0',
      '0',
      '0',
      'a.messages',
      '0',
      'a.typing',
      '0',
      'a.reactions',
      'a.messages',
    ]),
    ...activity(moved, [
      '0',
      '0',
      '0',
      '-a.messages',
      'a.messages',
      '-a.typing',
      'a.typing',
      '-a.reactions',
      'a.messages',
    ]),
    ...activity(dropped, ['0', '0', '0', '0', '-a.messages', '0', '-a.typing', '0', '0']),
  ];
  return memberSumsSql('', branches, [...countNames, 'moved']);
};

/**
 * The CTEs of factsCtesSql when MemberSuspicionBase is read (`base`), for the members scored
 * afresh only (`fresh`), and what the stored totals need (`kept`):
 *
 * - end_sums: per member, the rows between the base and the windows (baseEndsSql);
 * - touched, fresh: the members (not opted out) something changed for since the base — rows
 *   between the base and the windows, a role added since the base window's start (powerful or
 *   not: a role's permissions may have changed), a join after the base's end (the account age
 *   is at the latest join before the window's end), a raid burst — with their stored inputs if
 *   any. Stored rows are written for every member and deleted only with the member's own rows
 *   (erasure, opt-out, purge), so a stored row is a member; the others are looked up. For
 *   every other member with stored inputs they are the window's, so is the stored total; a
 *   member with neither stored inputs nor changes (new since the base, nothing done) has none
 *   at all, and ranks with the total of no inputs (see listSuspicionTop);
 * - counts: the stored counts plus end_sums (`unstored`: every count of the window, for the
 *   members without stored inputs), and whether the message timing is read again (`timed`:
 *   no stored inputs, or messages moved in or out of the window) or is the stored variation;
 *   ages: the stored age, or the latest join before the window's end.
 */
const freshCtesSql = (base: BaseRead, raiders: string, unstoredCounts: string) => {
  const joinedSince = `SELECT e."userId" FROM "MemberEvent" e
        WHERE e."guildId" = $1 AND e.type = 'join' AND e.timestamp >= ${base.endsAt} AND e.timestamp < $3`;
  const sum = (c: (typeof countNames)[number]) =>
    `CASE WHEN f.stored THEN f."${c}" + coalesce(x."${c}", 0) ELSE coalesce(u."${c}", 0) END::int AS "${c}"`;
  return `end_sums AS MATERIALIZED (${base.ends}
  ), touched AS MATERIALIZED (
    SELECT "userId" FROM end_sums
    UNION
    SELECT rc."userId" FROM "RoleChange" rc
    WHERE rc."guildId" = $1 AND rc.timestamp >= ${base.endsAt}::timestamptz - interval '7 days'
      AND rc.timestamp < $3 AND rc.action = 'added'
    UNION
    ${joinedSince}
    UNION
    SELECT x.id FROM "User" x WHERE x."discordId" = ANY(${raiders}::text[])
  ), fresh AS MATERIALIZED (
    SELECT t."userId", b."userId" IS NOT NULL AS stored, b."accountAgeAtJoinMs" AS age,
      b."gapVariation", ${countNames.map((c) => `${storedCounts[c]} AS "${c}"`).join(', ')}
    FROM touched t
    LEFT JOIN "MemberSuspicionBase" b ON b."guildId" = $1 AND b."endsAt" = ${base.endsAt}
      AND b.scoring = ${base.scoring} AND b."userId" = t."userId"
    WHERE t."userId" NOT IN ${optedOutUserIdsSql('$1')}
      AND (b."userId" IS NOT NULL
        OR EXISTS (SELECT 1 FROM "GuildMember" gm WHERE gm."guildId" = $1 AND gm."userId" = t."userId"))
  ), members AS (SELECT "userId" FROM fresh
  ), unstored AS (${unstoredCounts}
  ), counts AS (
    SELECT f."userId", ${countNames.map(sum).join(', ')},
      NOT f.stored OR coalesce(x.moved, 0) <> 0 AS timed, f."gapVariation" AS "storedVariation"
    FROM fresh f
    LEFT JOIN end_sums x ON x."userId" = f."userId"
    LEFT JOIN unstored u ON u."userId" = f."userId"
  ), roles AS (${escalatedRolesSql}
  ), ages AS (
    SELECT f."userId", CASE WHEN f.stored AND f."userId" NOT IN (${joinedSince}) THEN f.age ELSE (
        SELECT extract(epoch FROM e.timestamp - e."accountCreatedAt")::float8 * 1000
        FROM "MemberEvent" e
        WHERE e."guildId" = $1 AND e."userId" = f."userId" AND e.type = 'join' AND e.timestamp < $3
        ORDER BY e.timestamp DESC LIMIT 1) END AS age
    FROM fresh f
  )`;
};

/**
 * MemberSuspicionBase's stored inputs as a row of inputs (`b`): no role escalation nor raid
 * join there (members with either are scored afresh).
 */
const baseFactsSql = `b."presenceCount", b.snapshots, b."multiClientSnapshots", b.messages,
      b."previousMessages", b.typing, b."previousTyping", b.reactions,
      GREATEST(b.messages - 1, 0) AS "messageGaps", '{}'::text[] AS "escalatedRoleIds",
      b."accountAgeAtJoinMs", b."gapVariation", false AS "inRaidBurst"`;

/**
 * The `limit` members of MemberSuspicionBase with the highest totals (and those tied with the
 * last), as rows of inputs with their totals: read backwards through the total's index,
 * leaving out the members scored afresh, opted-out users and those no longer members.
 */
const keptSql = (base: BaseRead, limitSql: string) => `
    SELECT b."userId", ${baseFactsSql}, b.total
    FROM "MemberSuspicionBase" b
    WHERE b."guildId" = $1 AND b."endsAt" = ${base.endsAt} AND b.scoring = ${base.scoring}
      AND b."userId" NOT IN (SELECT "userId" FROM fresh)
      AND b."userId" NOT IN ${optedOutUserIdsSql('$1')}
      AND EXISTS (SELECT 1 FROM "GuildMember" gm WHERE gm."guildId" = $1 AND gm."userId" = b."userId")
    ORDER BY b.total DESC
    FETCH FIRST ${limitSql} ROWS WITH TIES`;

/**
 * The CTEs up to `inputs`, one row per member (every member's, or with `base` the fresh
 * ones') with the columns of SuspicionTopRow's facts, and the thresholds' parameters.
 * `counts` (every member's, suspicionCountsSql) is read for the members without stored inputs
 * only when `base` is given.
 */
const inputsSql = (
  params: SqlParams,
  ranking: SuspicionRanking,
  counts: string,
  minMessagesSql: string,
  timing: string,
  base: BaseRead | null,
) => {
  const p = thresholdParams(params, ranking);
  const raiders = params.add(ranking.raiderIds);
  const ctes = base ? freshCtesSql(base, raiders, counts) : factsCtesSql(counts, rankedMembersSql);
  const sql = `
  WITH ${ctes}, candidates AS MATERIALIZED (
    SELECT "userId" FROM counts WHERE messages >= ${minMessagesSql}::int${base ? ' AND timed' : ''}
  ), timing AS (${timingSumsSql(timing)}
  ), inputs AS (
    SELECT mb."userId", ${factsCountColumnsSql},
      CASE WHEN GREATEST(coalesce(c.messages, 0) - 1, 0) >= ${p.minMessageGaps} AND t.n > 0
        THEN ${gapVariationSql('t')}${base ? ' WHEN NOT c.timed THEN c."storedVariation"' : ''} END AS "gapVariation",
      mb."userId" IN (SELECT x.id FROM "User" x WHERE x."discordId" = ANY(${raiders}::text[])) AS "inRaidBurst"
    FROM ${factsJoinSql}
    LEFT JOIN timing t ON t."userId" = mb."userId"
  )`;
  return { sql, total: suspicionTotalSql(params, ranking, p) };
};

/**
 * The ranking statement: the members' inputs (inputsSql), their totals, the first `limit`
 * with ties (with `base`, and the stored ones'), named and ordered by total and Discord id.
 */
const rankedSql = (
  params: SqlParams,
  ranking: SuspicionRanking,
  counts: string,
  minMessagesSql: string,
  timing: string,
  limitSql: string,
  base: BaseRead | null,
) => {
  const inputs = inputsSql(params, ranking, counts, minMessagesSql, timing, base);
  const facts = factNames.map((name) => `r."${name}"`).join(', ');
  const kept = base ? `\n    UNION ALL (${keptSql(base, limitSql)}\n    )` : '';
  // The total of a member with no inputs at all (see listSuspicionTop).
  const zero = base
    ? `, zero AS (
    SELECT ${inputs.total} AS total
    FROM (SELECT 0 AS "presenceCount", 0 AS snapshots, 0 AS "multiClientSnapshots", 0 AS messages,
      0 AS "previousMessages", 0 AS typing, 0 AS "previousTyping", 0 AS reactions,
      0 AS "messageGaps", '{}'::text[] AS "escalatedRoleIds", NULL::float8 AS "accountAgeAtJoinMs",
      NULL::float8 AS "gapVariation", false AS "inRaidBurst") i
  )`
    : '';
  // MATERIALIZED: inlined, the planner expected a handful of ranked rows and joined them to
  // every User row in a nested loop (benchmark dataset: 390 of 560 ms).
  return `${inputs.sql}${zero}, ranked AS MATERIALIZED ((
    SELECT i.*, ${inputs.total} AS total
    FROM inputs i
    ORDER BY total DESC
    FETCH FIRST ${limitSql} ROWS WITH TIES
    )${kept}
  )
  SELECT u."discordId" AS "userId", u.username, coalesce(u."globalName", u.username) AS "displayName",
    ${facts}, r.total${base ? ', (SELECT total FROM zero) AS "zeroTotal"' : ''}
  FROM ranked r JOIN "User" u ON u.id = r."userId"
  ORDER BY r.total DESC, u."discordId"
  LIMIT ${limitSql}`;
};

/**
 * The statement that writes the guild's MemberSuspicionBase rows ending at `endsAt`: every
 * member's suspicion inputs for the 7 days before it (and the 7 before those), read as a
 * request reads them, with no raid join, and their total under `scoring` (named by its key).
 */
export const suspicionBaseInsert = async (
  db: Queryable,
  guildId: string,
  endsAt: Date,
  scoring: SuspicionScoring,
): Promise<{ sql: string; values: unknown[] }> => {
  const query = baseWindowQuery(guildId, endsAt);
  const [before, now] = await getComparedTotalsPlans(
    db,
    guildId,
    toPreviousWindow(query.window),
    query.window,
  );
  const params = createSqlParams([guildId, query.window.from, query.window.to]);
  const counts = suspicionCountsSql([before, now], params, undefined);
  const minMessages = params.add(scoring.minMessageGaps + 1);
  const timing = await timingPiecesSql(db, query, now, params, '(SELECT "userId" FROM candidates)');
  const ranking = { ...scoring, raiderIds: [] };
  const inputs = inputsSql(params, ranking, counts, minMessages, timing, null);
  const key = params.add(suspicionScoringKey(scoring));
  const coversFrom = params.add(new Date(endsAt.getTime() - 2 * BASE_WINDOW_MS));
  const sql = `${inputs.sql}
  INSERT INTO "MemberSuspicionBase" ("guildId", "endsAt", "coversFrom", "userId", scoring, total,
    "presenceCount", snapshots, "multiClientSnapshots", messages, "previousMessages", typing,
    "previousTyping", reactions, "accountAgeAtJoinMs", "gapVariation")
  SELECT $1, $3, ${coversFrom}, i."userId", ${key}, ${inputs.total}, i."presenceCount", i.snapshots,
    i."multiClientSnapshots", i.messages, i."previousMessages", i.typing, i."previousTyping",
    i.reactions, i."accountAgeAtJoinMs", i."gapVariation"
  FROM inputs i`;
  return { sql, values: params.values };
};

/**
 * The MemberSuspicionBase read of a ranking, or null when no base can stand for the window:
 * the newest base of this scoring must end at most BASE_MAX_LAG_MS before the window's end,
 * and the window must be 7 days long (the base's windows then differ from the request's by
 * the rows of baseEndsSql).
 */
const baseReadOf = async (
  db: Queryable,
  query: AnalyticsQuery,
  params: SqlParams,
  scoring: SuspicionScoring,
): Promise<BaseRead | null> => {
  const key = suspicionScoringKey(scoring);
  const endsAt = await newestBaseEnd(db, 'MemberSuspicionBase', 'scoring', query, key, [
    'presence',
    'messages',
    'typing',
    'reactions',
  ]);
  if (!endsAt) return null;
  return {
    endsAt: params.add(endsAt),
    scoring: params.add(key),
    ends: baseEndsSql(params, endsAt, query.window),
  };
};

/**
 * The `query.limit` members of the guild ranked first by suspicion total (ties by Discord id),
 * with their inputs: every member is scored in the database — the factor values and the
 * weighted total as the analytics part computes them (see factorValuesSql) — and only the
 * listed ones are sent back, instead of every member's inputs to be scored in JavaScript
 * (40,000 rows on the benchmark dataset: a third of the call went into sending and parsing
 * them). One statement: the counts, then the message timing of the members with enough
 * messages among them (listed once, read through the per-member indexes), roles and account
 * ages; members are ranked by internal id, and the totals at or above the last listed one are
 * named and ordered by Discord id. The ranking may be a promise (its raiders still being read:
 * the plans are read meanwhile). When the rollup job's MemberSuspicionBase stands for the
 * window (baseReadOf), only the members something changed for since it are scored; the others'
 * totals are read from it (see freshCtesSql). `options.useBase: false` never reads it.
 */
export const listSuspicionTop = async (
  db: Queryable,
  query: AnalyticsQuery,
  rankingOrPending: SuspicionRanking | Promise<SuspicionRanking>,
  options: { useBase?: boolean } = {},
): Promise<SuspicionTopRow[]> => {
  // A ranking still pending (its raiders being read) is awaited after the plans are read.
  const pending = Promise.resolve(rankingOrPending);
  // Handled here so a rejection while the plans are read does not count as unhandled; it is
  // thrown where the ranking is awaited.
  pending.catch(() => undefined);
  const previous = toPreviousWindow(query.window);
  const [before, now] = await getComparedTotalsPlans(db, query.guildId, previous, query.window);
  // $1–$3 as factsCtesSql reads them.
  const params = createSqlParams([query.guildId, query.window.from, query.window.to]);
  const limit = params.add(query.limit);
  const ranking = await pending;
  // The base's end and its rows from one snapshot: the job deletes a base two runs later.
  const read = await runAnalyticsSnapshot(
    db,
    async (tx) => {
      const base = options.useBase === false ? null : await baseReadOf(tx, query, params, ranking);
      const counts = suspicionCountsSql(
        [before, now],
        params,
        base ? '(SELECT "userId" FROM fresh WHERE NOT stored)' : undefined,
      );
      const minMessages = params.add(ranking.minMessageGaps + 1);
      // The members with enough messages for their timing, listed once for every branch that
      // reads it.
      const timing = await timingPiecesSql(
        tx,
        query,
        now,
        params,
        '(SELECT "userId" FROM candidates)',
      );
      const rows = await tx.query<SuspicionTopRow & { zeroTotal?: number }>(
        rankedSql(params, ranking, counts, minMessages, timing, limit, base),
        params.values,
      );
      return [{ base: base !== null, rows }];
    },
    // The ranked rows with ties are sorted whole (no top-N heap): 40,000 of them spilled
    // about 5 MB to disk at the default work_mem.
    { workMem: '16MB' },
  );
  const { base, rows } = read[0] ?? { base: false, rows: [] };
  if (!base) return rows;
  // Members with neither stored inputs nor changes since the base (new, nothing done) were not
  // ranked: they have no inputs, so their total is the zero one. They cannot reach a list whose
  // last total is above it; otherwise (a small guild, a long list) every member is scored.
  const last = rows.at(-1);
  if (rows.length < query.limit || !last || last.total <= (last.zeroTotal ?? 0)) {
    return listSuspicionTop(db, query, ranking, { useBase: false });
  }
  return rows.map(({ zeroTotal: _, ...row }) => row);
};
