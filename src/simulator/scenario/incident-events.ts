import { type APIRole, GatewayDispatchEvents as Events } from 'discord-api-types/v10';
import type { CastMember, ScenarioGuild } from './build-scenario-guild.ts';
import type { GeneratorContext } from './conversation-events.ts';
import {
  toBanAdd,
  toBanAuditEntry,
  toMemberAdd,
  toMemberRemove,
  toMemberUpdate,
  toRoleAuditEntry,
} from './member-payloads.ts';
import { toMessageCreate, toTypingStart } from './message-payloads.ts';
import { toPresenceUpdate } from './presence-payloads.ts';
import { toMember } from './user-factory.ts';

/** A role given during the scenario, with who gave it. */
export interface RoleGrant {
  userId: string;
  roleId: string;
  actorId: string;
  atMs: number;
  /** Whether the role carries Administrator, Manage Server, Manage Roles, Ban or Kick Members. */
  escalation: boolean;
}

/** A ban during the scenario, with the moderator who issued it. */
export interface Ban {
  userId: string;
  actorId: string;
  atMs: number;
  reason: string;
}

/** A burst of new accounts joining within minutes. */
export interface Raid {
  startMs: number;
  endMs: number;
  userIds: string[];
}

const HOUR_MS = 3_600_000;

/** Bans a member: GUILD_BAN_ADD, GUILD_MEMBER_REMOVE, then the audit log entry naming the moderator. */
export const playBan = (
  context: GeneratorContext,
  input: Omit<Ban, 'userId'> & { target: CastMember },
): Ban => {
  const { timeline } = context;
  const atMs = Math.round(input.atMs);
  const { user } = input.target.member;
  timeline.add(atMs, Events.GuildBanAdd, toBanAdd(timeline.guildId, user));
  timeline.add(atMs + 150, Events.GuildMemberRemove, toMemberRemove(timeline.guildId, user));
  const entry = {
    id: timeline.nextId(atMs),
    guildId: timeline.guildId,
    actorId: input.actorId,
    targetId: user.id,
    reason: input.reason,
  };
  timeline.add(atMs + 400, Events.GuildAuditLogEntryCreate, toBanAuditEntry(entry));
  return { userId: user.id, actorId: input.actorId, atMs, reason: input.reason };
};

/**
 * A raid: `size` accounts created hours before join within about three minutes, come online,
 * half of them spam #general; moderators ban a third of them a few minutes later.
 */
export const playRaid = (
  context: GeneratorContext,
  input: { scenario: ScenarioGuild; size: number; atMs: number; moderators: readonly CastMember[] },
): { raid: Raid; bans: Ban[]; raiders: CastMember[] } => {
  const { random, timeline } = context;
  const { scenario } = input;
  const raiders: CastMember[] = [];
  let joinAt = Math.round(input.atMs);
  for (let index = 0; index < input.size; index += 1) {
    joinAt += random.int(5_000, 15_000);
    const user = scenario.users.createUser(joinAt - random.int(1, 72) * HOUR_MS);
    const raider: CastMember = { behaviour: 'lurker', member: toMember(user, joinAt) };
    raiders.push(raider);
    timeline.add(joinAt, Events.GuildMemberAdd, toMemberAdd(timeline.guildId, raider.member));
    const presence = {
      guildId: timeline.guildId,
      userId: user.id,
      status: 'online' as const,
      platforms: ['web' as const],
    };
    timeline.add(joinAt + 1_000, Events.PresenceUpdate, toPresenceUpdate(presence));
    if (index % 2 === 0) {
      const channelId = scenario.textChannelIds[0] ?? '';
      const sentAt = joinAt + random.int(20_000, 60_000);
      timeline.add(
        sentAt - 3_000,
        Events.TypingStart,
        toTypingStart({
          guildId: timeline.guildId,
          channelId,
          member: raider.member,
          atMs: sentAt - 3_000,
        }),
      );
      const message = {
        id: timeline.nextId(sentAt),
        guildId: timeline.guildId,
        channelId,
        author: raider.member,
        content: 'FREE NITRO >>> discord.gift/totally-real',
        atMs: sentAt,
      };
      timeline.add(sentAt, Events.MessageCreate, toMessageCreate(message));
    }
  }
  const banAt = joinAt + random.int(120_000, 240_000);
  const bans = raiders
    .filter((_, index) => index % 3 === 0)
    .map((target, index) =>
      playBan(context, {
        target,
        atMs: banAt + index * 2_000,
        actorId: random.pick(input.moderators).member.user.id,
        reason: 'Raid',
      }),
    );
  const raid = {
    startMs: Math.round(input.atMs),
    endMs: joinAt,
    userIds: raiders.map((r) => r.member.user.id),
  };
  return { raid, bans, raiders };
};

/** Gives a member a role: GUILD_MEMBER_UPDATE with the new role list, then the audit entry. */
export const playRoleGrant = (
  context: GeneratorContext,
  input: { target: CastMember; role: APIRole; actorId: string; atMs: number; escalation: boolean },
): RoleGrant => {
  const { timeline } = context;
  const atMs = Math.round(input.atMs);
  const { member } = input.target;
  const updated = { ...member, roles: [...member.roles, input.role.id] };
  input.target.member = updated;
  timeline.add(atMs, Events.GuildMemberUpdate, toMemberUpdate(timeline.guildId, updated));
  const entry = {
    id: timeline.nextId(atMs),
    guildId: timeline.guildId,
    actorId: input.actorId,
    targetId: member.user.id,
    added: [{ id: input.role.id, name: input.role.name }],
  };
  timeline.add(atMs + 300, Events.GuildAuditLogEntryCreate, toRoleAuditEntry(entry));
  const { actorId, escalation } = input;
  return { userId: member.user.id, roleId: input.role.id, actorId, atMs, escalation };
};
