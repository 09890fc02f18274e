import type { VoiceStateRow } from '../../ingest/ingest-rows.ts';
import { memberKey } from './last-by-key.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';
import { toStatementChunks } from './statement-chunks.ts';

/**
 * One voice state per member: the member's open session in another channel (or any, when
 * the state has none) is closed, and one is opened unless the member is already in that
 * channel (a mute, deafen or stream changes nothing). Every CTE sees the sessions as they
 * were before the statement, which is right because no member comes twice.
 */
const APPLY_VOICE_STATES = `
  WITH t AS MATERIALIZED (
    SELECT t.guild, u.id AS uid, t.channel, t.ts
    FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS t(guild, d, channel, ts)
    JOIN "User" u ON u."discordId" = t.d
  ), open AS MATERIALIZED (
    SELECT v.id, v."channelId", t.guild, t.uid, t.channel, t.ts
    FROM t JOIN "VoiceSession" v
      ON v."userId" = t.uid AND v."guildId" = t.guild AND v."leftAt" IS NULL
  ), closed AS (
    UPDATE "VoiceSession" v SET "leftAt" = o.ts FROM open o
    WHERE v.id = o.id AND o."channelId" IS DISTINCT FROM o.channel
  )
  INSERT INTO "VoiceSession" ("guildId", "userId", "channelId", "joinedAt")
  SELECT t.guild, t.uid, t.channel, t.ts FROM t
  WHERE t.channel IS NOT NULL
    AND (t.guild, t.uid, t.channel) NOT IN (SELECT guild, uid, "channelId" FROM open)`;

/** Rounds in which each member comes at most once, each member's states in order. */
const toRounds = (rows: readonly VoiceStateRow[]): VoiceStateRow[][] => {
  const rounds: VoiceStateRow[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = memberKey(row);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    const list = rounds[round];
    if (list) list.push(row);
    else rounds[round] = [row];
  }
  return rounds;
};

/**
 * Opens and closes voice sessions in the order received. A state in the channel the member is
 * already in (mute, deafen, stream) changes nothing; a move closes one session and opens another.
 * One statement per round of states (a member's second state of the batch goes in the second
 * round), not one per state: a batch usually has each member once.
 */
export const applyVoiceStates = async (
  tx: OrderedQueryable,
  rows: readonly VoiceStateRow[],
): Promise<void> => {
  const statements: Statement[] = [];
  for (const round of toRounds(rows)) {
    for (const chunk of toStatementChunks(round)) {
      statements.push([
        APPLY_VOICE_STATES,
        [
          chunk.map((row) => row.guildId),
          chunk.map((row) => row.userDiscordId),
          chunk.map((row) => row.channelId),
          chunk.map((row) => row.timestamp.toISOString()),
        ],
      ]);
    }
  }
  await queryInOrder(tx, statements);
};
