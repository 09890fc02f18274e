import { GatewayIntentBits as Intents } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { toGuildCreatePayload } from './guild-create-payload.ts';
import { toGuildState } from './guild-state.ts';
import { buildLargeGuild } from './scenario/build-large-guild.ts';
import { toBotMember } from './simulator-state.ts';

const { guild, bot } = buildLargeGuild({
  seed: 'guild-create',
  memberCount: 1_000,
  onlineShare: 0.2,
});
const state = toGuildState(guild, toBotMember(bot, '2025-01-01T00:00:00.000Z'));
const view = {
  intents:
    Intents.Guilds | Intents.GuildMembers | Intents.GuildPresences | Intents.GuildVoiceStates,
  largeThreshold: 50,
  botId: bot.id,
  memberListPolicy: 'discord' as const,
};

describe('toGuildCreatePayload', () => {
  it('lists only online, role-holding or voice members of a large guild, as Discord does', () => {
    const payload = toGuildCreatePayload(state, view);
    expect(payload).toMatchObject({
      id: guild.id,
      large: true,
      member_count: 1_001,
      unavailable: false,
    });
    const online = new Set(
      (guild.presences ?? []).filter((p) => p.status !== 'offline').map((p) => p.user.id),
    );
    for (const member of payload.members) {
      const kept =
        online.has(member.user.id) || member.roles.length > 0 || member.user.id === bot.id;
      expect(kept).toBe(true);
    }
    expect(payload.members.length).toBeGreaterThan(150);
    expect(payload.members.length).toBeLessThan(300);
    expect(payload.presences.every((presence) => presence.guild_id === guild.id)).toBe(true);
  });

  it('lists every member of a small guild, or of any guild with the `all` policy', () => {
    expect(toGuildCreatePayload(state, { ...view, largeThreshold: 2_000 }).members).toHaveLength(
      1_001,
    );
    expect(toGuildCreatePayload(state, { ...view, memberListPolicy: 'all' }).members).toHaveLength(
      1_001,
    );
  });

  it('without GuildPresences sends no presences and only the bot and voice members', () => {
    const payload = toGuildCreatePayload(state, { ...view, intents: Intents.Guilds });
    expect(payload.presences).toEqual([]);
    expect(payload.members.map((member) => member.user.id)).toEqual([bot.id]);
    expect(payload.voice_states).toEqual([]);
  });

  it('past 75,000 members lists only the bot and voice members, with their presences only', () => {
    const huge = buildLargeGuild({ seed: 'huge', memberCount: 80_000, onlineShare: 0.3 });
    const hugeState = toGuildState(huge.guild, toBotMember(huge.bot, '2025-01-01T00:00:00.000Z'));
    const payload = toGuildCreatePayload(hugeState, { ...view, botId: huge.bot.id });
    expect(payload).toMatchObject({ large: true, member_count: 80_001 });
    const listed = new Set(payload.members.map((member) => member.user.id));
    expect(listed.has(huge.bot.id)).toBe(true);
    for (const id of listed) expect(id === huge.bot.id || hugeState.voiceStates.has(id)).toBe(true);
    expect(payload.presences.length).toBeLessThanOrEqual(listed.size);
    for (const presence of payload.presences) expect(listed.has(presence.user.id)).toBe(true);
  });
});
