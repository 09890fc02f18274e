import type { Queryable } from '../../database.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

/** A message or join of one member, which anomaly marks are measured against. */
export interface TimelineAnchorRow {
  kind: 'message' | 'join';
  id: string;
  timestamp: Date;
}

/**
 * The member's messages and joins with `from <= timestamp <= to`, whatever the timeline's
 * filters, oldest first, at most 5 000 (only a flood of messages reaches it).
 */
export const listTimelineAnchors = (
  db: Queryable,
  member: { guildId: string; userId: string },
  from: Date,
  to: Date,
): Promise<TimelineAnchorRow[]> =>
  db.query<TimelineAnchorRow>(
    `WITH member AS (
       SELECT id FROM "User" WHERE "discordId" = $2 AND ${notOptedOutSql('$2', '$1')}
     )
     SELECT kind, id, timestamp FROM (
       SELECT 'message' AS kind, e.id, e.timestamp FROM "Message" e
       WHERE e."guildId" = $1 AND e."userId" = (SELECT id FROM member)
         AND e.timestamp >= $3 AND e.timestamp <= $4
       UNION ALL
       SELECT 'join', e.id::text, e.timestamp FROM "MemberEvent" e
       WHERE e."guildId" = $1 AND e."userId" = (SELECT id FROM member) AND e.type = 'join'
         AND e.timestamp >= $3 AND e.timestamp <= $4
     ) x
     ORDER BY timestamp, kind, id
     LIMIT 5000`,
    [member.guildId, member.userId, from.toISOString(), to.toISOString()],
  );
