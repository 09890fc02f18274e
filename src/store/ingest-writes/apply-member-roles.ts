import type { MemberRolesRow } from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';
import { diffRoles } from './diff-roles.ts';
import { memberKey } from './last-by-key.ts';

interface RoleChangeInput {
  guildId: string;
  userDiscordId: string;
  roleId: string;
  action: 'added' | 'removed';
  timestamp: Date;
}

/**
 * Turns role lists into RoleChange rows, one per role added or removed, against the stored
 * list and then each earlier list of the batch. A first list (stored roles unknown) only sets
 * the baseline; a later GUILD_CREATE snapshot records what changed while the bot was away.
 */
export const applyMemberRoles = async (
  tx: Queryable,
  rows: readonly MemberRolesRow[],
): Promise<number> => {
  if (rows.length === 0) return 0;
  const stored = await tx.query<{ guildId: string; discordId: string; roleIds: string[] | null }>(
    `SELECT m."guildId", u."discordId", m."roleIds"
     FROM unnest($1::text[], $2::text[]) AS t(guild, d)
     JOIN "User" u ON u."discordId" = t.d
     JOIN "GuildMember" m ON m."guildId" = t.guild AND m."userId" = u.id`,
    [rows.map((r) => r.guildId), rows.map((r) => r.userDiscordId)],
  );
  const current = new Map<string, string[] | null>(
    stored.map((row) => [`${row.guildId}:${row.discordId}`, row.roleIds]),
  );
  const changes: RoleChangeInput[] = [];
  for (const row of rows) {
    const key = memberKey(row);
    const before = current.get(key) ?? null;
    if (before !== null) {
      const { added, removed } = diffRoles(before, row.roleIds);
      for (const roleId of added) changes.push({ ...row, roleId, action: 'added' });
      for (const roleId of removed) changes.push({ ...row, roleId, action: 'removed' });
    }
    current.set(key, row.roleIds);
  }
  await insertRoleChanges(tx, changes);
  const finals = [...current.entries()].filter(([, roles]) => roles !== null).sort();
  await tx.query(
    `UPDATE "GuildMember" m SET "roleIds" = t.roles::text[], "updatedAt" = now()
     FROM unnest($1::text[], $2::text[], $3::text[]) AS t(guild, d, roles)
     JOIN "User" u ON u."discordId" = t.d
     WHERE m."guildId" = t.guild AND m."userId" = u.id`,
    [
      finals.map(([key]) => key.split(':')[0]),
      finals.map(([key]) => key.split(':')[1]),
      finals.map(([, roles]) => toArrayLiteral(roles ?? [])),
    ],
  );
  return changes.length;
};

/** A PostgreSQL array literal of snowflakes (digits only, so no quoting is needed). */
const toArrayLiteral = (ids: readonly string[]): string => `{${ids.join(',')}}`;

const insertRoleChanges = async (
  tx: Queryable,
  changes: readonly RoleChangeInput[],
): Promise<void> => {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO "RoleChange" ("guildId", "userId", "roleId", action, timestamp)
     SELECT t.guild, u.id, t.role, t.action, t.ts
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
       AS t(guild, d, role, action, ts)
     JOIN "User" u ON u."discordId" = t.d`,
    [
      changes.map((c) => c.guildId),
      changes.map((c) => c.userDiscordId),
      changes.map((c) => c.roleId),
      changes.map((c) => c.action),
      changes.map((c) => c.timestamp.toISOString()),
    ],
  );
};
