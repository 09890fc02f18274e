import type { LatencyRow } from '../ingest-rows.ts';

/** How the tracker bounds its window and its memory. */
export interface LatencyTrackerOptions {
  /** A typing start counts when it comes less than this long after the message. */
  windowMs?: number;
  /** Channels remembered at once; the least recently active are forgotten first. */
  maxChannels?: number;
  /** Recent messages remembered per channel; the oldest are forgotten first. */
  maxMessagesPerChannel?: number;
}

/** The defaults: PRODUCT.md analytic 9's 5 s window, and room for a busy instance. */
export const latencyTrackerDefaults: Required<LatencyTrackerOptions> = {
  windowMs: 5_000,
  maxChannels: 10_000,
  maxMessagesPerChannel: 16,
};

/** A message as the tracker needs it; `at` is when the bot received it. */
export interface ObservedMessage {
  guildId: string;
  channelId: string;
  authorDiscordId: string;
  messageId: string;
  at: Date;
}

/** A typing start; `at` is when the bot received it. */
export interface ObservedTyping {
  guildId: string;
  channelId: string;
  userDiscordId: string;
  at: Date;
}

/** Pairs typing starts with the messages just before them (PRODUCT.md analytic 9). */
export interface LatencyTracker {
  observeMessage(message: ObservedMessage): void;
  /** A sample when this typing answers a recent message by someone else, else `undefined`. */
  observeTyping(typing: ObservedTyping): LatencyRow | undefined;
  /** Channels currently remembered. */
  readonly channelCount: number;
}

interface RecentMessage {
  authorDiscordId: string;
  messageId: string;
  atMs: number;
  /** Members who already answered this message: one sample per member and message. */
  answeredBy: string[];
}

type Limits = Required<LatencyTrackerOptions>;
/** Recent messages per `guildId/channelId`, in last-message order (least recent first). */
type Channels = Map<string, RecentMessage[]>;

const channelKey = (where: { guildId: string; channelId: string }) =>
  `${where.guildId}/${where.channelId}`;

/** The most recent message by someone else that `typerId` may be answering at `atMs`. */
const findAnswered = (
  recent: readonly RecentMessage[],
  typerId: string,
  atMs: number,
  windowMs: number,
): RecentMessage | undefined => {
  let found: RecentMessage | undefined;
  for (const message of recent) {
    const latencyMs = atMs - message.atMs;
    if (latencyMs < 0 || latencyMs >= windowMs || message.authorDiscordId === typerId) continue;
    if (found === undefined || message.atMs >= found.atMs) found = message;
  }
  return found;
};

/** Remembers a message, forgetting what no later typing start can answer. */
const remember = (channels: Channels, message: ObservedMessage, limits: Limits): void => {
  const key = channelKey(message);
  const atMs = message.at.getTime();
  const isStale = (recent: RecentMessage) => atMs - recent.atMs >= limits.windowMs;
  const recent = channels.get(key) ?? [];
  channels.delete(key);
  while (recent[0] !== undefined && isStale(recent[0])) recent.shift();
  const { authorDiscordId, messageId } = message;
  recent.push({ authorDiscordId, messageId, atMs, answeredBy: [] });
  if (recent.length > limits.maxMessagesPerChannel) recent.shift();
  channels.set(key, recent);
  // The first channels are the least recently active: drop them while stale or over the cap.
  for (const [oldestKey, oldest] of channels) {
    const last = oldest[oldest.length - 1];
    if (last !== undefined && !isStale(last) && channels.size <= limits.maxChannels) return;
    channels.delete(oldestKey);
  }
};

/** The sample for a typing start, marking the message answered by this member. */
const answer = (channels: Channels, typing: ObservedTyping, limits: Limits) => {
  const recent = channels.get(channelKey(typing));
  if (recent === undefined) return undefined;
  const atMs = typing.at.getTime();
  const message = findAnswered(recent, typing.userDiscordId, atMs, limits.windowMs);
  if (message === undefined || message.answeredBy.includes(typing.userDiscordId)) return undefined;
  message.answeredBy.push(typing.userDiscordId);
  const row: LatencyRow = {
    guildId: typing.guildId,
    channelId: typing.channelId,
    userDiscordId: typing.userDiscordId,
    targetDiscordId: message.authorDiscordId,
    messageId: message.messageId,
    latencyMs: atMs - message.atMs,
    timestamp: typing.at,
  };
  return row;
};

/**
 * A tracker over the caller's receive times (it never reads the clock). A typing start at
 * exactly `windowMs` after a message is outside the window, as the store's check
 * `latencyMs < 5000` requires.
 */
export const createLatencyTracker = (options: LatencyTrackerOptions = {}): LatencyTracker => {
  const limits: Limits = { ...latencyTrackerDefaults, ...options };
  const channels: Channels = new Map();
  return {
    observeMessage: (message) => remember(channels, message, limits),
    observeTyping: (typing) => answer(channels, typing, limits),
    get channelCount() {
      return channels.size;
    },
  };
};
