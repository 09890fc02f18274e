import {
  type GatewayGuildMembersChunkDispatchData,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayRateLimitedDispatchData,
} from 'discord-api-types/v10';
import type { GuildState } from './guild-state.ts';

/** A Request Guild Members (op 8) payload that parsed. */
export interface MemberRequest {
  guildId: string;
  query: string;
  limit: number;
  userIds: string[] | undefined;
  presences: boolean;
  nonce: string | undefined;
}

/** What to answer an op 8 with; `recordAtMs` starts the guild's rate-limit window. */
export type MemberRequestDecision =
  | { type: 'ignore'; reason: string }
  | { type: 'rate-limited'; data: GatewayRateLimitedDispatchData }
  | { type: 'chunks'; chunks: GatewayGuildMembersChunkDispatchData[]; recordAtMs?: number };

/** The session facts and limits an op 8 is judged against. */
export interface MemberRequestContext {
  intents: number;
  lastAllMembersRequestMs: number | undefined;
  nowMs: number;
  intervalMs: number;
  chunkSize: number;
}

/** Parses op 8's `d`, or undefined when it is not a valid request. */
export const parseMemberRequest = (data: unknown): MemberRequest | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (typeof d.guild_id !== 'string') return undefined;
  const ids = d.user_ids;
  const userIds =
    typeof ids === 'string' ? [ids] : Array.isArray(ids) ? ids.map(String) : undefined;
  if (userIds === undefined && (typeof d.query !== 'string' || typeof d.limit !== 'number')) {
    return undefined;
  }
  return {
    guildId: d.guild_id,
    query: typeof d.query === 'string' ? d.query : '',
    limit: typeof d.limit === 'number' ? d.limit : 0,
    userIds,
    presences: d.presences === true,
    nonce: typeof d.nonce === 'string' ? d.nonce.slice(0, 32) : undefined,
  };
};

const matchMembers = (guild: GuildState, request: MemberRequest) => {
  if (request.userIds) {
    const found = request.userIds.flatMap((id) => guild.members.get(id) ?? []);
    const notFound = request.userIds.filter((id) => !guild.members.has(id));
    return { members: found, notFound };
  }
  const all = [...guild.members.values()];
  if (request.query === '')
    return { members: request.limit === 0 ? all : all.slice(0, request.limit) };
  const prefix = request.query.toLowerCase();
  const matches = all.filter(
    (m) =>
      m.user.username.toLowerCase().startsWith(prefix) || m.nick?.toLowerCase().startsWith(prefix),
  );
  return { members: matches.slice(0, Math.min(100, request.limit || 100)) };
};

/**
 * Answers op 8 like Discord: the whole member list needs GuildMembers; presences need
 * GuildPresences; a request for every member (empty query, limit 0) is allowed once per guild
 * per session every 30 s, and past that gets a RATE_LIMITED dispatch instead of chunks.
 * @see https://discord.com/developers/docs/events/gateway-events#request-guild-members
 */
export const decideMemberRequest = (
  request: MemberRequest,
  guild: GuildState,
  context: MemberRequestContext,
): MemberRequestDecision => {
  const wantsAll = request.userIds === undefined && request.query === '' && request.limit === 0;
  if (wantsAll && (context.intents & GatewayIntentBits.GuildMembers) === 0) {
    return { type: 'ignore', reason: 'the whole member list needs the GuildMembers intent' };
  }
  const last = context.lastAllMembersRequestMs;
  if (wantsAll && last !== undefined && context.nowMs - last < context.intervalMs) {
    const meta = { guild_id: request.guildId, ...(request.nonce ? { nonce: request.nonce } : {}) };
    const retryAfter = (context.intervalMs - (context.nowMs - last)) / 1_000;
    return {
      type: 'rate-limited',
      data: { opcode: GatewayOpcodes.RequestGuildMembers, retry_after: retryAfter, meta },
    };
  }
  const withPresences =
    request.presences && (context.intents & GatewayIntentBits.GuildPresences) !== 0;
  const { members, notFound } = matchMembers(guild, request);
  const chunkCount = Math.max(1, Math.ceil(members.length / context.chunkSize));
  const chunks = Array.from({ length: chunkCount }, (_, index) => {
    const slice = members.slice(index * context.chunkSize, (index + 1) * context.chunkSize);
    const chunk: GatewayGuildMembersChunkDispatchData = {
      guild_id: guild.id,
      members: slice,
      chunk_index: index,
      chunk_count: chunkCount,
    };
    if (notFound && index === 0) chunk.not_found = notFound;
    if (withPresences) {
      chunk.presences = slice.flatMap((member) => guild.presences.get(member.user.id) ?? []);
    }
    if (request.nonce !== undefined) chunk.nonce = request.nonce;
    return chunk;
  });
  return wantsAll
    ? { type: 'chunks', chunks, recordAtMs: context.nowMs }
    : { type: 'chunks', chunks };
};
