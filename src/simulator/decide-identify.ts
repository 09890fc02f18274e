import { GatewayCloseCodes } from 'discord-api-types/v10';
import { KNOWN_INTENTS } from './gateway-intents.ts';
import type { GatewayOptions } from './gateway-options.ts';
import { PRIVILEGED_INTENTS, type SimulatorState } from './simulator-state.ts';
import { toShardId } from './snowflake.ts';

/** An IDENTIFY that passed every check. */
export interface AcceptedIdentify {
  intents: number;
  shard: [shardId: number, shardCount: number];
  largeThreshold: number;
  properties: Record<string, unknown>;
  guildIds: string[];
}

/** What to do with an IDENTIFY: open a session, close the socket, or answer op 9. */
export type IdentifyDecision =
  | { type: 'accept'; identify: AcceptedIdentify }
  | { type: 'close'; code: GatewayCloseCodes; reason: string }
  | { type: 'invalid-session'; reason: string };

/** What an IDENTIFY is checked against. */
export interface IdentifyContext {
  state: SimulatorState;
  options: GatewayOptions;
  sessionStartsRemaining: number;
}

const close = (code: GatewayCloseCodes, reason: string): IdentifyDecision => ({
  type: 'close',
  code,
  reason,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Discord's IDENTIFY token is the bare token; a `Bot ` prefix is tolerated. */
export const isBotToken = (state: SimulatorState, token: unknown): boolean =>
  typeof token === 'string' && token.replace(/^Bot /, '') === state.botToken;

const parseShard = (value: unknown): [number, number] | undefined => {
  if (value === undefined) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [shardId, shardCount] = value;
  if (!Number.isInteger(shardId) || !Number.isInteger(shardCount)) return undefined;
  if (shardCount < 1 || shardId < 0 || shardId >= shardCount) return undefined;
  return [shardId, shardCount];
};

/**
 * Checks an IDENTIFY the way Discord does: token (4004), intents (4013 unknown bits, 4014
 * privileged ones not enabled), shard (4010), guilds per shard (4011), session starts (op 9).
 * @see https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
 */
export const decideIdentify = (data: unknown, context: IdentifyContext): IdentifyDecision => {
  if (!isRecord(data)) return close(GatewayCloseCodes.DecodeError, 'IDENTIFY without a payload');
  const { state, options } = context;
  if (!isBotToken(state, data.token)) {
    return close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
  }
  const intents = data.intents;
  if (
    typeof intents !== 'number' ||
    !Number.isInteger(intents) ||
    (intents & ~KNOWN_INTENTS) !== 0
  ) {
    return close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
  }
  if ((intents & PRIVILEGED_INTENTS & ~state.application.privilegedIntents) !== 0) {
    return close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
  }
  const shard = parseShard(data.shard);
  if (!shard) return close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
  const guildIds = [...state.guilds.keys()].filter((id) => toShardId(id, shard[1]) === shard[0]);
  if (guildIds.length > options.maxGuildsPerShard) {
    return close(GatewayCloseCodes.ShardingRequired, 'Sharding required.');
  }
  if (context.sessionStartsRemaining < 1) {
    return { type: 'invalid-session', reason: 'session start limit reached' };
  }
  const threshold = typeof data.large_threshold === 'number' ? data.large_threshold : 50;
  return {
    type: 'accept',
    identify: {
      intents,
      shard,
      largeThreshold: Math.min(250, Math.max(50, threshold)),
      properties: isRecord(data.properties) ? data.properties : {},
      guildIds,
    },
  };
};
