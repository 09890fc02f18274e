import type { IngestRows } from '../ingest/ingest-rows.ts';
import {
  type EventCounts,
  type EventsMessage,
  RECENT_EVENTS_MAX,
  type RecentEvent,
} from './live-event.ts';

const emptyCounts = (): EventCounts => ({
  presences: 0,
  messages: 0,
  typing: 0,
  reactions: 0,
  joins: 0,
  leaves: 0,
  roleUpdates: 0,
  bans: 0,
  voice: 0,
});

interface GuildTally {
  counts: EventCounts;
  recent: RecentEvent[];
}

/** Each kind's rows as counted and shown: its counter, and its recent-event form (if any). */
const kinds: {
  [K in keyof IngestRows]?: (
    row: IngestRows[K][number],
  ) => { counter: keyof EventCounts; recent?: RecentEvent } | undefined;
} = {
  presences: (r) => ({
    counter: 'presences',
    recent: {
      kind: 'presence',
      userId: r.userDiscordId,
      at: r.timestamp.toISOString(),
      status: r.status,
    },
  }),
  messages: (r) => ({
    counter: 'messages',
    recent: {
      kind: 'message',
      userId: r.userDiscordId,
      at: r.timestamp.toISOString(),
      channelId: r.channelId,
    },
  }),
  typing: (r) => ({
    counter: 'typing',
    recent: {
      kind: 'typing',
      userId: r.userDiscordId,
      at: r.timestamp.toISOString(),
      channelId: r.channelId,
    },
  }),
  reactions: (r) => ({
    counter: 'reactions',
    recent: {
      kind: 'reaction',
      userId: r.userDiscordId,
      at: r.timestamp.toISOString(),
      channelId: r.channelId,
    },
  }),
  memberEvents: (r) => ({
    counter: r.type === 'join' ? 'joins' : 'leaves',
    recent: { kind: r.type, userId: r.userDiscordId, at: r.timestamp.toISOString() },
  }),
  memberRoles: (r) => (r.baseline ? undefined : { counter: 'roleUpdates' }),
  bans: (r) =>
    r.action === 'ban'
      ? {
          counter: 'bans',
          recent: { kind: 'ban', userId: r.userDiscordId, at: r.timestamp.toISOString() },
        }
      : undefined,
  voiceStates: (r) => ({
    counter: 'voice',
    recent: {
      kind: 'voice',
      userId: r.userDiscordId,
      at: r.timestamp.toISOString(),
      ...(r.channelId === null ? {} : { channelId: r.channelId }),
    },
  }),
};

/**
 * Per guild, what a committed batch stored: counts per kind and its latest events (at most
 * {@link RECENT_EVENTS_MAX}, oldest first). Guilds with nothing countable get no message.
 * Only the last rows of each kind are turned into recent events, so a 100,000-member
 * GUILD_CREATE costs a count, not 100,000 objects.
 */
export const toCommitSummaries = (
  batch: readonly Partial<IngestRows>[],
  now: Date,
): EventsMessage[] => {
  const guilds = new Map<string, GuildTally>();
  const tally = (guildId: string): GuildTally => {
    let found = guilds.get(guildId);
    if (!found) {
      found = { counts: emptyCounts(), recent: [] };
      guilds.set(guildId, found);
    }
    return found;
  };
  for (const rows of batch) {
    for (const [kind, describe] of Object.entries(kinds) as [
      keyof IngestRows,
      (row: unknown) => { counter: keyof EventCounts; recent?: RecentEvent } | undefined,
    ][]) {
      const list = (rows[kind] ?? []) as { guildId: string }[];
      list.forEach((row, index) => {
        const seen = describe(row);
        if (!seen) return;
        const guild = tally(row.guildId);
        guild.counts[seen.counter] += 1;
        if (!seen.recent || index < list.length - RECENT_EVENTS_MAX) return;
        guild.recent.push(seen.recent);
        // Dispatches arrive in order, so the oldest of a long list can go early.
        if (guild.recent.length > 4 * RECENT_EVENTS_MAX)
          guild.recent.splice(0, guild.recent.length - 2 * RECENT_EVENTS_MAX);
      });
    }
  }
  return [...guilds].map(([guildId, { counts, recent }]) => ({
    type: 'events',
    guildId,
    at: now.toISOString(),
    counts,
    recent: recent
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .slice(-RECENT_EVENTS_MAX),
  }));
};
