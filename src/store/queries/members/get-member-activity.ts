import type { TimeWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';

/** What a member did in the window, and when they were first and last seen at all. */
export interface MemberActivityRow {
  presences: number;
  messages: number;
  typing: number;
  reactions: number;
  voiceSessions: number;
  roleChanges: number;
  joins: number;
  leaves: number;
  bans: number;
  onlineSeconds: number;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
}

/** Events of the member ($u) in the guild ($1) and window ([$3, $4)), one table each. */
const inWindow = (table: string, column = 'timestamp', extra = '') =>
  `(SELECT count(*)::int FROM "${table}" e WHERE e."userId" = (SELECT id FROM member)
     AND e."guildId" = $1 AND e."${column}" >= $3 AND e."${column}" < $4${extra})`;

/** The earliest or latest event of any kind of the member in the guild, ever. */
const seen = (fn: 'min' | 'max') =>
  `(SELECT ${fn}(t) FROM (${[
    ['Presence', 'timestamp'],
    ['Message', 'timestamp'],
    ['TypingEvent', 'timestamp'],
    ['ReactionEvent', 'timestamp'],
    ['MemberEvent', 'timestamp'],
    ['VoiceSession', 'joinedAt'],
  ]
    .map(
      ([table, column]) =>
        `SELECT ${fn}(e."${column}") AS t FROM "${table}" e
         WHERE e."userId" = (SELECT id FROM member) AND e."guildId" = $1`,
    )
    .join(' UNION ALL ')}) seen)`;

/**
 * Counts per event kind in the window, online time, first and last seen. Online time: each
 * non-offline snapshot counts from its timestamp (or the window's start, for the last
 * snapshot before it) to the member's next snapshot, ending at $5 (the earlier of the
 * window's end and now). Index paths: every table's ("userId", timestamp) index.
 */
const GET_MEMBER_ACTIVITY = `
  WITH member AS (SELECT id FROM "User" WHERE "discordId" = $2),
  snapshots AS (
    (SELECT p.timestamp, p.status FROM "Presence" p
     WHERE p."userId" = (SELECT id FROM member) AND p."guildId" = $1 AND p.timestamp < $3
     ORDER BY p.timestamp DESC LIMIT 1)
    UNION ALL
    SELECT p.timestamp, p.status FROM "Presence" p
    WHERE p."userId" = (SELECT id FROM member) AND p."guildId" = $1
      AND p.timestamp >= $3 AND p.timestamp < $4
  ), spans AS (
    SELECT status, GREATEST(timestamp, $3::timestamptz) AS start,
      LEAST(COALESCE(lead(timestamp) OVER (ORDER BY timestamp), $5::timestamptz), $5::timestamptz) AS stop
    FROM snapshots
  )
  SELECT ${inWindow('Presence')} AS presences, ${inWindow('Message')} AS messages,
    ${inWindow('TypingEvent')} AS typing, ${inWindow('ReactionEvent')} AS reactions,
    ${inWindow('VoiceSession', 'joinedAt')} AS "voiceSessions",
    ${inWindow('RoleChange')} AS "roleChanges",
    ${inWindow('MemberEvent', 'timestamp', ` AND e.type = 'join'`)} AS joins,
    ${inWindow('MemberEvent', 'timestamp', ` AND e.type = 'leave'`)} AS leaves,
    ${inWindow('BanRecord', 'bannedAt')} AS bans,
    (SELECT COALESCE(round(sum(GREATEST(0, extract(epoch FROM stop - start)))), 0)::int
     FROM spans WHERE status <> 'offline') AS "onlineSeconds",
    ${seen('min')} AS "firstSeenAt", ${seen('max')} AS "lastSeenAt"`;

/** The member's activity figures; `onlineUntil` is the earlier of the window's end and now. */
export const getMemberActivity = async (
  db: Queryable,
  selection: { guildId: string; userId: string; window: TimeWindow; onlineUntil: Date },
): Promise<MemberActivityRow> => {
  const rows = await db.query<MemberActivityRow>(GET_MEMBER_ACTIVITY, [
    selection.guildId,
    selection.userId,
    selection.window.from,
    selection.window.to,
    selection.onlineUntil,
  ]);
  const [row] = rows;
  if (!row) throw new Error('the activity query returned no row');
  return row;
};
