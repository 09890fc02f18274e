import type { VoiceStateRow } from '../../ingest/ingest-rows.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';

/**
 * Opens and closes voice sessions in the order received. A state in the channel the member is
 * already in (mute, deafen, stream) changes nothing; a move closes one session and opens another.
 */
export const applyVoiceStates = async (
  tx: OrderedQueryable,
  rows: readonly VoiceStateRow[],
): Promise<void> => {
  const statements = rows.map(
    (row): Statement => [
      `WITH member AS (SELECT id FROM "User" WHERE "discordId" = $2),
       open AS (
         SELECT v.id, v."channelId" FROM "VoiceSession" v, member
         WHERE v."guildId" = $1 AND v."userId" = member.id AND v."leftAt" IS NULL
       ), closed AS (
         UPDATE "VoiceSession" v SET "leftAt" = $4::timestamptz FROM open
         WHERE v.id = open.id AND open."channelId" IS DISTINCT FROM $3::text
       )
       INSERT INTO "VoiceSession" ("guildId", "userId", "channelId", "joinedAt")
       SELECT $1, member.id, $3::text, $4::timestamptz FROM member
       WHERE $3::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM open WHERE open."channelId" = $3::text)`,
      [row.guildId, row.userDiscordId, row.channelId, row.timestamp.toISOString()],
    ],
  );
  await queryInOrder(tx, statements);
};
