import { type AnalyticsQuery, toPreviousWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getComparedTotalsPlans, getRollupPlan } from '../../rollups/get-rollup-plan.ts';
import { planReadsAnything } from '../../rollups/plan-rollup-ranges.ts';
import { isTrailingRange, type TotalsPlan } from '../../rollups/plan-totals.ts';
import { trailingSlotRange } from '../../rollups/plan-trailing.ts';
import { activityPiecesSql, messageTimingPiecesSql, timingSumsSql } from './activity-pieces-sql.ts';
import {
  memberSumsSql,
  signedSql,
  totalsEndsSql,
  windowsEndsSql,
  windowsTotalsSql,
} from './member-totals-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams, type SqlParams } from './sql-params.ts';

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
  /**
   * Gaps between consecutive messages in the window (its messages less one), and their
   * coefficient of variation: null when there are fewer gaps than asked for (not computed).
   */
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

/** The counts summed per member over both windows, in the facts' column order. */
export const countNames = [
  'presence',
  'snapshots',
  'multi',
  'messages',
  'previousMessages',
  'typing',
  'previousTyping',
  'reactions',
] as const;

/**
 * Both windows' ends (`plans`: previous, current) as rows to sum per member, with the columns
 * of `countNames`: the current window's presence, activity and reactions, the previous
 * window's messages and typing, from rollups and raw rows (subtracted pieces negative; the
 * hours where the windows meet read once for both).
 */
const bothWindowsEndsSql = (
  plans: [TotalsPlan, TotalsPlan],
  params: SqlParams,
  usersSql: string | undefined,
): string[] =>
  windowsEndsSql(plans, (rest, [before = 0, now = 0]) => {
    const named = (values: string[]) =>
      values.map((v, i) => `${v} AS "${countNames[i]}"`).join(', ');
    const presence =
      now === 0
        ? ''
        : `SELECT p."userId", ${named([signedSql(now, 'p.online'), signedSql(now, 'p.snapshots'), signedSql(now, 'p."multiKey"'), '0', '0', '0', '0', '0'])}
      FROM (${presencePiecesSql(rest, params, '$1', usersSql)}) p
      UNION ALL
      `;
    return `${presence}SELECT x."userId", ${named([
      '0',
      '0',
      '0',
      signedSql(now, 'x.messages'),
      signedSql(before, 'x.messages'),
      signedSql(now, 'x.typing'),
      signedSql(before, 'x.typing'),
      signedSql(now, 'x.reactions'),
    ])}
      FROM (${activityPiecesSql(rest, params, '$1', usersSql)}) x`;
  });

/**
 * Per member (one row each), the counts suspicion needs over the window (`plans`: the previous
 * window's and the window's totals plans): non-offline snapshots ("presence"), snapshots,
 * multi-client ones, messages, typing and reactions, and the previous window's messages and
 * typing.
 */
export const suspicionCountsSql = (
  [before, now]: [TotalsPlan, TotalsPlan],
  params: SqlParams,
  usersSql: string | undefined,
): string =>
  memberSumsSql(
    windowsTotalsSql(
      [
        {
          range: now.totals,
          columns: {
            presence: 'online',
            snapshots: 'snapshots',
            multi: 'multiKey',
            messages: 'messages',
            typing: 'typing',
            reactions: 'reactions',
          },
        },
        {
          range: before.totals,
          columns: { previousMessages: 'messages', previousTyping: 'typing' },
        },
      ],
      params,
      '$1',
      usersSql,
    ),
    bothWindowsEndsSql([before, now], params, usersSql),
    countNames,
  );

/** The guild $1's members (or only the one whose Discord id is `userSql`), not opted out. */
const membersSql = (userSql: string) => `
    SELECT gm."userId", u."discordId", u.username, coalesce(u."globalName", u.username) AS "displayName"
    FROM "GuildMember" gm JOIN "User" u ON u.id = gm."userId"
    WHERE gm."guildId" = $1 AND (${userSql}::text IS NULL OR u."discordId" = ${userSql})
      AND ${notOptedOutSql('u."discordId"', 'gm."guildId"')}`;

/**
 * Per member, the powerful roles added in the window [$2, $3) of the guild $1 (see
 * SuspicionInputRow's escalatedRoleIds): "userId", roles.
 */
export const escalatedRolesSql = `
    SELECT rc."userId", array_agg(DISTINCT rc."roleId" ORDER BY rc."roleId") AS roles
    FROM "RoleChange" rc JOIN "GuildRole" gr ON gr.id = rc."roleId"
    WHERE rc."guildId" = $1 AND rc.timestamp >= $2 AND rc.timestamp < $3 AND rc.action = 'added'
      AND ((gr.permissions::numeric % ${PERMISSION_BITS_MODULUS})::bigint & ${POWERFUL_PERMISSIONS}) <> 0
    GROUP BY 1`;

/**
 * The CTEs of every member's facts but message timing: members (of the guild $1, or only the
 * one whose Discord id is $4), counts (one row per member, see suspicionCountsSql), the
 * powerful roles added in the window [$2, $3) and the account age at the latest join before
 * $3 — each one row per member, joined to the members by {@link factsJoinSql}, not stacked and
 * grouped again (which sorted 52,000 rows to regroup 40,000 on the benchmark dataset).
 */
export const factsCtesSql = (
  counts: string,
  members: string = membersSql('$4'),
) => `members AS (${members}
  ), counts AS (${counts}
  ), roles AS (${escalatedRolesSql}
  ), ages AS (
    SELECT DISTINCT ON ("userId") "userId",
           extract(epoch FROM timestamp - "accountCreatedAt")::float8 * 1000 AS age
    FROM "MemberEvent" WHERE "guildId" = $1 AND type = 'join' AND timestamp < $3
    ORDER BY "userId", timestamp DESC
  )`;

/** The members `mb` with their counts `c`, roles `r` and age `a` (see factsCtesSql). */
export const factsJoinSql = `members mb
  LEFT JOIN counts c ON c."userId" = mb."userId"
  LEFT JOIN roles r ON r."userId" = mb."userId"
  LEFT JOIN ages a ON a."userId" = mb."userId"`;

/**
 * The columns of {@link SuspicionInputRow} but the member's ids and names and the gaps'
 * variation, from {@link factsJoinSql}.
 */
export const factsCountColumnsSql = `coalesce(c.presence, 0) AS "presenceCount", coalesce(c.snapshots, 0) AS snapshots,
  coalesce(c.multi, 0) AS "multiClientSnapshots", coalesce(c.messages, 0) AS messages,
  coalesce(c."previousMessages", 0) AS "previousMessages", coalesce(c.typing, 0) AS typing,
  coalesce(c."previousTyping", 0) AS "previousTyping", coalesce(c.reactions, 0) AS reactions,
  GREATEST(coalesce(c.messages, 0) - 1, 0) AS "messageGaps",
  coalesce(r.roles, '{}') AS "escalatedRoleIds", a.age AS "accountAgeAtJoinMs"`;

/** The columns of {@link SuspicionInputRow} but the gaps' variation, from {@link factsJoinSql}. */
const factsColumnsSql = `mb."discordId" AS "userId", mb.username, mb."displayName",
  ${factsCountColumnsSql}`;

/** Every member's facts but message timing, one row per member, by Discord id. */
const suspicionFactsSql = (counts: string) => `
  WITH ${factsCtesSql(counts)}
  SELECT ${factsColumnsSql}
  FROM ${factsJoinSql}
  ORDER BY mb."discordId"`;

/**
 * The coefficient of variation of each member's gaps, from timing sums `t` (timingSumsSql):
 * null without gaps or when their mean is 0.
 */
export const gapVariationSql = (t: string) =>
  `(sqrt(GREATEST(${t}.n * ${t}.q - ${t}.s * ${t}.s, 0) / (${t}.n * ${t}.n)) / nullif(${t}.s / ${t}.n, 0))::float8`;

/**
 * Message timing of the members with at least $3 messages in the window (`messageCounts`: one
 * row per member, "userId" and messages), read through the per-member rollup indexes: per
 * member (by Discord id) the coefficient of variation of the gaps between consecutive messages
 * (pieces carry their inner gaps' count, sum and sum of squares; the gaps between pieces are
 * added).
 */
const messageTimingSql = (messageCounts: string, timing: string) => `
  WITH members AS (${membersSql('$2')}
  ), counts AS (${messageCounts}
  ), timing_sums AS (${timingSumsSql(timing)}
  )
  SELECT u."discordId" AS "userId", ${gapVariationSql('ts')} AS cv
  FROM timing_sums ts JOIN "User" u ON u.id = ts."userId"
  WHERE ts.n > 0`;

/**
 * The message timing pieces of the window of `query` (whose totals plan is `plan`) for the
 * members `usersSql`, read through the per-member indexes: when the window is read from
 * trailing slot 0 and contains it (the default window, unless the rollup job is late), the
 * slot's timing as one piece per member plus the pieces before and after it; otherwise every
 * piece of the window (the rollups' and raw rows).
 */
export const timingPiecesSql = async (
  db: Queryable,
  query: AnalyticsQuery,
  plan: TotalsPlan,
  params: SqlParams,
  usersSql: string,
): Promise<string> => {
  const slot =
    plan.totals && isTrailingRange(plan.totals) && plan.totals.slot === 0 ? plan.totals : null;
  const range = slot && trailingSlotRange(slot.anchor, 0);
  if (!slot || !range || query.window.from > range.from || query.window.to < range.to) {
    const whole = await getRollupPlan(db, [query.window], query.now);
    return messageTimingPiecesSql(whole, params, '$1', usersSql);
  }
  const outside = [
    { from: query.window.from, to: range.from },
    { from: range.to, to: query.window.to },
  ].filter((r) => r.from < r.to);
  const around = await getRollupPlan(db, outside, query.now);
  const slotPiece = `SELECT "userId", "firstMessageAt" AS "firstAt", "lastMessageAt" AS "lastAt",
        "messageGaps" AS gaps, "gapSeconds", "gapSquares"
      FROM "MemberTrailingTotal"
      WHERE "guildId" = $1 AND anchor = ${params.add(slot.anchor)} AND "firstMessageAt" IS NOT NULL
        AND "userId" IN ${usersSql}`;
  return planReadsAnything(around)
    ? `${messageTimingPiecesSql(around, params, '$1', usersSql)}\n      UNION ALL\n      ${slotPiece}`
    : slotPiece;
};

/**
 * The suspicion inputs of every member of the guild (or only `userDiscordId`), ordered by
 * Discord id. One aggregated row per member: nothing is scored here. The gaps' variation is
 * computed for members with at least `minMessageGaps` gaps only (null for the others).
 *
 * Two statements run side by side (on a pool, two connections): every fact but message timing,
 * and message timing, which sums the members' window messages again (the totals' days and the
 * ends, messages only) to pick the members with enough of them. Timing is a third of the work
 * (per-member index reads) and needs nothing else of the first (benchmark dataset, 40,000
 * members, 2,101 with enough messages). Each is its own snapshot: a message stored between
 * the two can leave a member at the threshold without a variation for that one call.
 */
export const listSuspicionInputs = async (
  db: Queryable,
  query: AnalyticsQuery,
  userDiscordId: string | null,
  minMessageGaps: number,
): Promise<SuspicionInputRow[]> => {
  const previous = toPreviousWindow(query.window);
  const [before, now] = await getComparedTotalsPlans(db, query.guildId, previous, query.window);
  const usersSql = userDiscordId === null ? undefined : '(SELECT "userId" FROM members)';
  const factsParams = createSqlParams([
    query.guildId,
    query.window.from,
    query.window.to,
    userDiscordId,
  ]);
  const counts = suspicionCountsSql([before, now], factsParams, usersSql);
  const timingParams = createSqlParams([query.guildId, userDiscordId, minMessageGaps + 1]);
  const messageCounts = memberSumsSql(
    windowsTotalsSql(
      [{ range: now.totals, columns: { messages: 'messages' } }],
      timingParams,
      '$1',
      usersSql,
    ),
    totalsEndsSql(
      now,
      (rest, sign) => `SELECT x."userId", ${sign}x.messages AS messages
      FROM (${activityPiecesSql(rest, timingParams, '$1', usersSql)}) x`,
    ),
    ['messages'],
  );
  const timing = await timingPiecesSql(
    db,
    query,
    now,
    timingParams,
    '(SELECT "userId" FROM counts WHERE messages >= $3)',
  );
  const [rows, variations] = await Promise.all([
    runAnalyticsQuery<Omit<SuspicionInputRow, 'gapVariation'>>(
      db,
      suspicionFactsSql(counts),
      factsParams.values,
    ),
    runAnalyticsQuery<{ userId: string; cv: number | null }>(
      db,
      messageTimingSql(messageCounts, timing),
      timingParams.values,
    ),
  ]);
  const cv = new Map(variations.map((v) => [v.userId, v.cv]));
  return rows.map((row) => ({
    ...row,
    gapVariation: row.messageGaps >= minMessageGaps ? (cv.get(row.userId) ?? null) : null,
  }));
};
