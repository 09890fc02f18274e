import { GatewayDispatchEvents as Events } from 'discord-api-types/v10';
import { type DispatchNormalizer, defineHandler } from './define-handler.ts';
import {
  parseGuildAuditLogEntryCreate,
  toGuildAuditLogEntryCreateRows,
} from './guild-audit-log-entry-create.ts';
import { parseGuildBan, toGuildBanRows } from './guild-ban.ts';
import { parseGuildCreate, toGuildCreateRows } from './guild-create.ts';
import { parseGuildDelete, toGuildDeleteRows } from './guild-delete.ts';
import { parseGuildMemberAdd, toGuildMemberAddRows } from './guild-member-add.ts';
import { parseGuildMemberRemove, toGuildMemberRemoveRows } from './guild-member-remove.ts';
import { parseGuildMemberUpdate, toGuildMemberUpdateRows } from './guild-member-update.ts';
import { parseGuildMembersChunk, toGuildMembersChunkRows } from './guild-members-chunk.ts';
import {
  parseGuildRoleDelete,
  parseGuildRoleModify,
  toGuildRoleDeleteRows,
  toGuildRoleModifyRows,
} from './guild-role.ts';
import { parseGuildUpdate, toGuildUpdateRows } from './guild-update.ts';
import { parseMessageCreate, toMessageCreateRows } from './message-create.ts';
import {
  parseMessageDelete,
  parseMessageDeleteBulk,
  toMessageDeleteBulkRows,
  toMessageDeleteRows,
} from './message-delete.ts';
import { parseMessageReaction, toMessageReactionRows } from './message-reaction.ts';
import { parseMessageUpdate, toMessageUpdateRows } from './message-update.ts';
import { parsePresenceUpdate, toPresenceUpdateRows } from './presence-update.ts';
import { parseTypingStart, toTypingStartRows } from './typing-start.ts';
import { parseVoiceStateUpdate, toVoiceStateUpdateRows } from './voice-state-update.ts';

/**
 * The dispatches Spywatcher records (PRODUCT.md, "What is captured"), by event name. Events
 * Discord also sends in DMs (`guild-or-dm`) are ignored there; the others must name a guild.
 */
export const dispatchNormalizers: ReadonlyMap<string, DispatchNormalizer> = new Map([
  [Events.GuildCreate, defineHandler('guild-only', parseGuildCreate, toGuildCreateRows)],
  [Events.GuildUpdate, defineHandler('guild-only', parseGuildUpdate, toGuildUpdateRows)],
  [Events.GuildDelete, defineHandler('guild-only', parseGuildDelete, toGuildDeleteRows)],
  [
    Events.GuildMembersChunk,
    defineHandler('guild-only', parseGuildMembersChunk, toGuildMembersChunkRows),
  ],
  [
    Events.GuildRoleCreate,
    defineHandler('guild-only', parseGuildRoleModify, toGuildRoleModifyRows),
  ],
  [
    Events.GuildRoleUpdate,
    defineHandler('guild-only', parseGuildRoleModify, toGuildRoleModifyRows),
  ],
  [
    Events.GuildRoleDelete,
    defineHandler('guild-only', parseGuildRoleDelete, toGuildRoleDeleteRows),
  ],
  [Events.PresenceUpdate, defineHandler('guild-only', parsePresenceUpdate, toPresenceUpdateRows)],
  [
    Events.MessageCreate,
    defineHandler('guild-or-dm', parseMessageCreate, (message, _receivedAt, context) =>
      toMessageCreateRows(message, context.captureContent(message.guild_id)),
    ),
  ],
  [
    Events.MessageUpdate,
    defineHandler('guild-or-dm', parseMessageUpdate, (message, receivedAt, context) =>
      toMessageUpdateRows(message, context.captureContent(message.guild_id), receivedAt),
    ),
  ],
  [Events.MessageDelete, defineHandler('guild-or-dm', parseMessageDelete, toMessageDeleteRows)],
  [
    Events.MessageDeleteBulk,
    defineHandler('guild-or-dm', parseMessageDeleteBulk, toMessageDeleteBulkRows),
  ],
  [Events.TypingStart, defineHandler('guild-or-dm', parseTypingStart, toTypingStartRows)],
  [
    Events.MessageReactionAdd,
    defineHandler('guild-or-dm', parseMessageReaction, (reaction, receivedAt) =>
      toMessageReactionRows(reaction, 'added', receivedAt),
    ),
  ],
  [
    Events.MessageReactionRemove,
    defineHandler('guild-or-dm', parseMessageReaction, (reaction, receivedAt) =>
      toMessageReactionRows(reaction, 'removed', receivedAt),
    ),
  ],
  [Events.GuildMemberAdd, defineHandler('guild-only', parseGuildMemberAdd, toGuildMemberAddRows)],
  [
    Events.GuildMemberRemove,
    defineHandler('guild-only', parseGuildMemberRemove, toGuildMemberRemoveRows),
  ],
  [
    Events.GuildMemberUpdate,
    defineHandler('guild-only', parseGuildMemberUpdate, toGuildMemberUpdateRows),
  ],
  [
    Events.GuildBanAdd,
    defineHandler('guild-only', parseGuildBan, (ban, receivedAt) =>
      toGuildBanRows(ban, 'ban', receivedAt),
    ),
  ],
  [
    Events.GuildBanRemove,
    defineHandler('guild-only', parseGuildBan, (ban, receivedAt) =>
      toGuildBanRows(ban, 'unban', receivedAt),
    ),
  ],
  [
    Events.VoiceStateUpdate,
    defineHandler('guild-or-dm', parseVoiceStateUpdate, toVoiceStateUpdateRows),
  ],
  [
    Events.GuildAuditLogEntryCreate,
    defineHandler('guild-only', parseGuildAuditLogEntryCreate, toGuildAuditLogEntryCreateRows),
  ],
]);
