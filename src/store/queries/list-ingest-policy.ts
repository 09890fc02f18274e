import type { Queryable } from '../database.ts';

/** What the ingest must honour: guilds that capture message content, and members' opt-outs. */
export interface IngestPolicyRows {
  contentCaptureGuildIds: string[];
  /** `guildId` null: the member opted out everywhere. */
  optOuts: { discordId: string; guildId: string | null }[];
}

/** Reads the ingest policy (small tables: read whole). */
export const listIngestPolicy = async (db: Queryable): Promise<IngestPolicyRows> => {
  const capture = await db.query<{ guildId: string }>(
    `SELECT "guildId" FROM "GuildSettings" WHERE "contentCapture"`,
  );
  const optOuts = await db.query<{ discordId: string; guildId: string | null }>(
    `SELECT "discordId", "guildId" FROM "OptOut"`,
  );
  return { contentCaptureGuildIds: capture.map((row) => row.guildId), optOuts };
};
