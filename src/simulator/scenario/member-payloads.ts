import {
  type APIGuildMember,
  type APIRole,
  type APIUser,
  AuditLogEvent,
  type GatewayGuildAuditLogEntryCreateDispatchData,
  type GatewayGuildBanAddDispatchData,
  type GatewayGuildMemberAddDispatchData,
  type GatewayGuildMemberRemoveDispatchData,
  type GatewayGuildMemberUpdateDispatchData,
  type GatewayVoiceStateUpdateDispatchData,
} from 'discord-api-types/v10';

/** GUILD_MEMBER_ADD: the new member with `guild_id`. */
export const toMemberAdd = (
  guildId: string,
  member: APIGuildMember,
): GatewayGuildMemberAddDispatchData => ({ ...member, guild_id: guildId });

/** GUILD_MEMBER_UPDATE: the whole member as it is now (roles included). */
export const toMemberUpdate = (
  guildId: string,
  member: APIGuildMember,
): GatewayGuildMemberUpdateDispatchData => ({
  ...member,
  guild_id: guildId,
  avatar: member.avatar ?? null,
  banner: member.banner ?? null,
  joined_at: member.joined_at,
});

/** GUILD_MEMBER_REMOVE (leave, kick or ban). */
export const toMemberRemove = (
  guildId: string,
  user: APIUser,
): GatewayGuildMemberRemoveDispatchData => ({ guild_id: guildId, user });

/** GUILD_BAN_ADD; the moderator is only in the audit log entry. */
export const toBanAdd = (guildId: string, user: APIUser): GatewayGuildBanAddDispatchData => ({
  guild_id: guildId,
  user,
});

/** What an audit log entry records. */
export interface AuditInput {
  id: string;
  guildId: string;
  actorId: string;
  targetId: string;
  reason?: string;
}

const withReason = <T extends object>(entry: T, reason: string | undefined) =>
  reason === undefined ? entry : { ...entry, reason };

/**
 * GUILD_AUDIT_LOG_ENTRY_CREATE for a role change: `user_id` is who did it.
 * @see https://discord.com/developers/docs/resources/audit-log#audit-log-change-object
 */
export const toRoleAuditEntry = (
  input: AuditInput & { added: Pick<APIRole, 'id' | 'name'>[] },
): GatewayGuildAuditLogEntryCreateDispatchData =>
  withReason(
    {
      id: input.id,
      guild_id: input.guildId,
      user_id: input.actorId,
      target_id: input.targetId,
      action_type: AuditLogEvent.MemberRoleUpdate,
      changes: [{ key: '$add' as const, new_value: input.added }],
    },
    input.reason,
  );

/** GUILD_AUDIT_LOG_ENTRY_CREATE for a ban, naming the moderator. */
export const toBanAuditEntry = (input: AuditInput): GatewayGuildAuditLogEntryCreateDispatchData =>
  withReason(
    {
      id: input.id,
      guild_id: input.guildId,
      user_id: input.actorId,
      target_id: input.targetId,
      action_type: AuditLogEvent.MemberBanAdd,
    },
    input.reason,
  );

/** VOICE_STATE_UPDATE: joining (`channelId`) or leaving (`null`) voice. */
export const toVoiceState = (input: {
  guildId: string;
  channelId: string | null;
  member: APIGuildMember;
  sessionId: string;
}): GatewayVoiceStateUpdateDispatchData => ({
  guild_id: input.guildId,
  channel_id: input.channelId,
  user_id: input.member.user.id,
  member: input.member,
  session_id: input.sessionId,
  deaf: false,
  mute: false,
  self_deaf: false,
  self_mute: false,
  self_video: false,
  suppress: false,
  request_to_speak_timestamp: null,
});
