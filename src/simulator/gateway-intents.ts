import {
  GatewayDispatchEvents as Events,
  GatewayIntentBits as Intents,
} from 'discord-api-types/v10';

/**
 * The intent a guild dispatch needs; events absent here (READY, RESUMED, USER_UPDATE, member
 * chunks, RATE_LIMITED, interactions…) are always sent.
 * @see https://discord.com/developers/docs/events/gateway#list-of-intents
 */
const eventIntents = new Map<string, number>([
  ...[
    Events.GuildCreate,
    Events.GuildUpdate,
    Events.GuildDelete,
    Events.GuildRoleCreate,
    Events.GuildRoleUpdate,
    Events.GuildRoleDelete,
    Events.ChannelCreate,
    Events.ChannelUpdate,
    Events.ChannelDelete,
    Events.ChannelPinsUpdate,
    Events.ThreadCreate,
    Events.ThreadUpdate,
    Events.ThreadDelete,
    Events.ThreadListSync,
    Events.ThreadMemberUpdate,
    Events.StageInstanceCreate,
    Events.StageInstanceUpdate,
    Events.StageInstanceDelete,
  ].map((event): [string, number] => [event, Intents.Guilds]),
  ...[
    Events.GuildMemberAdd,
    Events.GuildMemberUpdate,
    Events.GuildMemberRemove,
    Events.ThreadMembersUpdate,
  ].map((event): [string, number] => [event, Intents.GuildMembers]),
  ...[Events.GuildAuditLogEntryCreate, Events.GuildBanAdd, Events.GuildBanRemove].map(
    (event): [string, number] => [event, Intents.GuildModeration],
  ),
  ...[Events.GuildEmojisUpdate, Events.GuildStickersUpdate].map((event): [string, number] => [
    event,
    Intents.GuildExpressions,
  ]),
  [Events.GuildIntegrationsUpdate, Intents.GuildIntegrations],
  [Events.WebhooksUpdate, Intents.GuildWebhooks],
  [Events.InviteCreate, Intents.GuildInvites],
  [Events.InviteDelete, Intents.GuildInvites],
  [Events.VoiceStateUpdate, Intents.GuildVoiceStates],
  [Events.PresenceUpdate, Intents.GuildPresences],
  ...[
    Events.MessageCreate,
    Events.MessageUpdate,
    Events.MessageDelete,
    Events.MessageDeleteBulk,
  ].map((event): [string, number] => [event, Intents.GuildMessages]),
  ...[
    Events.MessageReactionAdd,
    Events.MessageReactionRemove,
    Events.MessageReactionRemoveAll,
    Events.MessageReactionRemoveEmoji,
  ].map((event): [string, number] => [event, Intents.GuildMessageReactions]),
  [Events.TypingStart, Intents.GuildMessageTyping],
  [Events.MessagePollVoteAdd, Intents.GuildMessagePolls],
  [Events.MessagePollVoteRemove, Intents.GuildMessagePolls],
]);

/** Every intent bit Discord defines; any other bit in IDENTIFY closes with 4013. */
export const KNOWN_INTENTS = Object.values(Intents)
  .filter((bit): bit is number => typeof bit === 'number')
  .reduce((all, bit) => all | bit, 0);

/** The intent bit a dispatch needs, or undefined when it is sent regardless of intents. */
export const getEventIntent = (event: string): number | undefined => eventIntents.get(event);

/** Whether a session with `intents` receives `event`. */
export const hasEventIntent = (intents: number, event: string): boolean => {
  const intent = eventIntents.get(event);
  return intent === undefined || (intents & intent) !== 0;
};

const contentEvents = new Set<string>([Events.MessageCreate, Events.MessageUpdate]);

/**
 * Whether a message dispatch must lose its content for a session without MessageContent:
 * Discord still sends content for messages the bot wrote or that mention it.
 * @see https://discord.com/developers/docs/events/gateway#message-content-intent
 */
export const needsContentStripped = (
  intents: number,
  event: string,
  data: unknown,
  botId: string,
): boolean => {
  if (!contentEvents.has(event) || (intents & Intents.MessageContent) !== 0) return false;
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { author?: { id?: unknown }; mentions?: { id?: unknown }[] };
  if (message.author?.id === botId) return false;
  return !(message.mentions ?? []).some((user) => user.id === botId);
};

/** A message payload as a session without MessageContent sees it. */
export const toContentStripped = (data: object): object => ({
  ...data,
  content: '',
  embeds: [],
  attachments: [],
  components: [],
});
