import type { IngestRows } from '../src/ingest/ingest-rows.ts';
import type { Database } from '../src/store/database.ts';
import type { EventRows } from './bench-rows.ts';

type Statement = [text: string, params: unknown[]];
type Naive<Kind extends keyof IngestRows> = (row: IngestRows[Kind][number]) => Statement;

const userId = (param: string) => `(SELECT id FROM "User" WHERE "discordId" = ${param})`;

/** What a naive bot sends for each row: one statement, the user looked up inside it. */
const naive: { [Kind in keyof IngestRows]?: Naive<Kind> } = {
  presences: (r) => [
    `INSERT INTO "Presence" ("guildId", "userId", status, "clientStatus", activities, timestamp)
     VALUES ($1, ${userId('$2')}, $3, $4, $5, $6)`,
    [
      r.guildId,
      r.userDiscordId,
      r.status,
      JSON.stringify(r.clientStatus),
      JSON.stringify(r.activities),
      r.timestamp,
    ],
  ],
  messages: (r) => [
    `INSERT INTO "Message" (id, "guildId", "channelId", "userId", content, length, attachments, timestamp)
     VALUES ($1, $2, $3, ${userId('$4')}, $5, $6, $7, $8) ON CONFLICT (id, timestamp) DO NOTHING`,
    [
      r.id,
      r.guildId,
      r.channelId,
      r.userDiscordId,
      r.content,
      r.length,
      JSON.stringify(r.attachments),
      r.timestamp,
    ],
  ],
  messageEdits: (r) => [
    `UPDATE "Message" SET "editedAt" = $3 WHERE id = $1 AND "guildId" = $2`,
    [r.id, r.guildId, r.editedAt],
  ],
  messageDeletes: (r) => [
    `UPDATE "Message" SET "deletedAt" = $3 WHERE id = $1 AND "guildId" = $2`,
    [r.id, r.guildId, r.deletedAt],
  ],
  typing: (r) => [
    `INSERT INTO "TypingEvent" ("guildId", "channelId", "userId", timestamp)
     VALUES ($1, $2, ${userId('$3')}, $4)`,
    [r.guildId, r.channelId, r.userDiscordId, r.timestamp],
  ],
  reactions: (r) => [
    `INSERT INTO "ReactionEvent" ("guildId", "channelId", "messageId", "userId", emoji, action, timestamp)
     VALUES ($1, $2, $3, ${userId('$4')}, $5, $6, $7)`,
    [r.guildId, r.channelId, r.messageId, r.userDiscordId, r.emoji, r.action, r.timestamp],
  ],
  latencies: (r) => [
    `INSERT INTO "ReactionLatency" ("guildId", "channelId", "userId", "targetUserId", "messageId", "latencyMs", timestamp)
     VALUES ($1, $2, ${userId('$3')}, ${userId('$4')}, $5, $6, $7)`,
    [
      r.guildId,
      r.channelId,
      r.userDiscordId,
      r.targetDiscordId,
      r.messageId,
      r.latencyMs,
      r.timestamp,
    ],
  ],
  voiceStates: (r) =>
    r.channelId === null
      ? [
          `UPDATE "VoiceSession" SET "leftAt" = $3
           WHERE "guildId" = $1 AND "userId" = ${userId('$2')} AND "leftAt" IS NULL`,
          [r.guildId, r.userDiscordId, r.timestamp],
        ]
      : [
          `INSERT INTO "VoiceSession" ("guildId", "userId", "channelId", "joinedAt")
           VALUES ($1, ${userId('$2')}, $3, $4)`,
          [r.guildId, r.userDiscordId, r.channelId, r.timestamp],
        ],
};

const toStatements = (rows: Partial<IngestRows>): Statement[] =>
  (Object.keys(rows) as (keyof IngestRows)[]).flatMap((kind) => {
    const make = naive[kind] as Naive<typeof kind> | undefined;
    return make ? (rows[kind] ?? []).map((row) => make(row as never)) : [];
  });

/**
 * The per-event baseline: every row of every dispatch in its own awaited, autocommitted
 * statement, as a bot without batching writes. Users and memberships are not kept up to date
 * (the bot does that too), which only flatters the baseline.
 */
export const runNaiveInserts = async (db: Database, events: EventRows) => {
  const startedAt = performance.now();
  for (const rows of events) {
    for (const [text, params] of toStatements(rows)) await db.query(text, params);
  }
  const elapsedMs = performance.now() - startedAt;
  return { events: events.length, elapsedMs, eventsPerSecond: (events.length / elapsedMs) * 1_000 };
};
