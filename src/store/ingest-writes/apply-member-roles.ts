import type { MemberRolesRow } from '../../ingest/ingest-rows.ts';
import { diffRoles } from './diff-roles.ts';
import { memberKey } from './last-by-key.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';
import { toStatementChunks } from './statement-chunks.ts';
import { toArrayLiteral } from './to-array-literal.ts';

interface RoleChangeInput {
  guildId: string;
  userDiscordId: string;
  roleId: string;
  action: 'added' | 'removed';
  timestamp: Date;
}

/** A member's role list as the batch goes: stored first, then each list received. */
interface MemberRoles {
  guildId: string;
  userDiscordId: string;
  roleIds: string[] | null;
}

/** The stored role lists of the members `rows` speak of, by member key. */
const listStoredRoles = async (
  tx: OrderedQueryable,
  rows: readonly MemberRolesRow[],
): Promise<Map<string, MemberRoles>> => {
  const current = new Map<string, MemberRoles>();
  const statements = [...toStatementChunks(rows)].map(
    (chunk): Statement => [
      `SELECT m."guildId", u."discordId", m."roleIds"
       FROM unnest($1::text[], $2::text[]) AS t(guild, d)
       JOIN "User" u ON u."discordId" = t.d
       JOIN "GuildMember" m ON m."guildId" = t.guild AND m."userId" = u.id`,
      [chunk.map((r) => r.guildId), chunk.map((r) => r.userDiscordId)],
    ],
  );
  type Stored = { guildId: string; discordId: string; roleIds: string[] | null };
  for (const stored of await queryInOrder<Stored>(tx, statements)) {
    for (const { guildId, discordId, roleIds } of stored) {
      current.set(`${guildId}:${discordId}`, { guildId, userDiscordId: discordId, roleIds });
    }
  }
  return current;
};

/**
 * Diffs each role list against the member's previous one (stored, then the batch's earlier
 * ones) and leaves `current` at each member's last list. A member with no previous list gets
 * a baseline and no change.
 */
const toRoleChanges = (
  rows: readonly MemberRolesRow[],
  current: Map<string, MemberRoles>,
): RoleChangeInput[] => {
  const changes: RoleChangeInput[] = [];
  for (const row of rows) {
    const key = memberKey(row);
    const member = current.get(key);
    const before = member?.roleIds ?? null;
    if (before !== null) {
      const { added, removed } = diffRoles(before, row.roleIds);
      for (const roleId of added) changes.push({ ...row, roleId, action: 'added' });
      for (const roleId of removed) changes.push({ ...row, roleId, action: 'removed' });
    }
    const { guildId, userDiscordId, roleIds } = row;
    if (member) member.roleIds = roleIds;
    else current.set(key, { guildId, userDiscordId, roleIds });
  }
  return changes;
};

/** Stores each member's last list, in member order; a list equal to the stored one is left. */
const toRoleListStatements = (current: ReadonlyMap<string, MemberRoles>): Statement[] => {
  const finals: MemberRoles[] = [];
  for (const key of [...current.keys()].sort()) {
    const member = current.get(key);
    if (member?.roleIds) finals.push(member);
  }
  return [...toStatementChunks(finals)].map(
    (chunk): Statement => [
      `UPDATE "GuildMember" m SET "roleIds" = t.roles::text[], "updatedAt" = now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(guild, d, roles)
       JOIN "User" u ON u."discordId" = t.d
       WHERE m."guildId" = t.guild AND m."userId" = u.id
         AND m."roleIds" IS DISTINCT FROM t.roles::text[]`,
      [
        chunk.map((m) => m.guildId),
        chunk.map((m) => m.userDiscordId),
        chunk.map((m) => toArrayLiteral(m.roleIds ?? [])),
      ],
    ],
  );
};

/**
 * Turns role lists into RoleChange rows, one per role added or removed, against the stored
 * list and then each earlier list of the batch. A first list (stored roles unknown) only sets
 * the baseline; a later GUILD_CREATE snapshot records what changed while the bot was away.
 */
export const applyMemberRoles = async (
  tx: OrderedQueryable,
  rows: readonly MemberRolesRow[],
): Promise<number> => {
  if (rows.length === 0) return 0;
  const current = await listStoredRoles(tx, rows);
  const changes = toRoleChanges(rows, current);
  await queryInOrder(tx, [...toRoleChangeStatements(changes), ...toRoleListStatements(current)]);
  return changes.length;
};

const toRoleChangeStatements = (changes: readonly RoleChangeInput[]): Statement[] =>
  [...toStatementChunks(changes)].map(
    (chunk): Statement => [
      `INSERT INTO "RoleChange" ("guildId", "userId", "roleId", action, timestamp)
       SELECT t.guild, u.id, t.role, t.action, t.ts
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
         AS t(guild, d, role, action, ts)
       JOIN "User" u ON u."discordId" = t.d`,
      [
        chunk.map((c) => c.guildId),
        chunk.map((c) => c.userDiscordId),
        chunk.map((c) => c.roleId),
        chunk.map((c) => c.action),
        chunk.map((c) => c.timestamp.toISOString()),
      ],
    ],
  );
