import { type AnalyticsQuery, toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getComparedTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import { timingSumsSql } from './activity-pieces-sql.ts';
import {
  factsCountColumnsSql,
  factsCtesSql,
  factsJoinSql,
  gapVariationSql,
  type SuspicionInputRow,
  suspicionCountsSql,
  timingPiecesSql,
} from './list-suspicion-inputs.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
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

const rankedSql = (
  params: SqlParams,
  ranking: SuspicionRanking,
  counts: string,
  minMessagesSql: string,
  timing: string,
  limitSql: string,
) => {
  // Counts are integers; the ratios may be fractional, multiplied as JavaScript does (float8).
  const p = Object.fromEntries(
    thresholdNames.map((name) => [
      name,
      `${params.add(ranking[name])}::${name.endsWith('Ratio') ? 'float8' : 'int'}`,
    ]),
  ) as Record<(typeof thresholdNames)[number], string>;
  const values = factorValuesSql(p);
  const weights = Object.entries(ranking.weights) as [SuspicionFactorKey, number][];
  const weightSum = weights.reduce((sum, [, w]) => sum + w, 0);
  const weighted = weights
    .map(([name, w]) => `${params.add(w)}::float8 * (${values[name]})`)
    .join('\n      + ');
  const total =
    weightSum === 0 ? '0' : `floor((${weighted}) / ${params.add(weightSum)}::float8 + 0.5)`;
  const raiders = params.add(ranking.raiderIds);
  const facts = factNames.map((name) => `r."${name}"`).join(', ');
  return `
  WITH ${factsCtesSql(counts, rankedMembersSql)}, candidates AS MATERIALIZED (
    SELECT "userId" FROM counts WHERE messages >= ${minMessagesSql}::int
  ), timing AS (${timingSumsSql(timing)}
  ), inputs AS (
    SELECT mb."userId", ${factsCountColumnsSql},
      CASE WHEN GREATEST(coalesce(c.messages, 0) - 1, 0) >= ${p.minMessageGaps} AND t.n > 0
        THEN ${gapVariationSql('t')} END AS "gapVariation",
      mb."userId" IN (SELECT x.id FROM "User" x WHERE x."discordId" = ANY(${raiders}::text[])) AS "inRaidBurst"
    FROM ${factsJoinSql}
    LEFT JOIN timing t ON t."userId" = mb."userId"
  ), ranked AS (
    SELECT i.*, (${total})::int AS total
    FROM inputs i
    ORDER BY total DESC
    FETCH FIRST ${limitSql} ROWS WITH TIES
  )
  SELECT u."discordId" AS "userId", u.username, coalesce(u."globalName", u.username) AS "displayName",
    ${facts}, r.total
  FROM ranked r JOIN "User" u ON u.id = r."userId"
  ORDER BY r.total DESC, u."discordId"
  LIMIT ${limitSql}`;
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
 * named and ordered by Discord id.
 */
export const listSuspicionTop = async (
  db: Queryable,
  query: AnalyticsQuery,
  ranking: SuspicionRanking,
): Promise<SuspicionTopRow[]> => {
  const previous = toPreviousWindow(query.window);
  const [before, now] = await getComparedTotalsPlans(db, query.guildId, previous, query.window);
  // $1–$3 as factsCtesSql reads them.
  const params = createSqlParams([query.guildId, query.window.from, query.window.to]);
  const limit = params.add(query.limit);
  const counts = suspicionCountsSql([before, now], params, undefined);
  const minMessages = params.add(ranking.minMessageGaps + 1);
  // The members with enough messages for their timing, listed once for every branch that reads it.
  const timing = await timingPiecesSql(db, query, now, params, '(SELECT "userId" FROM candidates)');
  return runAnalyticsQuery<SuspicionTopRow>(
    db,
    rankedSql(params, ranking, counts, minMessages, timing, limit),
    params.values,
    // The ranked rows with ties are sorted whole (no top-N heap): 40,000 of them spilled
    // about 5 MB to disk at the default work_mem.
    { workMem: '16MB' },
  );
};
