import type { Queryable } from '../../database.ts';
import { optedOutUserIdsSql } from '../analytics/opted-out-user-ids-sql.ts';
import { type MemberColumnsRow, memberColumnsSql } from './member-columns-sql.ts';

/** The orders the member list offers. */
export const memberSorts = ['name', 'recent'] as const;
export type MemberSort = (typeof memberSorts)[number];

/** Where the previous page stopped: the last row's sort value and Discord id. */
export interface MemberPosition {
  /** `name`: the lower-cased display name; `recent`: the last presence (µs ISO) or null. */
  value: string | null;
  userId: string;
}

export interface MemberListRow extends MemberColumnsRow {
  /** The sort value of this row, for the next cursor. */
  position: string | null;
}

export interface MemberSelection {
  guildId: string;
  /** Case-insensitive substring of username, global name or nickname. */
  search: string | null;
  sort: MemberSort;
  after: MemberPosition | null;
  limit: number;
}

const nameKey = `lower(COALESCE(gm.nick, u."globalName", u.username)) COLLATE "C"`;
const presenceKey = `to_char(gm."presenceAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Per sort: the position column, the keyset condition (rows strictly after $4/$5) and the
 * order. Ids compare in "C" collation so PGlite and PostgreSQL page identically.
 */
const sorts: Record<MemberSort, { position: string; after: string; order: string }> = {
  name: {
    position: `lower(COALESCE(gm.nick, u."globalName", u.username))`,
    after: `(${nameKey}, u."discordId" COLLATE "C") > ($4::text COLLATE "C", $5::text COLLATE "C")`,
    order: `${nameKey}, u."discordId" COLLATE "C"`,
  },
  recent: {
    position: presenceKey,
    after: `CASE WHEN $4::timestamptz IS NULL
        THEN gm."presenceAt" IS NULL AND u."discordId" COLLATE "C" > $5::text COLLATE "C"
        ELSE gm."presenceAt" < $4::timestamptz OR gm."presenceAt" IS NULL
          OR (gm."presenceAt" = $4::timestamptz AND u."discordId" COLLATE "C" > $5::text COLLATE "C")
      END`,
    order: `gm."presenceAt" DESC NULLS LAST, u."discordId" COLLATE "C"`,
  },
};

/** `%…%` for ILIKE, with the pattern characters of the search taken literally. */
const toContainsPattern = (search: string): string =>
  `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * A page of a guild's members (current and former), opted-out members left out, in the
 * chosen order; `limit` rows at most.
 */
export const listMembers = (
  db: Queryable,
  selection: MemberSelection,
): Promise<MemberListRow[]> => {
  const sort = sorts[selection.sort];
  return db.query<MemberListRow>(
    `SELECT ${memberColumnsSql}, ${sort.position} AS position
     FROM "GuildMember" gm JOIN "User" u ON u.id = gm."userId"
     WHERE gm."guildId" = $1
       AND ($2::text IS NULL OR u.username ILIKE $2 OR u."globalName" ILIKE $2 OR gm.nick ILIKE $2)
       AND ($3::boolean IS FALSE OR ${sort.after})
       AND gm."userId" NOT IN ${optedOutUserIdsSql('$1')}
     ORDER BY ${sort.order}
     LIMIT $6`,
    [
      selection.guildId,
      selection.search === null ? null : toContainsPattern(selection.search),
      selection.after !== null,
      selection.after?.value ?? null,
      selection.after?.userId ?? '',
      selection.limit,
    ],
  );
};
