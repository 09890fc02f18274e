import type { Queryable } from '../store/database.ts';
import { getMember } from '../store/queries/members/get-member.ts';
import {
  listMemberPresences,
  type MemberPresenceRow,
  type PresencePosition,
} from '../store/queries/members/list-member-presences.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toPresenceCursor } from './members-cursor.ts';
import { toOnlinePlatforms } from './members-platforms.ts';
import { toWindowJson } from './to-window-json.ts';

export interface MemberPresence {
  id: string;
  at: string;
  status: MemberPresenceRow['status'];
  platforms: string[];
  activities: { type: number; name: string }[];
}

export interface MemberPresencesPage {
  guildId: string;
  userId: string;
  window: { from: string; to: string };
  items: MemberPresence[];
  nextCursor: string | null;
}

/**
 * A member's presence snapshots in the window, newest first, keyset-paged; undefined for
 * someone who never was a member of the guild, or opted out.
 */
export const getMemberPresences = async (
  db: Queryable,
  query: AnalyticsQuery,
  userId: string,
  before: PresencePosition | null,
): Promise<MemberPresencesPage | undefined> => {
  if (!(await getMember(db, query.guildId, userId))) return undefined;
  const rows = await listMemberPresences(db, {
    guildId: query.guildId,
    userId,
    window: query.window,
    before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    guildId: query.guildId,
    userId,
    window: toWindowJson(query.window),
    items: page.map((row) => ({
      id: row.id,
      at: row.timestamp.toISOString(),
      status: row.status,
      platforms: toOnlinePlatforms(row.clientStatus),
      activities: (row.activities ?? []).map((activity) => ({
        type: activity.type,
        name: activity.name,
      })),
    })),
    nextCursor:
      rows.length > query.limit && last ? toPresenceCursor({ at: last.at, id: last.id }) : null,
  };
};
