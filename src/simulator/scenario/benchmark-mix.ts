import {
  ActivityType,
  type APIGuildMember,
  ChannelType,
  GatewayDispatchEvents as Events,
} from 'discord-api-types/v10';
import type { SimGuild } from '../guild-state.ts';
import { toSnowflake } from '../snowflake.ts';
import { toVoiceState } from './member-payloads.ts';
import {
  type MessageInput,
  toMessageCreate,
  toMessageDelete,
  toMessageUpdate,
  toReactionAdd,
  toTypingStart,
} from './message-payloads.ts';
import {
  ACTIVITY_NAMES,
  type Platform,
  type PresenceStatus,
  toPresenceUpdate,
} from './presence-payloads.ts';
import type { ScenarioEvent } from './scenario-event.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

/** Options of {@link createBenchmarkMix}. */
export interface BenchmarkMixOptions {
  seed: number | string;
  guild: SimGuild;
  count: number;
  /** Time of the first event; events are 1 ms apart. */
  startMs?: number;
}

const STATUSES: readonly PresenceStatus[] = ['online', 'idle', 'dnd'];
const PLATFORMS: readonly (readonly Platform[])[] = [
  ['desktop'],
  ['mobile'],
  ['web'],
  ['desktop', 'mobile'],
  ['desktop', 'mobile', 'web'],
];
/** 15 distinct (status, platforms) pairs: a member's consecutive snapshots never repeat. */
const COMBOS = STATUSES.flatMap((status) => PLATFORMS.map((platforms) => ({ status, platforms })));

interface MixState {
  random: SeededRandom;
  guildId: string;
  textIds: string[];
  voiceIds: string[];
  snapshots: Map<string, number>;
  /** Recent messages not deleted yet, for reactions, edits and deletions. */
  recent: MessageInput[];
  /** Reactions given (`message:user`): Discord sends one per member, message and emoji. */
  reactions: Set<string>;
  /** Typing this second (`user:channel`): TYPING_START has a one-second timestamp. */
  typing: { second: number; keys: Set<string> };
}

/** Builds one event, or undefined when it would repeat an earlier payload. */
type Step = (
  state: MixState,
  member: APIGuildMember,
  atMs: number,
  index: number,
) => ScenarioEvent | undefined;

const presence = (
  { random, guildId, snapshots }: MixState,
  member: APIGuildMember,
  atMs: number,
): ScenarioEvent => {
  const taken = snapshots.get(member.user.id) ?? random.int(0, COMBOS.length - 1);
  snapshots.set(member.user.id, taken + 1);
  const combo = COMBOS[(taken + 1) % COMBOS.length] ?? { status: 'online', platforms: ['web'] };
  const activity = {
    type: ActivityType.Playing,
    name: random.pick(ACTIVITY_NAMES),
    createdAtMs: atMs,
  };
  const data = toPresenceUpdate({ guildId, userId: member.user.id, ...combo, activity });
  return { atMs, guildId, event: Events.PresenceUpdate, data };
};

const message: Step = ({ random, guildId, textIds, recent }, author, atMs, index) => {
  const id = toSnowflake(atMs, index % 131_072, 4);
  const input = {
    id,
    guildId,
    channelId: random.pick(textIds),
    author,
    content: `message ${index}`,
    atMs,
  };
  recent.push(input);
  if (recent.length > 100) recent.shift();
  return { atMs, guildId, event: Events.MessageCreate, data: toMessageCreate(input) };
};

const typing: Step = ({ random, guildId, textIds, typing: seen }, member, atMs) => {
  const second = Math.floor(atMs / 1_000);
  if (second !== seen.second) Object.assign(seen, { second, keys: new Set() });
  const channelId = random.pick(textIds);
  const key = `${member.user.id}:${channelId}`;
  if (seen.keys.has(key)) return undefined;
  seen.keys.add(key);
  const data = toTypingStart({ guildId, channelId, member, atMs });
  return { atMs, guildId, event: Events.TypingStart, data };
};

const reaction: Step = ({ random, guildId, recent, reactions }, member, atMs) => {
  const target = random.pick(recent);
  const key = `${target.id}:${member.user.id}`;
  if (reactions.has(key)) return undefined;
  reactions.add(key);
  const messageAuthorId = target.author.user.id;
  const input = {
    guildId,
    channelId: target.channelId,
    messageId: target.id,
    messageAuthorId,
    member,
    emoji: '👍',
  };
  return { atMs, guildId, event: Events.MessageReactionAdd, data: toReactionAdd(input) };
};

const edit: Step = ({ random, guildId, recent }, _member, atMs, index) => {
  const target = random.pick(recent);
  const data = toMessageUpdate({
    ...target,
    content: `${target.content} (edit ${index})`,
    editedAtMs: atMs,
  });
  return { atMs, guildId, event: Events.MessageUpdate, data };
};

const removal: Step = ({ random, guildId, recent }, _member, atMs) => {
  const [target] = recent.splice(random.int(0, recent.length - 1), 1);
  return {
    atMs,
    guildId,
    event: Events.MessageDelete,
    data: toMessageDelete(target ?? { id: '1', channelId: '1', guildId }),
  };
};

const voice: Step = ({ random, guildId, voiceIds }, member, atMs, index) => {
  const channelId = random.chance(0.5) ? random.pick(voiceIds) : null;
  const data = toVoiceState({ guildId, channelId, member, sessionId: `bench-${index}` });
  return { atMs, guildId, event: Events.VoiceStateUpdate, data };
};

/** Cumulative shares: 90% presence, 4% messages, 3% typing, 2% reactions, 1% the rest. */
const MIX: readonly [upTo: number, step: Step][] = [
  [0.9, presence],
  [0.94, message],
  [0.97, typing],
  [0.99, reaction],
  [0.995, edit],
  [0.997, removal],
  [1, voice],
];

/**
 * A lazy stream of `count` dispatches for throughput benchmarks: about 90% PRESENCE_UPDATE
 * (a member's consecutive snapshots always differ; each carries a unique activity timestamp),
 * then messages, typing, reactions, edits, deletions and voice. No two payloads are equal.
 * Deterministic for a seed.
 */
export function* createBenchmarkMix(options: BenchmarkMixOptions): Generator<ScenarioEvent> {
  const { guild } = options;
  const members = guild.members.filter((member) => !member.user.bot);
  const channels = guild.channels ?? [];
  const state: MixState = {
    random: createSeededRandom(options.seed),
    guildId: guild.id,
    textIds: channels.filter((c) => c.type === ChannelType.GuildText).map((c) => c.id),
    voiceIds: channels.filter((c) => c.type === ChannelType.GuildVoice).map((c) => c.id),
    snapshots: new Map(),
    recent: [],
    reactions: new Set(),
    typing: { second: 0, keys: new Set() },
  };
  if (members.length === 0 || state.textIds.length === 0 || state.voiceIds.length === 0) {
    throw new RangeError('The guild needs members, a text channel and a voice channel.');
  }
  const startMs = options.startMs ?? Date.UTC(2025, 0, 6);
  for (let index = 0; index < options.count; index += 1) {
    const roll = state.random.next();
    const picked = MIX.find(([upTo]) => roll < upTo)?.[1] ?? presence;
    const needsMessage = picked !== presence && picked !== typing && picked !== voice;
    const step = needsMessage && state.recent.length === 0 ? message : picked;
    const member = state.random.pick(members);
    const atMs = startMs + index;
    yield step(state, member, atMs, index) ?? presence(state, member, atMs);
  }
}
