import type { Queryable } from '../store/database.ts';
import {
  listMembers,
  type MemberPosition,
  type MemberSort,
} from '../store/queries/members/list-members.ts';
import type { MemberColumnsRow } from '../store/queries/members/member-columns-sql.ts';
import { toMemberCursor } from './members-cursor.ts';
import { toOnlinePlatforms } from './members-platforms.ts';

/** One member in the member list. */
export interface MemberSummary {
  userId: string;
  username: string;
  globalName: string | null;
  nick: string | null;
  displayName: string;
  avatar: string | null;
  isBot: boolean;
  status: MemberColumnsRow['status'];
  /** The platforms the member is online on now. */
  platforms: string[];
  joinedAt: string | null;
  leftAt: string | null;
  lastPresenceAt: string | null;
}

export interface MembersPage {
  guildId: string;
  items: MemberSummary[];
  nextCursor: string | null;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** A member row as the API shows it. */
export const toMemberSummary = (row: MemberColumnsRow): MemberSummary => ({
  userId: row.userId,
  username: row.username,
  globalName: row.globalName,
  nick: row.nick,
  displayName: row.displayName,
  avatar: row.avatar,
  isBot: row.isBot,
  status: row.status,
  platforms: toOnlinePlatforms(row.clientStatus),
  joinedAt: iso(row.joinedAt),
  leftAt: iso(row.leftAt),
  lastPresenceAt: iso(row.lastPresenceAt),
});

/**
 * A page of a guild's members, searched and sorted; one row more than `limit` is read to
 * know whether a next page exists, so `nextCursor` is null exactly on the last page.
 */
export const getMembers = async (
  db: Queryable,
  selection: {
    guildId: string;
    search: string | null;
    sort: MemberSort;
    after: MemberPosition | null;
    limit: number;
  },
): Promise<MembersPage> => {
  const rows = await listMembers(db, { ...selection, limit: selection.limit + 1 });
  const page = rows.slice(0, selection.limit);
  const last = page.at(-1);
  return {
    guildId: selection.guildId,
    items: page.map(toMemberSummary),
    nextCursor:
      rows.length > selection.limit && last
        ? toMemberCursor(selection.sort, { value: last.position, userId: last.userId })
        : null,
  };
};
