import {
  emptyIngestRows,
  type IngestRows,
  type PresenceRow,
  type PresenceStatus,
} from '../ingest/ingest-rows.ts';
import type { Database } from '../store/database.ts';
import { writeIngestRows } from '../store/ingest-writes/write-ingest-rows.ts';
import { rollUpStoredEvents } from '../store/rollups/testing/roll-up-stored-events.ts';

/**
 * Builders for the hand-made scenarios of the analytics tests. Rows go through the real
 * ingest writer (`writeIngestRows`), which is how data arrives in production.
 */
export const writeScenario = async (db: Database, rows: Partial<IngestRows>): Promise<void> => {
  await db.transaction((tx) => writeIngestRows(tx, { ...emptyIngestRows(), ...rows }));
  // Analytics read whole rolled-up hours from rollups: the tests cover that path too.
  await rollUpStoredEvents(db);
};

/** A minute-resolution instant on 2026-11-10 UTC, `minute` minutes after midnight. */
export const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 10, 0, minute));

export interface ScenarioMember {
  discordId: string;
  username: string;
  globalName?: string;
  nick?: string;
}

/** A guild, its users and their memberships. */
export const guildRows = (
  guildId: string,
  members: readonly ScenarioMember[],
): Partial<IngestRows> => ({
  guilds: [{ id: guildId, name: `Guild ${guildId}`, icon: null, ownerId: null, memberCount: null }],
  users: members.map((m) => ({
    discordId: m.discordId,
    username: m.username,
    discriminator: '0',
    globalName: m.globalName ?? null,
    avatar: null,
    isBot: false,
  })),
  members: members.map((m) => ({
    guildId,
    userDiscordId: m.discordId,
    nick: m.nick ?? null,
    joinedAt: at(0),
  })),
});

/**
 * One snapshot per instant. Each carries a distinct activity so that consecutive snapshots
 * are not deduplicated by the ingest (identical consecutive ones are stored once).
 */
export const presenceRows = (
  guildId: string,
  discordId: string,
  instants: readonly Date[],
  clientStatus: PresenceRow['clientStatus'] = { desktop: 'online' },
  status: PresenceStatus = 'online',
): PresenceRow[] =>
  instants.map((timestamp) => ({
    guildId,
    userDiscordId: discordId,
    status,
    clientStatus: status === 'offline' ? {} : clientStatus,
    activities: [{ type: 0, name: `game ${timestamp.toISOString()}` }],
    timestamp,
  }));

/** `count` instants `stepMinutes` apart, from `from`. */
export const instants = (from: Date, count: number, stepMinutes = 1): Date[] =>
  Array.from({ length: count }, (_, i) => new Date(from.getTime() + i * stepMinutes * 60_000));

/** Messages by one member, one per instant; ids are derived from guild, member and instant. */
export const messageRows = (
  guildId: string,
  discordId: string,
  times: readonly Date[],
): IngestRows['messages'] =>
  times.map((timestamp) => ({
    id: `${guildId.slice(-2)}${discordId.slice(-2)}${timestamp.getTime()}`,
    guildId,
    channelId: '500000000000000001',
    userDiscordId: discordId,
    content: null,
    length: 5,
    attachments: [],
    timestamp,
  }));

/** Typing events by one member, one per instant. */
export const typingRows = (
  guildId: string,
  discordId: string,
  times: readonly Date[],
): IngestRows['typing'] =>
  times.map((timestamp) => ({
    guildId,
    channelId: '500000000000000001',
    userDiscordId: discordId,
    timestamp,
  }));

/** Reactions added by one member, one per instant. */
export const reactionRows = (
  guildId: string,
  discordId: string,
  times: readonly Date[],
): IngestRows['reactions'] =>
  times.map((timestamp) => ({
    guildId,
    channelId: '500000000000000001',
    messageId: '700000000000000001',
    userDiscordId: discordId,
    emoji: '👍',
    action: 'added',
    timestamp,
  }));

/** Marks a member as opted out of one guild (the suppression marker of PRODUCT.md). */
export const optOut = async (db: Database, discordId: string, guildId: string): Promise<void> => {
  await db.query(`INSERT INTO "OptOut" ("discordId", "guildId") VALUES ($1, $2)`, [
    discordId,
    guildId,
  ]);
};
