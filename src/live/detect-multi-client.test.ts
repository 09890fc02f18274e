import { describe, expect, it } from 'vitest';
import type { PresenceRow } from '../ingest/ingest-rows.ts';
import { detectMultiClient, type MultiClientState } from './detect-multi-client.ts';

const at = (second: number) => new Date(Date.UTC(2026, 10, 10, 12, 0, second));
const presence = (
  userDiscordId: string,
  clientStatus: PresenceRow['clientStatus'],
  second: number,
  status: PresenceRow['status'] = 'online',
  guildId = '1',
): PresenceRow => ({
  guildId,
  userDiscordId,
  status,
  clientStatus,
  activities: [],
  timestamp: at(second),
});

describe('detectMultiClient', () => {
  const cases: {
    name: string;
    state: string[];
    rows: PresenceRow[];
    live?: boolean;
    alerts: { guildId: string; userId: string; platforms: string[] }[];
    after: string[];
  }[] = [
    {
      name: 'a second platform alerts once, in Discord’s platform order',
      state: [],
      rows: [
        presence('10', { desktop: 'online' }, 0),
        presence('10', { mobile: 'online', desktop: 'online' }, 1),
        presence('10', { desktop: 'idle', mobile: 'online' }, 2),
      ],
      alerts: [{ guildId: '1', userId: '10', platforms: ['desktop', 'mobile'] }],
      after: ['1:10'],
    },
    {
      name: 'already multi-client: no new alert',
      state: ['1:10'],
      rows: [presence('10', { desktop: 'online', web: 'online' }, 0)],
      alerts: [],
      after: ['1:10'],
    },
    {
      name: 'back to one platform and again to two: a new sign-in, a new alert',
      state: ['1:10'],
      rows: [
        presence('10', { desktop: 'online' }, 0),
        presence('10', { desktop: 'online', web: 'online' }, 1),
      ],
      alerts: [{ guildId: '1', userId: '10', platforms: ['desktop', 'web'] }],
      after: ['1:10'],
    },
    {
      name: 'offline ends multi-client',
      state: ['1:10'],
      rows: [presence('10', {}, 0, 'offline')],
      alerts: [],
      after: [],
    },
    {
      name: 'the same member in another guild is tracked apart',
      state: ['1:10'],
      rows: [presence('10', { desktop: 'online', mobile: 'online' }, 0, 'online', '2')],
      alerts: [{ guildId: '2', userId: '10', platforms: ['desktop', 'mobile'] }],
      after: ['1:10', '2:10'],
    },
    {
      name: 'GUILD_CREATE snapshots set the state without alerting',
      state: [],
      rows: [presence('10', { desktop: 'online', mobile: 'online' }, 0)],
      live: false,
      alerts: [],
      after: ['1:10'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const state: MultiClientState = new Set(c.state);
      const alerts = detectMultiClient(state, c.rows, c.live ?? true);
      expect(
        alerts.map(({ guildId, alert }) => ({
          guildId,
          userId: alert.userId,
          platforms: alert.platforms,
        })),
      ).toEqual(c.alerts);
      expect([...state].sort()).toEqual(c.after);
    });
  }
});
