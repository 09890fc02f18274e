import type { MemberRow } from '../../ingest/ingest-rows.ts';
import { memberKey } from './last-by-key.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';
import { toStatementChunks } from './statement-chunks.ts';
import { toArrayLiteral } from './to-array-literal.ts';

/** One member's facts folded from every row of a batch: later defined values win. */
const foldMembers = (rows: Iterable<MemberRow>): MemberRow[] => {
  const byKey = new Map<string, MemberRow>();
  for (const row of rows) {
    const key = memberKey(row);
    const known = byKey.get(key);
    if (known === undefined) {
      byKey.set(key, { ...row });
      continue;
    }
    if (row.nick !== undefined) known.nick = row.nick;
    if (row.joinedAt !== undefined) known.joinedAt = row.joinedAt;
    if (row.leftAt !== undefined) known.leftAt = row.leftAt;
  }
  return [...byKey.keys()].sort().map((key) => byKey.get(key) as MemberRow);
};

/*
 * The source is one materialized relation so that each membership is looked up by both key
 * columns. As a join of the parameters with "User", the planner may look memberships up by
 * guild alone (joining on the user afterwards) whenever it thinks the table small, as on a
 * fresh database: the scan then walks every entry this statement has already inserted for the
 * guild, quadratic in a big GUILD_CREATE (10,000 members took 14 s on PGlite; 0.9 s now).
 */
const UPSERT_MEMBERS = `
  WITH s AS MATERIALIZED (
     SELECT t.guild, u.id AS uid, t.has_nick, t.nick, t.has_joined, t.joined, t.has_left, t."left",
       t.roles::text[] AS roles
     FROM unnest($1::text[], $2::text[], $3::bool[], $4::text[], $5::bool[], $6::timestamptz[],
                 $7::bool[], $8::timestamptz[], $9::text[])
       AS t(guild, d, has_nick, nick, has_joined, joined, has_left, "left", roles)
     JOIN "User" u ON u."discordId" = t.d
   )
  MERGE INTO "GuildMember" m
   USING s ON m."guildId" = s.guild AND m."userId" = s.uid
   WHEN MATCHED AND (s.has_nick OR s.has_joined OR s.has_left) THEN UPDATE SET
     nick = CASE WHEN s.has_nick THEN s.nick ELSE m.nick END,
     "joinedAt" = CASE WHEN s.has_joined THEN s.joined ELSE m."joinedAt" END,
     "leftAt" = CASE WHEN s.has_left THEN s."left" ELSE m."leftAt" END,
     -- Discord drops a leaver's roles: a rejoin starts from a new baseline, not a diff.
     "roleIds" = CASE WHEN s.has_left AND s."left" IS NOT NULL THEN NULL ELSE m."roleIds" END,
     "updatedAt" = now()
   WHEN NOT MATCHED THEN INSERT ("guildId", "userId", nick, "joinedAt", "leftAt", "roleIds")
     VALUES (s.guild, s.uid, s.nick, s.joined, s."left", s.roles)`;

/**
 * Upserts memberships: nick, join and leave times. A field a payload did not carry keeps its
 * stored value (`has*` flags), which `ON CONFLICT` alone cannot express, hence MERGE. A row
 * with no facts only makes sure the membership exists. A new membership starts with its
 * first role list of the batch (`firstRoleIds`, by member key), which is the baseline
 * `applyMemberRoles` would set: a GUILD_CREATE inserts its members once instead of inserting
 * them and then rewriting every one of them.
 */
export const upsertMembers = async (
  tx: OrderedQueryable,
  rows: Iterable<MemberRow>,
  firstRoleIds: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<void> => {
  const statements: Statement[] = [];
  for (const members of toStatementChunks(foldMembers(rows))) {
    statements.push([
      UPSERT_MEMBERS,
      [
        members.map((m) => m.guildId),
        members.map((m) => m.userDiscordId),
        members.map((m) => m.nick !== undefined),
        members.map((m) => m.nick ?? null),
        members.map((m) => m.joinedAt !== undefined),
        members.map((m) => m.joinedAt?.toISOString() ?? null),
        members.map((m) => m.leftAt !== undefined),
        members.map((m) => m.leftAt?.toISOString() ?? null),
        members.map((m) => {
          const roleIds = firstRoleIds.get(memberKey(m));
          return roleIds === undefined ? null : toArrayLiteral(roleIds);
        }),
      ],
    ]);
  }
  await queryInOrder(tx, statements);
};
