import type { EventRows } from './bench-rows.ts';

/** Rows ready for one table, user ids already resolved: what a COPY would send. */
export interface RawTable {
  name: string;
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

const col = (name: string, type = 'text') => ({ name, type });

/**
 * The stream's rows by table, with `User.id` looked up in `userIds` beforehand, so that what
 * is measured is only the store taking the rows. Edits and deletions are updates: left out.
 */
export const toRawTables = (
  events: EventRows,
  userIds: ReadonlyMap<string, string>,
): RawTable[] => {
  const user = (discordId: string) => userIds.get(discordId) ?? null;
  const table = (name: string, columns: { name: string; type: string }[]): RawTable => ({
    name,
    columns,
    rows: [],
  });
  const presence = table('Presence', [
    col('guildId'),
    col('userId'),
    col('status'),
    col('clientStatus', 'jsonb'),
    col('activities', 'jsonb'),
    col('timestamp', 'timestamptz'),
  ]);
  const message = table('Message', [
    col('id'),
    col('guildId'),
    col('channelId'),
    col('userId'),
    col('content'),
    col('length', 'int'),
    col('attachments', 'jsonb'),
    col('timestamp', 'timestamptz'),
  ]);
  const typing = table('TypingEvent', [
    col('guildId'),
    col('channelId'),
    col('userId'),
    col('timestamp', 'timestamptz'),
  ]);
  const reaction = table('ReactionEvent', [
    col('guildId'),
    col('channelId'),
    col('messageId'),
    col('userId'),
    col('emoji'),
    col('action'),
    col('timestamp', 'timestamptz'),
  ]);
  const latency = table('ReactionLatency', [
    col('guildId'),
    col('channelId'),
    col('userId'),
    col('targetUserId'),
    col('messageId'),
    col('latencyMs', 'int'),
    col('timestamp', 'timestamptz'),
  ]);
  const voice = table('VoiceSession', [
    col('guildId'),
    col('userId'),
    col('channelId'),
    col('joinedAt', 'timestamptz'),
  ]);
  for (const rows of events) {
    for (const r of rows.presences ?? []) {
      presence.rows.push([
        r.guildId,
        user(r.userDiscordId),
        r.status,
        JSON.stringify(r.clientStatus),
        JSON.stringify(r.activities),
        r.timestamp.toISOString(),
      ]);
    }
    for (const r of rows.messages ?? []) {
      message.rows.push([
        r.id,
        r.guildId,
        r.channelId,
        user(r.userDiscordId),
        r.content,
        r.length,
        JSON.stringify(r.attachments),
        r.timestamp.toISOString(),
      ]);
    }
    for (const r of rows.typing ?? []) {
      typing.rows.push([r.guildId, r.channelId, user(r.userDiscordId), r.timestamp.toISOString()]);
    }
    for (const r of rows.reactions ?? []) {
      const { guildId, channelId, messageId, emoji, action } = r;
      const at = r.timestamp.toISOString();
      reaction.rows.push([guildId, channelId, messageId, user(r.userDiscordId), emoji, action, at]);
    }
    for (const r of rows.latencies ?? []) {
      latency.rows.push([
        r.guildId,
        r.channelId,
        user(r.userDiscordId),
        user(r.targetDiscordId),
        r.messageId,
        r.latencyMs,
        r.timestamp.toISOString(),
      ]);
    }
    for (const r of rows.voiceStates ?? []) {
      if (r.channelId === null) continue;
      voice.rows.push([r.guildId, user(r.userDiscordId), r.channelId, r.timestamp.toISOString()]);
    }
  }
  return [presence, message, typing, reaction, latency, voice].filter((t) => t.rows.length > 0);
};

/** The event tables the stream fills, emptied between phases so each starts alike. */
export const eventTableNames = [
  'Presence',
  'Message',
  'TypingEvent',
  'ReactionEvent',
  'ReactionLatency',
  'VoiceSession',
] as const;
