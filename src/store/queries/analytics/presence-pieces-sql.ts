import type { RollupPlan } from '../../rollups/plan-rollup-ranges.ts';
import { listedMaskOfSql, onlineMaskOfSql, platformCountSql } from './client-platforms-sql.ts';
import type { SqlParams } from './sql-params.ts';

/** `AND column IN usersSql`, or nothing without `usersSql`. */
export const onlyUsersSql = (column: string, usersSql: string | undefined) =>
  usersSql ? `AND ${column} IN ${usersSql}` : '';

/**
 * {@link onlyUsersSql} for raw snapshots: the members as an array, so that PostgreSQL reads
 * each one's snapshots through the per-member index ("userId", timestamp) instead of every
 * snapshot of the range joined to them — the planner cannot see that a listed top is a few
 * dozen members (benchmark dataset, shifts' 50: 9,979 snapshots read for 363).
 */
const onlyUsersArraySql = (column: string, usersSql: string | undefined) =>
  usersSql ? `AND ${column} = ANY(ARRAY${usersSql})` : '';

/**
 * A relation of presence "pieces" of the guild `guildSql` over `plan`: one per raw snapshot in
 * the raw ranges and one per rolled-up bucket (PresenceRollup) in the rolled ranges, with the
 * same columns, so an aggregate over pieces equals the aggregate over every snapshot:
 * "userId", "firstAt", "lastAt", "lastOnline", snapshots, online (non-offline snapshots),
 * multi (non-offline with ≥ 2 platforms), "multiKey" (≥ 2 platforms listed, any status), mask
 * (platforms of non-offline snapshots), "firstOnlineAt", "lastOnlineAt", "firstMultiAt",
 * "lastMultiAt", "innerMicros" (online time of snapshots followed by another in the piece).
 * `usersSql` (e.g. `(SELECT "userId" FROM top)`) restricts every branch to those members.
 */
export const presencePiecesSql = (
  plan: RollupPlan,
  params: SqlParams,
  guildSql: string,
  usersSql?: string,
) => {
  const only = (column: string) => onlyUsersSql(column, usersSql);
  const raw = plan.raw.map(
    (r) => `SELECT "userId", ts AS "firstAt", ts AS "lastAt", o AS "lastOnline", 1 AS snapshots,
        o::int AS online, (o AND ${platformCountSql('m')} >= 2)::int AS multi, (k >= 2)::int AS "multiKey",
        CASE WHEN o THEN m ELSE 0 END AS mask,
        CASE WHEN o THEN ts END AS "firstOnlineAt", CASE WHEN o THEN ts END AS "lastOnlineAt",
        CASE WHEN o AND ${platformCountSql('m')} >= 2 THEN ts END AS "firstMultiAt",
        CASE WHEN o AND ${platformCountSql('m')} >= 2 THEN ts END AS "lastMultiAt",
        0::bigint AS "innerMicros"
      FROM (SELECT p."userId", p.timestamp AS ts, p.status <> 'offline' AS o,
              ${onlineMaskOfSql('p.platforms')} AS m, ${platformCountSql(listedMaskOfSql('p.platforms'))} AS k
            FROM "Presence" p
            WHERE p."guildId" = ${guildSql} AND p.timestamp >= ${params.add(r.from)}
              AND p.timestamp < ${params.add(r.to)} ${onlyUsersArraySql('p."userId"', usersSql)}) s`,
  );
  const rolled = plan.rolled.map(
    (r) => `SELECT "userId", "firstAt", "lastAt", "lastOnline", snapshots,
        "nonOfflineSnapshots" AS online, "multiClientSnapshots" AS multi, "multiKeySnapshots" AS "multiKey",
        "platformsMask" AS mask, "firstOnlineAt", "lastOnlineAt", "firstMultiAt", "lastMultiAt",
        "innerOnlineMicros" AS "innerMicros"
      FROM "PresenceRollup"
      WHERE "guildId" = ${guildSql} AND "bucketHours" = ${r.bucketHours}
        AND bucket >= ${params.add(r.from)} AND bucket < ${params.add(r.to)} ${only('"userId"')}`,
  );
  return [...raw, ...rolled].join('\n      UNION ALL\n      ');
};

/**
 * Multi-client snapshots of the guild `guildSql` over `plan` by platform combination:
 * "userId", mask, snapshots (raw snapshots and PresenceComboRollup rows alike).
 */
export const presenceCombosSql = (
  plan: RollupPlan,
  params: SqlParams,
  guildSql: string,
  usersSql?: string,
) => {
  const only = (column: string) => onlyUsersSql(column, usersSql);
  const raw = plan.raw.map(
    (r) => `SELECT "userId", m AS mask, 1 AS snapshots
      FROM (SELECT p."userId", ${onlineMaskOfSql('p.platforms')} AS m FROM "Presence" p
            WHERE p."guildId" = ${guildSql} AND p.status <> 'offline'
              AND p.timestamp >= ${params.add(r.from)} AND p.timestamp < ${params.add(r.to)}
              ${onlyUsersArraySql('p."userId"', usersSql)}) s
      WHERE ${platformCountSql('m')} >= 2`,
  );
  const rolled = plan.rolled.map(
    (r) => `SELECT "userId", "platformsMask" AS mask, snapshots FROM "PresenceComboRollup"
      WHERE "guildId" = ${guildSql} AND "bucketHours" = ${r.bucketHours}
        AND bucket >= ${params.add(r.from)} AND bucket < ${params.add(r.to)} ${only('"userId"')}`,
  );
  return [...raw, ...rolled].join('\n      UNION ALL\n      ');
};
