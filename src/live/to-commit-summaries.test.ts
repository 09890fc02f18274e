import { describe, expect, it } from 'vitest';
import type { IngestRows } from '../ingest/ingest-rows.ts';
import { toCommitSummaries } from './to-commit-summaries.ts';

const t = (second: number) => new Date(Date.UTC(2026, 10, 10, 12, 0, second));
const NOW = new Date(Date.UTC(2026, 10, 10, 13));
const zero = {
  presences: 0,
  messages: 0,
  typing: 0,
  reactions: 0,
  joins: 0,
  leaves: 0,
  roleUpdates: 0,
  bans: 0,
  voice: 0,
};

describe('toCommitSummaries', () => {
  it('counts per guild and kind, recent events oldest first, nothing for a guild with nothing countable', () => {
    const batch: Partial<IngestRows>[] = [
      {
        messages: [
          {
            id: 'm1',
            guildId: 'A',
            channelId: 'c1',
            userDiscordId: 'u1',
            content: null,
            length: 1,
            attachments: [],
            timestamp: t(2),
          },
        ],
      },
      {
        typing: [{ guildId: 'A', channelId: 'c1', userDiscordId: 'u2', timestamp: t(1) }],
        memberEvents: [
          {
            guildId: 'B',
            userDiscordId: 'u3',
            type: 'join',
            accountCreatedAt: t(0),
            timestamp: t(3),
          },
          {
            guildId: 'B',
            userDiscordId: 'u4',
            type: 'leave',
            accountCreatedAt: t(0),
            timestamp: t(4),
          },
        ],
      },
      {
        memberRoles: [
          { guildId: 'A', userDiscordId: 'u1', roleIds: [], timestamp: t(5), baseline: true },
          { guildId: 'A', userDiscordId: 'u1', roleIds: ['r'], timestamp: t(6), baseline: false },
        ],
        bans: [{ guildId: 'A', userDiscordId: 'u9', action: 'unban', timestamp: t(7) }],
        guilds: [{ id: 'C', name: 'C', icon: null, ownerId: null, memberCount: 1 }],
      },
    ];
    expect(toCommitSummaries(batch, NOW)).toEqual([
      {
        type: 'events',
        guildId: 'A',
        at: NOW.toISOString(),
        counts: { ...zero, messages: 1, typing: 1, roleUpdates: 1 },
        recent: [
          { kind: 'typing', userId: 'u2', at: t(1).toISOString(), channelId: 'c1' },
          { kind: 'message', userId: 'u1', at: t(2).toISOString(), channelId: 'c1' },
        ],
      },
      {
        type: 'events',
        guildId: 'B',
        at: NOW.toISOString(),
        counts: { ...zero, joins: 1, leaves: 1 },
        recent: [
          { kind: 'join', userId: 'u3', at: t(3).toISOString() },
          { kind: 'leave', userId: 'u4', at: t(4).toISOString() },
        ],
      },
    ]);
  });

  it('keeps the latest 20 events of a large batch and counts them all', () => {
    const presences = Array.from({ length: 1_000 }, (_, i) => ({
      guildId: 'A',
      userDiscordId: `u${i}`,
      status: 'online' as const,
      clientStatus: {},
      activities: [],
      timestamp: new Date(t(0).getTime() + i),
    }));
    const [summary] = toCommitSummaries([{ presences }], NOW);
    expect(summary?.counts.presences).toBe(1_000);
    expect(summary?.recent.map((r) => r.userId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `u${980 + i}`),
    );
  });
});
