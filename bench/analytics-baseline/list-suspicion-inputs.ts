import { type AnalyticsQuery, toPreviousWindow } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

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

/** Two or more platforms in one snapshot (clientStatus lists only platforms that are not offline). */
const MULTI_CLIENT = `(("clientStatus" ? 'desktop')::int + ("clientStatus" ? 'mobile')::int
  + ("clientStatus" ? 'web')::int + ("clientStatus" ? 'embedded')::int) >= 2`;

/** Placeholders of the facts' columns a branch does not fill (sums ignore 0, max ignores NULL). */
const zeros = (n: number) => Array.from({ length: n }, () => '0').join(', ');
const nulls = 'NULL::float8 AS cv, NULL::text[] AS roles, NULL::float8 AS age';

/**
 * The facts of each source as one row per member and source; the branches' column order:
 * presence, snapshots, multi, messages, previousMessages, typing, previousTyping, reactions,
 * gaps, cv, roles, age.
 */
const inWindow = (from: string) =>
  `"guildId" = $1 AND timestamp >= ${from} AND timestamp < $3
   AND "userId" IN (SELECT "userId" FROM members)`;

/**
 * The suspicion inputs of every member of the guild (or only `userDiscordId`), ordered by
 * Discord id. One aggregated row per member: nothing is scored here.
 */
export const listSuspicionInputs = (
  db: Queryable,
  query: AnalyticsQuery,
  userDiscordId: string | null,
): Promise<SuspicionInputRow[]> =>
  db.query<SuspicionInputRow>(
    `WITH members AS (
       SELECT gm."userId", u."discordId", u.username, coalesce(u."globalName", u.username) AS "displayName"
       FROM "GuildMember" gm JOIN "User" u ON u.id = gm."userId"
       WHERE gm."guildId" = $1 AND ($5::text IS NULL OR u."discordId" = $5)
         AND ${notOptedOutSql('u."discordId"', 'gm."guildId"')}
     ), facts AS (
       SELECT "userId", count(*) FILTER (WHERE status <> 'offline') AS presence, count(*) AS snapshots,
              count(*) FILTER (WHERE ${MULTI_CLIENT}) AS multi, 0 AS messages,
              0 AS "previousMessages", 0 AS typing, 0 AS "previousTyping", 0 AS reactions, 0 AS gaps, ${nulls}
       FROM "Presence" WHERE ${inWindow('$2')} GROUP BY 1
       UNION ALL
       SELECT "userId", ${zeros(3)}, count(*) FILTER (WHERE timestamp >= $2), count(*) FILTER (WHERE timestamp < $2),
              ${zeros(4)}, ${nulls}
       FROM "Message" WHERE ${inWindow('$4')} GROUP BY 1
       UNION ALL
       SELECT "userId", ${zeros(8)}, count(gap), (stddev_pop(gap) / nullif(avg(gap), 0))::float8, NULL, NULL
       FROM (SELECT "userId", extract(epoch FROM timestamp - lag(timestamp) OVER (PARTITION BY "userId" ORDER BY timestamp)) AS gap
             FROM "Message" WHERE ${inWindow('$2')}) x
       GROUP BY 1
       UNION ALL
       SELECT "userId", ${zeros(5)}, count(*) FILTER (WHERE timestamp >= $2), count(*) FILTER (WHERE timestamp < $2),
              ${zeros(2)}, ${nulls}
       FROM "TypingEvent" WHERE ${inWindow('$4')} GROUP BY 1
       UNION ALL
       SELECT "userId", ${zeros(7)}, count(*), 0, ${nulls}
       FROM "ReactionEvent" WHERE ${inWindow('$2')} GROUP BY 1
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
     ORDER BY mb."discordId"`,
    [
      query.guildId,
      query.window.from.toISOString(),
      query.window.to.toISOString(),
      toPreviousWindow(query.window).from.toISOString(),
      userDiscordId,
    ],
  );
