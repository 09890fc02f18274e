import { GatewayIntentBits } from 'discord-api-types/v10';

/**
 * The intents of PRODUCT.md; MessageContent only when some guild captures content.
 * https://discord.com/developers/docs/events/gateway#gateway-intents
 */
export const toGatewayIntents = (contentCapture: boolean): number =>
  GatewayIntentBits.Guilds |
  GatewayIntentBits.GuildMembers |
  GatewayIntentBits.GuildPresences |
  GatewayIntentBits.GuildMessages |
  GatewayIntentBits.GuildMessageTyping |
  GatewayIntentBits.GuildMessageReactions |
  GatewayIntentBits.GuildModeration |
  GatewayIntentBits.GuildVoiceStates |
  (contentCapture ? GatewayIntentBits.MessageContent : 0);
