import { emptyIngestRows, type IngestRows } from '../ingest/ingest-rows.ts';
import type { Database } from '../store/database.ts';
import { writeIngestRows } from '../store/ingest-writes/write-ingest-rows.ts';
import { rollUpStoredEvents } from '../store/rollups/testing/roll-up-stored-events.ts';

/**
 * Builders for the scenarios of the heatmap, channel, latency, join, suspicion and timeline
 * tests. Rows go through the real ingest writer, as real data does.
 */
export const writeActivity = async (db: Database, rows: Partial<IngestRows>): Promise<void> => {
  await db.transaction((tx) => writeIngestRows(tx, { ...emptyIngestRows(), ...rows }));
  // Analytics read whole rolled-up hours from rollups: the tests cover that path too.
  await rollUpStoredEvents(db);
};

/** A guild with named members (username = the name, no display name). */
export const guildWithMembers = (
  guildId: string,
  members: Record<string, string>,
): Partial<IngestRows> => ({
  guilds: [{ id: guildId, name: guildId, icon: null, ownerId: null, memberCount: null }],
  users: Object.entries(members).map(([discordId, username]) => ({
    discordId,
    username,
    discriminator: '0',
    globalName: null,
    avatar: null,
    isBot: false,
  })),
  members: Object.keys(members).map((userDiscordId) => ({ guildId, userDiscordId })),
});

let messageSequence = 0;

/** A message (a fresh Discord id each time) by `userDiscordId` in `channelId` at `timestamp`. */
export const messageRow = (
  guildId: string,
  userDiscordId: string,
  channelId: string,
  timestamp: Date,
  content: string | null = null,
): IngestRows['messages'][number] => ({
  id: String(700_000_000_000_000_000n + BigInt(++messageSequence)),
  guildId,
  channelId,
  userDiscordId,
  content,
  length: content?.length ?? 0,
  attachments: [],
  timestamp,
});

/** Opts a member out in one guild. */
export const optOut = (db: Database, discordId: string, guildId: string): Promise<unknown> =>
  db.query(`INSERT INTO "OptOut" ("discordId", "guildId") VALUES ($1, $2)`, [discordId, guildId]);
