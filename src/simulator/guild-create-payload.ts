import {
  type GatewayGuildCreateDispatchData,
  GatewayIntentBits,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
} from 'discord-api-types/v10';
import type { GatewayOptions } from './gateway-options.ts';
import type { GuildState } from './guild-state.ts';

/** What shapes a session's GUILD_CREATE: its intents, `large_threshold` and the member policy. */
export interface GuildCreateView {
  intents: number;
  largeThreshold: number;
  botId: string;
  memberListPolicy: GatewayOptions['memberListPolicy'];
}

/** Above this many members Discord lists only voice members and the bot, whatever the intents. */
const HUGE_GUILD_MEMBERS = 75_000;

const isOnline = (guild: GuildState, userId: string): boolean => {
  const status = guild.presences.get(userId)?.status;
  return status !== undefined && status !== 'offline';
};

/**
 * The members GUILD_CREATE lists. Without GuildPresences (or past 75k members) only the bot
 * and voice members; in large guilds those online, with a role, a nickname or in voice; else
 * everyone.
 * @see https://discord.com/developers/docs/events/gateway-events#request-guild-members
 */
const listSentMembers = (guild: GuildState, view: GuildCreateView) => {
  const members = [...guild.members.values()];
  if (view.memberListPolicy === 'all') return members;
  const hasPresences = (view.intents & GatewayIntentBits.GuildPresences) !== 0;
  if (!hasPresences || members.length > HUGE_GUILD_MEMBERS) {
    return members.filter((m) => m.user.id === view.botId || guild.voiceStates.has(m.user.id));
  }
  if (members.length <= view.largeThreshold) return members;
  return members.filter(
    (member) =>
      member.user.id === view.botId ||
      member.roles.length > 0 ||
      Boolean(member.nick) ||
      guild.voiceStates.has(member.user.id) ||
      isOnline(guild, member.user.id),
  );
};

/**
 * The GUILD_CREATE a session receives for a guild, shaped like Discord's and cut down to what
 * the session's intents allow (presences need GuildPresences, voice states GuildVoiceStates).
 * Presences are the non-offline ones of the members listed: in a guild past 75,000 members,
 * where only the bot and voice members are listed, the others' presences come with the
 * member chunks the client asks for (op 8 with `presences`), so a 100,000-member guild's
 * GUILD_CREATE stays small, as Discord's does.
 * @see https://discord.com/developers/docs/events/gateway-events#guild-create
 */
export const toGuildCreatePayload = (
  guild: GuildState,
  view: GuildCreateView,
): GatewayGuildCreateDispatchData => {
  const hasPresences = (view.intents & GatewayIntentBits.GuildPresences) !== 0;
  const hasVoice = (view.intents & GatewayIntentBits.GuildVoiceStates) !== 0;
  const members = listSentMembers(guild, view);
  const presences = hasPresences
    ? members.flatMap((member) => {
        const presence = guild.presences.get(member.user.id);
        return presence && presence.status !== 'offline'
          ? [{ ...presence, guild_id: guild.id }]
          : [];
      })
    : [];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [...guild.roles.values()],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    joined_at: guild.joinedAt,
    large: guild.members.size > view.largeThreshold,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: hasVoice ? [...guild.voiceStates.values()] : [],
    members,
    channels: guild.channels,
    threads: [],
    presences,
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
};
