import type { RollupPlan } from '../../rollups/plan-rollup-ranges.ts';
import { onlyUsersSql } from './presence-pieces-sql.ts';
import type { SqlParams } from './sql-params.ts';

/**
 * A relation of activity "pieces" of the guild `guildSql` over `plan`: one per raw message,
 * typing event and reaction in the raw ranges, one per ActivityRollup row (member, channel,
 * bucket) in the rolled ranges: "userId", "channelId", messages, typing, reactions, "at" (the
 * piece's time, for splitting windows). Aggregates over pieces equal those over the events.
 * `usersSql` (e.g. `(SELECT "userId" FROM members)`) restricts every branch to those members.
 */
export const activityPiecesSql = (
  plan: RollupPlan,
  params: SqlParams,
  guildSql: string,
  usersSql?: string,
) => {
  const rawBranches = plan.raw.flatMap((r) => {
    const from = params.add(r.from);
    const to = params.add(r.to);
    const where = `e."guildId" = ${guildSql} AND e.timestamp >= ${from} AND e.timestamp < ${to} ${onlyUsersSql('e."userId"', usersSql)}`;
    return [
      `SELECT e."userId", e."channelId", 1 AS messages, 0 AS typing, 0 AS reactions, e.timestamp AS at FROM "Message" e WHERE ${where}`,
      `SELECT e."userId", e."channelId", 0, 1, 0, e.timestamp FROM "TypingEvent" e WHERE ${where}`,
      `SELECT e."userId", e."channelId", 0, 0, 1, e.timestamp FROM "ReactionEvent" e WHERE ${where}`,
    ];
  });
  const rolled = plan.rolled.map(
    (r) => `SELECT "userId", "channelId", messages, typing, reactions, bucket AS at
      FROM "ActivityRollup"
      WHERE "guildId" = ${guildSql} AND "bucketHours" = ${r.bucketHours}
        AND bucket >= ${params.add(r.from)} AND bucket < ${params.add(r.to)}
        ${onlyUsersSql('"userId"', usersSql)}`,
  );
  return [...rawBranches, ...rolled].join('\n      UNION ALL\n      ');
};

/**
 * The timing of the guild's messages over `plan` as pieces: one per raw message, one per member
 * and rolled-up bucket: "userId", "firstAt", "lastAt", gaps (between consecutive messages
 * inside the piece), "gapSeconds" and "gapSquares" (their sum and sum of squares).
 * `usersSql` restricts every branch to those members (read through the per-member indexes).
 */
export const messageTimingPiecesSql = (
  plan: RollupPlan,
  params: SqlParams,
  guildSql: string,
  usersSql?: string,
) => {
  const raw = plan.raw.map(
    (r) => `SELECT e."userId", e.timestamp AS "firstAt", e.timestamp AS "lastAt", 0 AS gaps,
        0::numeric AS "gapSeconds", 0::numeric AS "gapSquares"
      FROM "Message" e WHERE e."guildId" = ${guildSql}
        AND e.timestamp >= ${params.add(r.from)} AND e.timestamp < ${params.add(r.to)}
        ${onlyUsersSql('e."userId"', usersSql)}`,
  );
  const rolled = plan.rolled.map(
    (r) => `SELECT "userId", min("firstMessageAt") AS "firstAt", max("lastMessageAt") AS "lastAt",
        sum("messageGaps")::int AS gaps, sum("gapSeconds") AS "gapSeconds", sum("gapSquares") AS "gapSquares"
      FROM "ActivityRollup"
      WHERE "guildId" = ${guildSql} AND "bucketHours" = ${r.bucketHours} AND messages > 0
        AND bucket >= ${params.add(r.from)} AND bucket < ${params.add(r.to)}
        ${onlyUsersSql('"userId"', usersSql)}
      GROUP BY "userId", bucket`,
  );
  return [...raw, ...rolled].join('\n      UNION ALL\n      ');
};

/**
 * Per member, the message timing of `pieces` (from {@link messageTimingPiecesSql}, or pieces
 * with the same columns; any number per member, never overlapping in time): "firstAt",
 * "lastAt", and the gaps between consecutive messages — each piece's own plus those between
 * consecutive pieces — as n (how many), s (their sum) and q (the sum of their squares), in
 * seconds, exact (numeric).
 */
export const timingSumsSql = (pieces: string) => `
    SELECT t."userId", min(t."firstAt") AS "firstAt", max(t."lastAt") AS "lastAt",
      sum(t.gaps) + count(t.cross_gap) AS n,
      sum(t."gapSeconds") + COALESCE(sum(t.cross_gap), 0) AS s,
      sum(t."gapSquares") + COALESCE(sum(t.cross_gap * t.cross_gap), 0) AS q
    FROM (
      SELECT p.*, extract(epoch FROM p."firstAt" - lag(p."lastAt") OVER (PARTITION BY p."userId"
        ORDER BY p."firstAt", p."lastAt")) AS cross_gap
      FROM (${pieces}) p
    ) t
    GROUP BY t."userId"`;
