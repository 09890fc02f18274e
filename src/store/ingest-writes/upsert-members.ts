import type { MemberRow } from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';
import { memberKey } from './last-by-key.ts';

/** One member's facts folded from every row of a batch: later defined values win. */
const foldMembers = (rows: readonly MemberRow[]): MemberRow[] => {
  const byKey = new Map<string, MemberRow>();
  for (const row of rows) {
    const key = memberKey(row);
    const known = byKey.get(key);
    byKey.set(key, known ? { ...known, ...definedOnly(row) } : row);
  }
  return [...byKey.values()].sort((a, b) => (memberKey(a) < memberKey(b) ? -1 : 1));
};

const definedOnly = (row: MemberRow): MemberRow =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as MemberRow;

/**
 * Upserts memberships: nick, join and leave times. A field a payload did not carry keeps its
 * stored value (`has*` flags), which `ON CONFLICT` alone cannot express, hence MERGE. A row
 * with no facts only makes sure the membership exists.
 */
export const upsertMembers = async (tx: Queryable, rows: readonly MemberRow[]): Promise<void> => {
  const members = foldMembers(rows);
  if (members.length === 0) return;
  await tx.query(
    `MERGE INTO "GuildMember" m
     USING (
       SELECT t.guild, u.id AS uid, t.has_nick, t.nick, t.has_joined, t.joined, t.has_left, t."left"
       FROM unnest($1::text[], $2::text[], $3::bool[], $4::text[], $5::bool[], $6::timestamptz[],
                   $7::bool[], $8::timestamptz[])
         AS t(guild, d, has_nick, nick, has_joined, joined, has_left, "left")
       JOIN "User" u ON u."discordId" = t.d
     ) s ON m."guildId" = s.guild AND m."userId" = s.uid
     WHEN MATCHED AND (s.has_nick OR s.has_joined OR s.has_left) THEN UPDATE SET
       nick = CASE WHEN s.has_nick THEN s.nick ELSE m.nick END,
       "joinedAt" = CASE WHEN s.has_joined THEN s.joined ELSE m."joinedAt" END,
       "leftAt" = CASE WHEN s.has_left THEN s."left" ELSE m."leftAt" END,
       -- Discord drops a leaver's roles: a rejoin starts from a new baseline, not a diff.
       "roleIds" = CASE WHEN s.has_left AND s."left" IS NOT NULL THEN NULL ELSE m."roleIds" END,
       "updatedAt" = now()
     WHEN NOT MATCHED THEN INSERT ("guildId", "userId", nick, "joinedAt", "leftAt")
       VALUES (s.guild, s.uid, s.nick, s.joined, s."left")`,
    [
      members.map((m) => m.guildId),
      members.map((m) => m.userDiscordId),
      members.map((m) => m.nick !== undefined),
      members.map((m) => m.nick ?? null),
      members.map((m) => m.joinedAt !== undefined),
      members.map((m) => m.joinedAt?.toISOString() ?? null),
      members.map((m) => m.leftAt !== undefined),
      members.map((m) => m.leftAt?.toISOString() ?? null),
    ],
  );
};
