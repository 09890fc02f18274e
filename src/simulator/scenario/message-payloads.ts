import {
  type APIGuildMember,
  ChannelType,
  type GatewayMessageCreateDispatchData,
  type GatewayMessageDeleteDispatchData,
  type GatewayMessageReactionAddDispatchData,
  type GatewayMessageUpdateDispatchData,
  type GatewayTypingStartDispatchData,
  MessageType,
  ReactionType,
} from 'discord-api-types/v10';

/** A guild text message at one moment. */
export interface MessageInput {
  id: string;
  guildId: string;
  channelId: string;
  author: APIGuildMember;
  content: string;
  atMs: number;
  /** Set on edits. */
  editedAtMs?: number;
}

const toMessage = (input: MessageInput) => {
  const { user, ...member } = input.author;
  return {
    id: input.id,
    type: MessageType.Default,
    channel_id: input.channelId,
    guild_id: input.guildId,
    channel_type: ChannelType.GuildText as const,
    author: user,
    member,
    content: input.content,
    timestamp: new Date(input.atMs).toISOString(),
    edited_timestamp:
      input.editedAtMs === undefined ? null : new Date(input.editedAtMs).toISOString(),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    nonce: input.id,
  };
};

/**
 * MESSAGE_CREATE: the message with `guild_id` and the author's `member` (without `user`).
 * @see https://discord.com/developers/docs/events/gateway-events#message-create
 */
export const toMessageCreate = (input: MessageInput): GatewayMessageCreateDispatchData =>
  toMessage(input);

/** MESSAGE_UPDATE, which Discord now sends with the whole edited message. */
export const toMessageUpdate = (
  input: MessageInput & { editedAtMs: number },
): GatewayMessageUpdateDispatchData => toMessage(input);

/** MESSAGE_DELETE: only ids. */
export const toMessageDelete = (
  input: Pick<MessageInput, 'id' | 'channelId' | 'guildId'>,
): GatewayMessageDeleteDispatchData => ({
  id: input.id,
  channel_id: input.channelId,
  guild_id: input.guildId,
});

/** TYPING_START: `timestamp` is in Unix seconds, unlike everything else. */
export const toTypingStart = (input: {
  guildId: string;
  channelId: string;
  member: APIGuildMember;
  atMs: number;
}): GatewayTypingStartDispatchData => ({
  channel_id: input.channelId,
  guild_id: input.guildId,
  user_id: input.member.user.id,
  timestamp: Math.floor(input.atMs / 1_000),
  member: input.member,
});

/** MESSAGE_REACTION_ADD with a unicode emoji. */
export const toReactionAdd = (input: {
  guildId: string;
  channelId: string;
  messageId: string;
  messageAuthorId: string;
  member: APIGuildMember;
  emoji: string;
}): GatewayMessageReactionAddDispatchData => ({
  user_id: input.member.user.id,
  channel_id: input.channelId,
  message_id: input.messageId,
  guild_id: input.guildId,
  member: input.member,
  message_author_id: input.messageAuthorId,
  emoji: { id: null, name: input.emoji },
  burst: false,
  burst_colors: [],
  type: ReactionType.Normal,
});
