import { GatewayDispatchEvents as Events } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { toSnowflakeTimestampMs } from '../snowflake.ts';
import { createBenchmarkMix } from './benchmark-mix.ts';
import { buildLargeGuild } from './build-large-guild.ts';

describe('buildLargeGuild', () => {
  it('builds 100,000 members quickly, with unique, valid ids and a share online', () => {
    const startedAt = performance.now();
    const { guild } = buildLargeGuild({ seed: 'big', memberCount: 100_000 });
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    expect(guild.members).toHaveLength(100_000);
    const ids = new Set(guild.members.map((member) => member.user.id));
    expect(ids.size).toBe(100_000);
    const sample = guild.members[50_000]?.user.id ?? '0';
    expect(toSnowflakeTimestampMs(sample)).toBeLessThan(Date.UTC(2025, 0, 6));
    const online = guild.presences?.length ?? 0;
    expect(online / 100_000).toBeGreaterThan(0.25);
    expect(online / 100_000).toBeLessThan(0.35);
  });
});

describe('createBenchmarkMix', () => {
  const { guild } = buildLargeGuild({ seed: 'mix', memberCount: 1_000 });
  const events = [...createBenchmarkMix({ seed: 7, guild, count: 20_000 })];

  it('is about 90% PRESENCE_UPDATE, with the other captured kinds present', () => {
    const presences = events.filter((event) => event.event === Events.PresenceUpdate).length;
    expect(presences / events.length).toBeGreaterThan(0.88);
    expect(presences / events.length).toBeLessThan(0.92);
    const kinds = new Set(events.map((event) => event.event));
    expect([...kinds].sort()).toEqual(
      [
        Events.PresenceUpdate,
        Events.MessageCreate,
        Events.TypingStart,
        Events.MessageReactionAdd,
        Events.MessageUpdate,
        Events.MessageDelete,
        Events.VoiceStateUpdate,
      ].sort(),
    );
  });

  it('never repeats a payload, nor a member’s presence snapshot twice in a row', () => {
    const payloads = new Set(events.map((event) => JSON.stringify(event.data)));
    expect(payloads.size).toBe(events.length);
    const last = new Map<string, string>();
    for (const event of events) {
      if (event.event !== Events.PresenceUpdate) continue;
      const { status, client_status } = event.data;
      const snapshot = JSON.stringify({ status, client_status });
      expect(last.get(event.data.user.id)).not.toBe(snapshot);
      last.set(event.data.user.id, snapshot);
    }
  });

  it('is deterministic and lazy', () => {
    const again = [...createBenchmarkMix({ seed: 7, guild, count: 20_000 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(events));
    const huge = createBenchmarkMix({ seed: 7, guild, count: 1_000_000_000 });
    expect(huge.next().value).toEqual(events[0]);
  });
});
