import type { AuditActorRow, BanRow } from '../../ingest/ingest-rows.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';

/** Who banned is unknown until the audit-log entry arrives (the seed makes bannedBy required). */
export const UNKNOWN_ACTOR = 'unknown';

/** Opens a ban record (unless one is active) or closes the active one, in the order received. */
export const applyBans = async (tx: OrderedQueryable, rows: readonly BanRow[]): Promise<void> => {
  const statements = rows.map((row): Statement => {
    const params = [row.guildId, row.userDiscordId, row.timestamp.toISOString()];
    if (row.action === 'ban') {
      return [
        `INSERT INTO "BanRecord" ("guildId", "userId", "bannedBy", "bannedAt")
         SELECT $1, u.id, '${UNKNOWN_ACTOR}', $3::timestamptz FROM "User" u WHERE u."discordId" = $2
           AND NOT EXISTS (SELECT 1 FROM "BanRecord" b
                           WHERE b."guildId" = $1 AND b."userId" = u.id AND b."isActive")`,
        params,
      ];
    }
    return [
      `UPDATE "BanRecord" b SET "isActive" = false, "unbannedAt" = $3::timestamptz
       FROM "User" u WHERE u."discordId" = $2 AND b."userId" = u.id AND b."guildId" = $1 AND b."isActive"`,
      params,
    ];
  });
  await queryInOrder(tx, statements);
};

/** How far apart an audit entry and the change it explains may be. */
const ACTOR_WINDOW = `interval '5 minutes'`;

/** Names the actor (and reason) of role changes and bans from audit-log entries. */
export const applyAuditActors = async (
  tx: OrderedQueryable,
  rows: readonly AuditActorRow[],
): Promise<void> => {
  const statements = rows.map((row): Statement => {
    const base = [
      row.guildId,
      row.targetDiscordId,
      row.actorDiscordId,
      row.timestamp.toISOString(),
    ];
    if (row.kind === 'role') {
      return [
        `UPDATE "RoleChange" r SET "actorId" = $3 FROM "User" u
         WHERE u."discordId" = $2 AND r."userId" = u.id AND r."guildId" = $1 AND r."actorId" IS NULL
           AND r."roleId" = ANY($5::text[])
           AND r.timestamp BETWEEN $4::timestamptz - ${ACTOR_WINDOW} AND $4::timestamptz + ${ACTOR_WINDOW}`,
        [...base, row.roleIds],
      ];
    } else if (row.kind === 'ban') {
      return [
        // Not "isActive": an unban may already have come in the same batch.
        `UPDATE "BanRecord" b SET "bannedBy" = $3, reason = COALESCE($5, b.reason) FROM "User" u
         WHERE u."discordId" = $2 AND b."userId" = u.id AND b."guildId" = $1
           AND b."bannedBy" = '${UNKNOWN_ACTOR}'
           AND b."bannedAt" BETWEEN $4::timestamptz - ${ACTOR_WINDOW} AND $4::timestamptz + ${ACTOR_WINDOW}`,
        [...base, row.reason],
      ];
    } else {
      return [
        `UPDATE "BanRecord" b SET "unbannedBy" = $3 FROM "User" u
         WHERE u."discordId" = $2 AND b."userId" = u.id AND b."guildId" = $1 AND NOT b."isActive"
           AND b."unbannedBy" IS NULL
           AND b."unbannedAt" BETWEEN $4::timestamptz - ${ACTOR_WINDOW} AND $4::timestamptz + ${ACTOR_WINDOW}`,
        base,
      ];
    }
  });
  await queryInOrder(tx, statements);
};
