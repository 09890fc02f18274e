import type { TimeWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';

/** Where the previous page stopped: the last snapshot's time (µs ISO) and id. */
export interface PresencePosition {
  at: string;
  id: string;
}

export interface MemberPresenceRow {
  id: string;
  timestamp: Date;
  /** The timestamp with microseconds, for the next cursor. */
  at: string;
  status: 'online' | 'idle' | 'dnd' | 'offline';
  clientStatus: Record<string, string> | null;
  activities: { type: number; name: string }[] | null;
}

/**
 * A member's presence snapshots in the window, newest first, keyset-paged on
 * (timestamp, id) through the (userId, timestamp) covering index. The caller has checked
 * the member exists and did not opt out.
 */
export const listMemberPresences = (
  db: Queryable,
  selection: {
    guildId: string;
    userId: string;
    window: TimeWindow;
    before: PresencePosition | null;
    limit: number;
  },
): Promise<MemberPresenceRow[]> =>
  db.query<MemberPresenceRow>(
    `SELECT p.id, p.timestamp,
       to_char(p.timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
       p.status, p."clientStatus", p.activities
     FROM "Presence" p
     WHERE p."userId" = (SELECT id FROM "User" WHERE "discordId" = $2) AND p."guildId" = $1
       AND p.timestamp >= $3 AND p.timestamp < $4
       AND ($5::timestamptz IS NULL OR p.timestamp < $5::timestamptz
         OR (p.timestamp = $5::timestamptz AND p.id COLLATE "C" < $6::text COLLATE "C"))
     ORDER BY p.timestamp DESC, p.id COLLATE "C" DESC
     LIMIT $7`,
    [
      selection.guildId,
      selection.userId,
      selection.window.from,
      selection.window.to,
      selection.before?.at ?? null,
      selection.before?.id ?? '',
      selection.limit,
    ],
  );
