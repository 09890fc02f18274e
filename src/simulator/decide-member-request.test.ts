import { GatewayIntentBits as Intents } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { decideMemberRequest, parseMemberRequest } from './decide-member-request.ts';
import { toGuildState } from './guild-state.ts';
import { buildLargeGuild } from './scenario/build-large-guild.ts';
import { toBotMember } from './simulator-state.ts';

const { guild, bot } = buildLargeGuild({ seed: 'op8', memberCount: 2_100 });
const state = toGuildState(guild, toBotMember(bot, '2025-01-01T00:00:00.000Z'));
const context = {
  intents: Intents.Guilds | Intents.GuildMembers | Intents.GuildPresences,
  lastAllMembersRequestMs: undefined,
  nowMs: 100_000,
  intervalMs: 30_000,
  chunkSize: 1_000,
};
const request = (d: Record<string, unknown>) => {
  const parsed = parseMemberRequest({ guild_id: guild.id, ...d });
  if (!parsed) throw new Error('expected a valid request');
  return parsed;
};

describe('decideMemberRequest', () => {
  it('sends every member in chunks of 1,000 with presences when asked', () => {
    const decision = decideMemberRequest(
      request({ query: '', limit: 0, presences: true, nonce: 'n' }),
      state,
      context,
    );
    expect(decision.type).toBe('chunks');
    if (decision.type !== 'chunks') return;
    expect(
      decision.chunks.map((chunk) => [chunk.chunk_index, chunk.chunk_count, chunk.members.length]),
    ).toEqual([
      [0, 3, 1_000],
      [1, 3, 1_000],
      [2, 3, 101],
    ]);
    expect(
      decision.chunks.every((chunk) => chunk.nonce === 'n' && Array.isArray(chunk.presences)),
    ).toBe(true);
    expect(decision.recordAtMs).toBe(100_000);
  });

  it('rate limits a second full request within 30 s, but not a query', () => {
    const limited = decideMemberRequest(request({ query: '', limit: 0 }), state, {
      ...context,
      lastAllMembersRequestMs: 90_000,
    });
    expect(limited).toEqual({
      type: 'rate-limited',
      data: { opcode: 8, retry_after: 20, meta: { guild_id: guild.id } },
    });
    const query = decideMemberRequest(request({ query: 'MEMBER2', limit: 5 }), state, {
      ...context,
      lastAllMembersRequestMs: 90_000,
    });
    expect(query.type === 'chunks' && query.chunks[0]?.members.map((m) => m.user.username)).toEqual(
      ['member20', 'member21', 'member22', 'member23', 'member24'],
    );
  });

  it('finds members by id and reports the ones not found', () => {
    const known = guild.members[10]?.user.id ?? '';
    const decision = decideMemberRequest(request({ user_ids: [known, '42'] }), state, context);
    expect(decision.type === 'chunks' && decision.chunks[0]).toMatchObject({
      not_found: ['42'],
      members: [{ user: { id: known } }],
    });
  });

  it('ignores a full request without GuildMembers and drops presences without GuildPresences', () => {
    const noMembers = { ...context, intents: Intents.Guilds | Intents.GuildPresences };
    expect(decideMemberRequest(request({ query: '', limit: 0 }), state, noMembers).type).toBe(
      'ignore',
    );
    const noPresences = { ...context, intents: Intents.Guilds | Intents.GuildMembers };
    const decision = decideMemberRequest(
      request({ query: '', limit: 0, presences: true }),
      state,
      noPresences,
    );
    expect(decision.type === 'chunks' && decision.chunks[0]?.presences).toBeUndefined();
  });

  it('parses only well-formed requests', () => {
    expect(parseMemberRequest(null)).toBeUndefined();
    expect(parseMemberRequest({ guild_id: 1, query: '', limit: 0 })).toBeUndefined();
    expect(parseMemberRequest({ guild_id: '1' })).toBeUndefined();
    expect(parseMemberRequest({ guild_id: '1', user_ids: '2' })?.userIds).toEqual(['2']);
  });
});
