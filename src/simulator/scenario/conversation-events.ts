import { GatewayDispatchEvents as Events } from 'discord-api-types/v10';
import type { CastMember } from './build-scenario-guild.ts';
import {
  type MessageInput,
  toMessageCreate,
  toMessageDelete,
  toMessageUpdate,
  toReactionAdd,
  toTypingStart,
} from './message-payloads.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { Timeline } from './timeline.ts';

/** The scenario facts every generator works within. */
export interface GeneratorContext {
  random: SeededRandom;
  timeline: Timeline;
  startMs: number;
  durationMs: number;
}

const LINES = [
  'anyone up for a game tonight?',
  'lol that is so true',
  'did you see the patch notes',
  'brb coffee',
  'ok that build is cursed',
  'I think the server was down earlier',
  'gg everyone',
  'can someone help me with the bot permissions?',
  'that meme is ancient',
  'same here',
  'what time is the event?',
  'nice clip!',
];
const EMOJIS = ['👍', '😂', '🔥', '❤️', '👀', '🎉'];

/**
 * Conversations in text channels: speakers take turns, each turn a TYPING_START followed by
 * a MESSAGE_CREATE; the next speaker often starts typing within seconds of the last message
 * (reaction-latency samples). Returns the messages posted, for reactions and edits.
 */
export const playConversations = (
  context: GeneratorContext,
  speakers: readonly CastMember[],
  channelIds: readonly string[],
): MessageInput[] => {
  const { random, timeline, startMs, durationMs } = context;
  const messages: MessageInput[] = [];
  const conversationCount = Math.max(4, Math.ceil(durationMs / 600_000));
  for (let index = 0; index < conversationCount; index += 1) {
    const channelId = random.pick(channelIds);
    let atMs = Math.round(startMs + random.next() * durationMs * 0.9);
    let previous: CastMember | undefined;
    const participants = Array.from({ length: random.int(2, 5) }, () => random.pick(speakers));
    for (let turn = random.int(4, 14); turn > 0; turn -= 1) {
      const candidates = participants.filter((speaker) => speaker !== previous);
      const speaker = candidates.length > 0 ? random.pick(candidates) : random.pick(participants);
      const typingAt = atMs + random.int(800, 8_000);
      const sentAt = typingAt + random.int(2_000, 12_000);
      if (sentAt >= startMs + durationMs) break;
      timeline.add(
        typingAt,
        Events.TypingStart,
        toTypingStart({
          guildId: timeline.guildId,
          channelId,
          member: speaker.member,
          atMs: typingAt,
        }),
      );
      const message: MessageInput = {
        id: timeline.nextId(sentAt),
        guildId: timeline.guildId,
        channelId,
        author: speaker.member,
        content: random.pick(LINES),
        atMs: sentAt,
      };
      timeline.add(sentAt, Events.MessageCreate, toMessageCreate(message));
      messages.push(message);
      previous = speaker;
      atMs = sentAt;
    }
  }
  return messages;
};

/** A member who speaks alone now and then: `count` messages, each announced by typing. */
export const playMonologue = (
  context: GeneratorContext,
  speaker: CastMember,
  channelIds: readonly string[],
  count: number,
): void => {
  const { random, timeline, startMs, durationMs } = context;
  const guildId = timeline.guildId;
  for (let index = 0; index < count; index += 1) {
    const sentAt = Math.round(startMs + ((index + random.next()) / count) * durationMs);
    const typingAt = sentAt - random.int(2_000, 9_000);
    const channelId = random.pick(channelIds);
    const member = speaker.member;
    timeline.add(
      typingAt,
      Events.TypingStart,
      toTypingStart({ guildId, channelId, member, atMs: typingAt }),
    );
    const id = timeline.nextId(sentAt);
    const message = {
      id,
      guildId,
      channelId,
      author: member,
      content: random.pick(LINES),
      atMs: sentAt,
    };
    timeline.add(sentAt, Events.MessageCreate, toMessageCreate(message));
  }
};

/** Reactions from other members, seconds to minutes after a message. */
export const playReactions = (
  context: GeneratorContext,
  messages: readonly MessageInput[],
  reactors: readonly CastMember[],
): void => {
  const { random, timeline } = context;
  for (const message of messages) {
    if (!random.chance(0.35)) continue;
    for (let count = random.int(1, 3); count > 0; count -= 1) {
      const reactor = random.pick(reactors);
      if (reactor.member.user.id === message.author.user.id) continue;
      const data = toReactionAdd({
        guildId: message.guildId,
        channelId: message.channelId,
        messageId: message.id,
        messageAuthorId: message.author.user.id,
        member: reactor.member,
        emoji: random.pick(EMOJIS),
      });
      timeline.add(message.atMs + random.int(2_000, 120_000), Events.MessageReactionAdd, data);
    }
  }
};

/** A few edits and deletions by authors of their own messages (at least one of each). */
export const playEditsAndDeletes = (
  context: GeneratorContext,
  messages: readonly MessageInput[],
): void => {
  const { random, timeline } = context;
  messages.forEach((message, index) => {
    if (index === 0 || random.chance(0.06)) {
      const editedAtMs = message.atMs + random.int(10_000, 120_000);
      const edited = { ...message, content: `${message.content} (edit: typo)`, editedAtMs };
      timeline.add(editedAtMs, Events.MessageUpdate, toMessageUpdate(edited));
    } else if (index === 1 || random.chance(0.03)) {
      timeline.add(
        message.atMs + random.int(30_000, 600_000),
        Events.MessageDelete,
        toMessageDelete(message),
      );
    }
  });
};
