import { ActivityType, GatewayDispatchEvents as Events } from 'discord-api-types/v10';
import type { CastMember } from './build-scenario-guild.ts';
import type { GeneratorContext } from './conversation-events.ts';
import { toVoiceState } from './member-payloads.ts';
import { toTypingStart } from './message-payloads.ts';
import {
  ACTIVITY_NAMES,
  type Platform,
  type PresenceStatus,
  toPresenceUpdate,
} from './presence-payloads.ts';

const PLATFORMS: readonly Platform[] = ['desktop', 'mobile', 'web'];
const MULTI: readonly (readonly Platform[])[] = [
  ['desktop', 'mobile'],
  ['desktop', 'web'],
  ['mobile', 'web'],
  ['desktop', 'mobile', 'web'],
  ['desktop'],
];

interface PresencePlan {
  count: [min: number, max: number];
  statuses: readonly PresenceStatus[];
}

/** How often and how each behaviour's presence changes; ghosts change often and stay online. */
const plans: Record<CastMember['behaviour'], PresencePlan> = {
  owner: { count: [4, 8], statuses: ['online', 'idle', 'dnd'] },
  moderator: { count: [4, 8], statuses: ['online', 'idle'] },
  regular: { count: [4, 10], statuses: ['online', 'idle', 'online', 'offline'] },
  multiClient: { count: [10, 20], statuses: ['online', 'idle', 'dnd'] },
  ghost: { count: [40, 60], statuses: ['online', 'idle', 'dnd'] },
  lurker: { count: [8, 15], statuses: ['online', 'idle'] },
  troublemaker: { count: [2, 4], statuses: ['online'] },
};

/**
 * PRESENCE_UPDATEs for one member, spread over the scenario; consecutive snapshots always
 * differ. Multi-client members mostly show two or three platforms at once.
 */
export const playPresences = (
  context: GeneratorContext,
  cast: CastMember,
  untilMs?: number,
): void => {
  const { random, timeline, startMs, durationMs } = context;
  const plan = plans[cast.behaviour];
  const main = random.pick(PLATFORMS);
  const endMs = untilMs ?? startMs + durationMs;
  const count = random.int(...plan.count);
  let last = '';
  for (let index = 0; index < count; index += 1) {
    const atMs = Math.round(startMs + ((index + random.next()) / count) * (endMs - startMs));
    let status = random.pick(plan.statuses);
    const platforms = cast.behaviour === 'multiClient' ? random.pick(MULTI) : [main];
    if (`${status}/${platforms.join()}` === last) status = status === 'online' ? 'idle' : 'online';
    last = `${status}/${platforms.join()}`;
    const activity = random.chance(0.4)
      ? {
          type: ActivityType.Playing,
          name: random.pick(ACTIVITY_NAMES),
          createdAtMs: Math.round(atMs),
        }
      : undefined;
    const data = toPresenceUpdate({
      guildId: timeline.guildId,
      userId: cast.member.user.id,
      status,
      platforms,
      ...(activity ? { activity } : {}),
    });
    timeline.add(atMs, Events.PresenceUpdate, data);
  }
};

/** Typing that never becomes a message: the ghost's tell. */
export const playAbandonedTyping = (
  context: GeneratorContext,
  cast: CastMember,
  channelIds: readonly string[],
): void => {
  const { random, timeline, startMs, durationMs } = context;
  for (let count = random.int(3, 8); count > 0; count -= 1) {
    const atMs = Math.round(startMs + random.next() * durationMs);
    const channelId = random.pick(channelIds);
    timeline.add(
      atMs,
      Events.TypingStart,
      toTypingStart({ guildId: timeline.guildId, channelId, member: cast.member, atMs }),
    );
  }
};

/** A voice session: join a voice channel, leave 5–45 minutes later (within the scenario). */
export const playVoiceSession = (
  context: GeneratorContext,
  cast: CastMember,
  voiceChannelIds: readonly string[],
): void => {
  const { random, timeline, startMs, durationMs } = context;
  const joinAt = Math.round(startMs + random.next() * durationMs * 0.8);
  const leaveAt = Math.min(startMs + durationMs - 1, joinAt + random.int(300_000, 2_700_000));
  const sessionId = timeline.nextId(joinAt);
  const base = { guildId: timeline.guildId, member: cast.member, sessionId };
  timeline.add(
    joinAt,
    Events.VoiceStateUpdate,
    toVoiceState({ ...base, channelId: random.pick(voiceChannelIds) }),
  );
  timeline.add(leaveAt, Events.VoiceStateUpdate, toVoiceState({ ...base, channelId: null }));
};
