import type { TimeWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

export const timelineKinds = [
  'presence',
  'message',
  'typing',
  'reaction',
  'role',
  'join',
  'leave',
  'ban',
  'voice',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** A position in the timeline: events strictly older than it (in `(timestamp, kind, id)` order). */
export interface TimelinePosition {
  /** ISO 8601 with microseconds, so equal-looking instants are not confused. */
  at: string;
  kind: string;
  id: string;
}

export interface TimelineEventRow extends TimelinePosition {
  timestamp: Date;
  detail: Record<string, unknown>;
}

export interface TimelineSelection {
  guildId: string;
  /** The member's Discord id. */
  userId: string;
  window: TimeWindow;
  kinds: readonly TimelineKind[];
  /** Matched case-insensitively against content, emoji and activity names; exactly against channel ids. */
  search: string | null;
  before: TimelinePosition | null;
  limit: number;
}

/** A timestamp as ISO 8601 in UTC with milliseconds, as `Date.toISOString` writes it (null stays null). */
const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface Branch {
  kind: TimelineKind;
  table: string;
  ts: string;
  id: string;
  detail: string;
  /** The search condition for this kind; kinds without one are left out of a search. */
  search?: string;
  where?: string;
}

const branches: Branch[] = [
  {
    kind: 'presence',
    table: '"Presence"',
    ts: 'e.timestamp',
    id: 'e.id::text',
    detail: `jsonb_build_object('status', e.status, 'clientStatus', e."clientStatus", 'activities', e.activities)`,
    search: `EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(e.activities, '[]')) a
                     WHERE a->>'name' ILIKE $9 OR a->>'details' ILIKE $9)`,
  },
  {
    kind: 'message',
    table: '"Message"',
    ts: 'e.timestamp',
    id: 'e.id',
    detail: `jsonb_build_object('channelId', e."channelId", 'length', e.length, 'content', e.content,
                               'editedAt', ${iso('e."editedAt"')}, 'deletedAt', ${iso('e."deletedAt"')})`,
    search: `(e.content ILIKE $9 OR e."channelId" = $10)`,
  },
  {
    kind: 'typing',
    table: '"TypingEvent"',
    ts: 'e.timestamp',
    id: 'e.id::text',
    detail: `jsonb_build_object('channelId', e."channelId")`,
    search: `e."channelId" = $10`,
  },
  {
    kind: 'reaction',
    table: '"ReactionEvent"',
    ts: 'e.timestamp',
    id: 'e.id::text',
    detail: `jsonb_build_object('channelId', e."channelId", 'messageId', e."messageId",
                               'emoji', e.emoji, 'action', e.action)`,
    search: `(e.emoji ILIKE $9 OR e."channelId" = $10)`,
  },
  {
    kind: 'role',
    table: '"RoleChange"',
    ts: 'e.timestamp',
    id: 'e.id',
    detail: `jsonb_build_object('roleId', e."roleId", 'action', e.action, 'actorId', e."actorId")`,
  },
  ...(['join', 'leave'] as const).map(
    (kind): Branch => ({
      kind,
      table: '"MemberEvent"',
      ts: 'e.timestamp',
      id: 'e.id::text',
      detail: `jsonb_build_object('accountCreatedAt', ${iso('e."accountCreatedAt"')})`,
      where: `e.type = '${kind}'`,
    }),
  ),
  {
    kind: 'ban',
    table: '"BanRecord"',
    ts: 'e."bannedAt"',
    id: 'e.id',
    detail: `jsonb_build_object('action', 'ban', 'bannedBy', e."bannedBy", 'reason', e.reason)`,
  },
  {
    kind: 'ban',
    table: '"BanRecord"',
    ts: 'e."unbannedAt"',
    id: `e.id || ':unban'`,
    detail: `jsonb_build_object('action', 'unban', 'unbannedBy', e."unbannedBy")`,
  },
  {
    kind: 'voice',
    table: '"VoiceSession"',
    ts: 'e."joinedAt"',
    id: 'e.id::text',
    detail: `jsonb_build_object('channelId', e."channelId", 'leftAt', ${iso('e."leftAt"')})`,
    search: `e."channelId" = $10`,
  },
];

const toBranchSql = (b: Branch): string =>
  `(SELECT '${b.kind}'::text AS kind, ${b.id} AS id, ${b.ts} AS timestamp, ${b.detail} AS detail
    FROM ${b.table} e
    WHERE e."guildId" = $1 AND e."userId" = (SELECT id FROM member)
      AND ${b.ts} >= $3 AND ${b.ts} < $4 AND '${b.kind}' = ANY($5::text[])
      AND ${b.ts} <= $6 AND (${b.ts}, '${b.kind}'::text, ${b.id}) < ($6::timestamptz, $7::text, $8::text)
      AND ${b.where ?? 'true'} AND ($9::text IS NULL OR ${b.search ?? 'false'})
    ORDER BY ${b.ts} DESC, ${b.id} DESC
    LIMIT $11)`;

const timelineSql = `WITH member AS (
    SELECT id FROM "User" WHERE "discordId" = $2 AND ${notOptedOutSql('$2', '$1')}
  )
  SELECT kind, id, timestamp, detail,
         to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
  FROM (${branches.map(toBranchSql).join('\n  UNION ALL\n  ')}) x
  ORDER BY timestamp DESC, kind DESC, id DESC
  LIMIT $11`;

const escapeLike = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * One member's events of every selected kind, newest first in `(timestamp, kind, id)` order,
 * strictly before `before`: each kind's branch takes at most `limit` rows through its
 * (userId, time) index, then the merge keeps the first `limit`.
 */
export const listTimelineEvents = (
  db: Queryable,
  selection: TimelineSelection,
): Promise<TimelineEventRow[]> => {
  const before = selection.before ?? { at: selection.window.to.toISOString(), kind: '', id: '' };
  return db.query<TimelineEventRow>(timelineSql, [
    selection.guildId,
    selection.userId,
    selection.window.from.toISOString(),
    selection.window.to.toISOString(),
    selection.kinds,
    before.at,
    before.kind,
    before.id,
    selection.search === null ? null : escapeLike(selection.search),
    selection.search,
    selection.limit,
  ]);
};
