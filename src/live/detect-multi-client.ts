import type { IngestRows, Platform } from '../ingest/ingest-rows.ts';
import type { MultiClientAlert } from './live-event.ts';

const platformOrder: readonly Platform[] = ['desktop', 'mobile', 'web', 'embedded'];

/** Members (`guildId:userId`) whose last presence showed two or more platforms. */
export type MultiClientState = Set<string>;

/**
 * Alerts for members whose presence went from fewer than two platforms to two or more
 * (a sign-in on another device), updating `state`. Snapshots from GUILD_CREATE or member
 * chunks (`live: false`) only set the state: a restart must not alert on everyone already
 * signed in twice.
 */
export const detectMultiClient = (
  state: MultiClientState,
  presences: IngestRows['presences'],
  live: boolean,
): { guildId: string; alert: MultiClientAlert }[] => {
  const alerts: { guildId: string; alert: MultiClientAlert }[] = [];
  for (const row of presences) {
    const key = `${row.guildId}:${row.userDiscordId}`;
    const platforms = platformOrder.filter((name) => row.clientStatus[name] !== undefined);
    const multi = row.status !== 'offline' && platforms.length >= 2;
    if (!multi) {
      state.delete(key);
      continue;
    }
    if (!state.has(key) && live) {
      alerts.push({
        guildId: row.guildId,
        alert: {
          kind: 'multiClient',
          userId: row.userDiscordId,
          platforms,
          at: row.timestamp.toISOString(),
        },
      });
    }
    state.add(key);
  }
  return alerts;
};
