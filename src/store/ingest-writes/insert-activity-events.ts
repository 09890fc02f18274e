import type {
  LatencyRow,
  MemberEventRow,
  ReactionRow,
  TypingRow,
} from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';

const iso = (date: Date) => date.toISOString();

/** Stores typing events. */
export const insertTyping = async (tx: Queryable, rows: readonly TypingRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "TypingEvent" ("guildId", "channelId", "userId", timestamp)
     SELECT t.guild, t.channel, u.id, t.ts
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS t(guild, channel, d, ts)
     JOIN "User" u ON u."discordId" = t.d`,
    [
      rows.map((r) => r.guildId),
      rows.map((r) => r.channelId),
      rows.map((r) => r.userDiscordId),
      rows.map((r) => iso(r.timestamp)),
    ],
  );
};

/** Stores reactions added and removed. */
export const insertReactions = async (
  tx: Queryable,
  rows: readonly ReactionRow[],
): Promise<void> => {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "ReactionEvent" ("guildId", "channelId", "messageId", "userId", emoji, action, timestamp)
     SELECT t.guild, t.channel, t.message, u.id, t.emoji, t.action, t.ts
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
       AS t(guild, channel, message, d, emoji, action, ts)
     JOIN "User" u ON u."discordId" = t.d`,
    [
      rows.map((r) => r.guildId),
      rows.map((r) => r.channelId),
      rows.map((r) => r.messageId),
      rows.map((r) => r.userDiscordId),
      rows.map((r) => r.emoji),
      rows.map((r) => r.action),
      rows.map((r) => iso(r.timestamp)),
    ],
  );
};

/** Stores joins and leaves with the account's creation time. */
export const insertMemberEvents = async (
  tx: Queryable,
  rows: readonly MemberEventRow[],
): Promise<void> => {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "MemberEvent" ("guildId", "userId", type, "accountCreatedAt", timestamp)
     SELECT t.guild, u.id, t.type, t.created, t.ts
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
       AS t(guild, d, type, created, ts)
     JOIN "User" u ON u."discordId" = t.d`,
    [
      rows.map((r) => r.guildId),
      rows.map((r) => r.userDiscordId),
      rows.map((r) => r.type),
      rows.map((r) => iso(r.accountCreatedAt)),
      rows.map((r) => iso(r.timestamp)),
    ],
  );
};

/** Stores reaction-latency samples. */
export const insertLatencies = async (
  tx: Queryable,
  rows: readonly LatencyRow[],
): Promise<void> => {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "ReactionLatency" ("guildId", "channelId", "userId", "targetUserId", "messageId", "latencyMs", timestamp)
     SELECT t.guild, t.channel, u.id, target.id, t.message, t.ms, t.ts
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[])
       AS t(guild, channel, d, target_d, message, ms, ts)
     JOIN "User" u ON u."discordId" = t.d
     JOIN "User" target ON target."discordId" = t.target_d`,
    [
      rows.map((r) => r.guildId),
      rows.map((r) => r.channelId),
      rows.map((r) => r.userDiscordId),
      rows.map((r) => r.targetDiscordId),
      rows.map((r) => r.messageId),
      rows.map((r) => r.latencyMs),
      rows.map((r) => iso(r.timestamp)),
    ],
  );
};
