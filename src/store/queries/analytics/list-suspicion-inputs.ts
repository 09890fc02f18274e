import { type AnalyticsQuery, toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan } from '../../rollups/get-rollup-plan.ts';
import { activityPiecesSql, messageTimingPiecesSql } from './activity-pieces-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

/** Per member, the counts the suspicion factors are computed from. */
export interface SuspicionInputRow {
  userId: string;
  username: string;
  displayName: string;
  /** Non-offline snapshots in the window. */
  presenceCount: number;
  snapshots: number;
  multiClientSnapshots: number;
  messages: number;
  previousMessages: number;
  typing: number;
  previousTyping: number;
  reactions: number;
  /** Gaps between consecutive messages in the window, and their coefficient of variation. */
  messageGaps: number;
  gapVariation: number | null;
  /** Roles granting Administrator, Manage Server, Manage Roles, Ban or Kick added in the window. */
  escalatedRoleIds: string[];
  /** Account age at the member's latest join before the window's end; null if none recorded. */
  accountAgeAtJoinMs: number | null;
}

/** Administrator | Manage Server | Manage Roles | Ban Members | Kick Members (Discord permission bits). */
const POWERFUL_PERMISSIONS = (0x8 | 0x20 | 0x10000000 | 0x4 | 0x2).toString();
/** 2^29: the bitfield can outgrow bigint; its low 29 bits hold every bit we test. */
const PERMISSION_BITS_MODULUS = '536870912';

/** Placeholders of the facts' columns a branch does not fill (sums ignore 0, max ignores NULL). */
const zeros = (n: number) => Array.from({ length: n }, () => '0').join(', ');
const nulls = 'NULL::float8 AS cv, NULL::text[] AS roles, NULL::float8 AS age';

/**
 * The facts of each source as one row per member and source; the branches' column order:
 * presence, snapshots, multi, messages, previousMessages, typing, previousTyping, reactions,
 * gaps, cv, roles, age. Presence, activity and message timing come from rollups for whole
 * rolled-up hours and from raw rows elsewhere; timing regularity is the coefficient of
 * variation of the gaps between consecutive messages (pieces carry their inner gaps' count,
 * sum and sum of squares; the gaps between pieces are added).
 */
const suspicionSql = (sources: { presence: string; activity: string; timing: string }) => `
  WITH members AS (
    SELECT gm."userId", u."discordId", u.username, coalesce(u."globalName", u.username) AS "displayName"
    FROM "GuildMember" gm JOIN "User" u ON u.id = gm."userId"
    WHERE gm."guildId" = $1 AND ($4::text IS NULL OR u."discordId" = $4)
      AND ${notOptedOutSql('u."discordId"', 'gm."guildId"')}
  ), timing AS (
    SELECT t.*, extract(epoch FROM t."firstAt" - lag(t."lastAt") OVER (PARTITION BY t."userId"
      ORDER BY t."firstAt", t."lastAt")) AS cross_gap
    FROM (${sources.timing}) t WHERE t."userId" IN (SELECT "userId" FROM members)
  ), timing_sums AS (
    SELECT "userId", sum(gaps) + count(cross_gap) AS n, sum("gapSeconds") + COALESCE(sum(cross_gap), 0) AS s,
      sum("gapSquares") + COALESCE(sum(cross_gap * cross_gap), 0) AS q
    FROM timing GROUP BY 1
  ), facts AS (
    SELECT "userId", sum(online) AS presence, sum(snapshots) AS snapshots, sum("multiKey") AS multi,
           0 AS messages, 0 AS "previousMessages", 0 AS typing, 0 AS "previousTyping",
           0 AS reactions, 0 AS gaps, ${nulls}
    FROM (${sources.presence}) p WHERE "userId" IN (SELECT "userId" FROM members) GROUP BY 1
    UNION ALL
    SELECT "userId", ${zeros(3)},
           sum(messages) FILTER (WHERE at >= $2), sum(messages) FILTER (WHERE at < $2),
           sum(typing) FILTER (WHERE at >= $2), sum(typing) FILTER (WHERE at < $2),
           sum(reactions) FILTER (WHERE at >= $2), 0, ${nulls}
    FROM (${sources.activity}) a WHERE "userId" IN (SELECT "userId" FROM members) GROUP BY 1
    UNION ALL
    SELECT "userId", ${zeros(8)}, n,
           CASE WHEN n > 0 THEN (sqrt(GREATEST(n * q - s * s, 0) / (n * n)) / nullif(s / n, 0))::float8 END,
           NULL, NULL
    FROM timing_sums
    UNION ALL
    SELECT rc."userId", ${zeros(9)}, NULL, array_agg(DISTINCT rc."roleId" ORDER BY rc."roleId"), NULL
    FROM "RoleChange" rc JOIN "GuildRole" gr ON gr.id = rc."roleId"
    WHERE rc."guildId" = $1 AND rc.timestamp >= $2 AND rc.timestamp < $3 AND rc.action = 'added'
      AND ((gr.permissions::numeric % ${PERMISSION_BITS_MODULUS})::bigint & ${POWERFUL_PERMISSIONS}) <> 0
    GROUP BY 1
    UNION ALL
    (SELECT DISTINCT ON ("userId") "userId", ${zeros(9)}, NULL, NULL,
           extract(epoch FROM timestamp - "accountCreatedAt")::float8 * 1000
    FROM "MemberEvent" WHERE "guildId" = $1 AND type = 'join' AND timestamp < $3
    ORDER BY "userId", timestamp DESC)
  ), per AS (
    SELECT "userId", sum(presence)::int AS presence, sum(snapshots)::int AS snapshots,
           sum(multi)::int AS multi, sum(messages)::int AS messages,
           sum("previousMessages")::int AS "previousMessages", sum(typing)::int AS typing,
           sum("previousTyping")::int AS "previousTyping", sum(reactions)::int AS reactions,
           sum(gaps)::int AS gaps, max(cv) AS cv, max(roles) AS roles, max(age) AS age
    FROM facts GROUP BY 1
  )
  SELECT mb."discordId" AS "userId", mb.username, mb."displayName",
         coalesce(per.presence, 0) AS "presenceCount", coalesce(per.snapshots, 0) AS snapshots,
         coalesce(per.multi, 0) AS "multiClientSnapshots", coalesce(per.messages, 0) AS messages,
         coalesce(per."previousMessages", 0) AS "previousMessages", coalesce(per.typing, 0) AS typing,
         coalesce(per."previousTyping", 0) AS "previousTyping", coalesce(per.reactions, 0) AS reactions,
         coalesce(per.gaps, 0) AS "messageGaps", per.cv AS "gapVariation",
         coalesce(per.roles, '{}') AS "escalatedRoleIds", per.age AS "accountAgeAtJoinMs"
  FROM members mb LEFT JOIN per USING ("userId")
  ORDER BY mb."discordId"`;

/**
 * The suspicion inputs of every member of the guild (or only `userDiscordId`), ordered by
 * Discord id. One aggregated row per member: nothing is scored here.
 */
export const listSuspicionInputs = async (
  db: Queryable,
  query: AnalyticsQuery,
  userDiscordId: string | null,
): Promise<SuspicionInputRow[]> => {
  const previous = toPreviousWindow(query.window);
  const windowPlan = await getRollupPlan(db, [query.window], query.now);
  const bothPlan = await getRollupPlan(db, [previous, query.window], query.now);
  const params = createSqlParams([
    query.guildId,
    query.window.from,
    query.window.to,
    userDiscordId,
  ]);
  const sources = {
    presence: presencePiecesSql(windowPlan, params, '$1'),
    activity: activityPiecesSql(bothPlan, params, '$1'),
    timing: messageTimingPiecesSql(windowPlan, params, '$1'),
  };
  return runAnalyticsQuery<SuspicionInputRow>(db, suspicionSql(sources), params.values);
};
