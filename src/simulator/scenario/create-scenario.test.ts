import {
  AuditLogEvent,
  GatewayDispatchEvents as Events,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { toSnowflakeTimestampMs } from '../snowflake.ts';
import { createScenario, type Scenario } from './create-scenario.ts';
import type { ScenarioEvent } from './scenario-event.ts';

const scenario = createScenario({ seed: 42 });
const DAY_MS = 86_400_000;

const eventsOf = <E extends ScenarioEvent['event']>(event: E) =>
  scenario.events.filter((e): e is Extract<ScenarioEvent, { event: E }> => e.event === event);

const countBy = (
  events: readonly ScenarioEvent[],
  key: (event: ScenarioEvent) => string | undefined,
) => {
  const counts = new Map<string, number>();
  for (const event of events) {
    const value = key(event);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
};

const userOf = (event: ScenarioEvent): string | undefined => {
  const data = event.data as { user_id?: string; user?: { id: string }; author?: { id: string } };
  return data.user_id ?? data.author?.id ?? data.user?.id;
};

describe('createScenario', () => {
  it('is deterministic: the same seed gives the same stream, another seed another', () => {
    const again: Scenario = createScenario({ seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(scenario));
    expect(JSON.stringify(createScenario({ seed: 43 }).events)).not.toBe(
      JSON.stringify(scenario.events),
    );
  });

  it('emits events in time order within the scenario window, with valid snowflakes', () => {
    const times = scenario.events.map((event) => event.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(scenario.startMs);
    for (const message of eventsOf(Events.MessageCreate)) {
      expect(toSnowflakeTimestampMs(message.data.id)).toBe(message.atMs);
      expect(message.data.timestamp).toBe(new Date(message.atMs).toISOString());
    }
    const ids = eventsOf(Events.MessageCreate).map((message) => message.data.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('plants regulars who talk, type and react, and lurkers who never do', () => {
    const talkers = countBy(eventsOf(Events.MessageCreate), userOf);
    const typists = countBy(eventsOf(Events.TypingStart), userOf);
    const reactors = countBy(eventsOf(Events.MessageReactionAdd), userOf);
    const presences = countBy(eventsOf(Events.PresenceUpdate), userOf);
    const activeRegulars = scenario.cast.regular.filter((id) => (talkers.get(id) ?? 0) > 0);
    expect(activeRegulars.length).toBeGreaterThan(scenario.cast.regular.length / 2);
    expect(reactors.size).toBeGreaterThan(5);
    for (const lurker of scenario.cast.lurker) {
      expect([talkers.get(lurker), typists.get(lurker), reactors.get(lurker)]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      expect(presences.get(lurker) ?? 0).toBeGreaterThanOrEqual(5);
    }
  });

  it('plants ghosts: often online, rarely speaking, typing without sending', () => {
    const talkers = countBy(eventsOf(Events.MessageCreate), userOf);
    const online = countBy(
      eventsOf(Events.PresenceUpdate).filter((e) => e.data.status !== 'offline'),
      userOf,
    );
    const typists = countBy(eventsOf(Events.TypingStart), userOf);
    for (const ghost of scenario.cast.ghost) {
      expect(online.get(ghost) ?? 0).toBeGreaterThanOrEqual(30);
      expect(talkers.get(ghost) ?? 0).toBeLessThanOrEqual(10);
      expect(typists.get(ghost) ?? 0).toBeGreaterThan(talkers.get(ghost) ?? 0);
    }
  });

  it('plants multi-client members: presences on two or more platforms at once', () => {
    const multi = eventsOf(Events.PresenceUpdate).filter(
      (e) => Object.keys(e.data.client_status ?? {}).length >= 2,
    );
    const members = new Set(multi.map(userOf));
    expect([...members].sort()).toEqual([...scenario.cast.multiClient].sort());
  });

  it('plants a raid: at least ten new accounts joining within five minutes', () => {
    const joins = eventsOf(Events.GuildMemberAdd);
    expect(joins.length).toBeGreaterThanOrEqual(10);
    const first = joins[0]?.atMs ?? 0;
    expect((joins.at(-1)?.atMs ?? 0) - first).toBeLessThan(5 * 60_000);
    for (const join of joins) {
      const ageMs = join.atMs - toSnowflakeTimestampMs(join.data.user.id);
      expect(ageMs).toBeGreaterThan(0);
      expect(ageMs).toBeLessThan(7 * DAY_MS);
    }
    expect(joins.map((join) => join.data.user.id)).toEqual(scenario.cast.raider);
  });

  it('plants role escalations with an audit entry naming the actor', () => {
    const dangerous =
      PermissionFlagsBits.Administrator |
      PermissionFlagsBits.ManageGuild |
      PermissionFlagsBits.BanMembers;
    const roles = new Map(scenario.guild.roles.map((role) => [role.id, BigInt(role.permissions)]));
    const escalations = scenario.roleGrants.filter((grant) => grant.escalation);
    expect(escalations).toHaveLength(2);
    for (const grant of escalations) {
      expect((roles.get(grant.roleId) ?? 0n) & dangerous).not.toBe(0n);
      const update = eventsOf(Events.GuildMemberUpdate).find(
        (e) => e.data.user.id === grant.userId,
      );
      expect(update?.data.roles).toContain(grant.roleId);
      const audit = eventsOf(Events.GuildAuditLogEntryCreate).find(
        (e) => e.data.target_id === grant.userId,
      );
      expect(audit?.data).toMatchObject({
        action_type: AuditLogEvent.MemberRoleUpdate,
        user_id: grant.actorId,
      });
      expect(grant.actorId).toBe(scenario.guild.ownerId);
    }
  });

  it('plants bans with removal and an audit entry naming the moderator', () => {
    const bans = eventsOf(Events.GuildBanAdd);
    expect(bans.map((ban) => ban.data.user.id)).toEqual(scenario.bans.map((ban) => ban.userId));
    expect(bans.length).toBeGreaterThanOrEqual(2);
    for (const ban of scenario.bans) {
      expect(eventsOf(Events.GuildMemberRemove).some((e) => e.data.user.id === ban.userId)).toBe(
        true,
      );
      const audit = eventsOf(Events.GuildAuditLogEntryCreate).find(
        (e) => e.data.target_id === ban.userId,
      );
      expect(audit?.data).toMatchObject({
        action_type: AuditLogEvent.MemberBanAdd,
        user_id: ban.actorId,
      });
      expect(scenario.cast.moderator).toContain(ban.actorId);
    }
    const [troublemaker] = scenario.cast.troublemaker;
    const lastSeen = Math.max(
      ...scenario.events
        .filter(
          (e) =>
            userOf(e) === troublemaker &&
            e.event !== Events.GuildBanAdd &&
            e.event !== Events.GuildMemberRemove,
        )
        .map((e) => e.atMs),
    );
    expect(lastSeen).toBeLessThan(scenario.bans[0]?.atMs ?? 0);
  });

  it('plants voice sessions, edits and deletions', () => {
    const voice = eventsOf(Events.VoiceStateUpdate);
    expect(voice.some((e) => e.data.channel_id !== null)).toBe(true);
    expect(voice.filter((e) => e.data.channel_id === null)).toHaveLength(voice.length / 2);
    expect(eventsOf(Events.MessageUpdate).every((e) => e.data.edited_timestamp !== null)).toBe(
      true,
    );
    expect(eventsOf(Events.MessageUpdate).length).toBeGreaterThan(0);
    expect(eventsOf(Events.MessageDelete).length).toBeGreaterThan(0);
  });

  it('shapes the starting guild for GUILD_CREATE: owner, roles, online presences', () => {
    const { guild } = scenario;
    expect(guild.members.map((member) => member.user.id)).toContain(guild.ownerId);
    expect(guild.roles.find((role) => role.id === guild.id)?.name).toBe('@everyone');
    expect(guild.presences?.length).toBe(guild.members.length);
    expect(scenario.bot.bot).toBe(true);
  });
});
