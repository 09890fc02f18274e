import type { CastMember, ScenarioGuild } from './build-scenario-guild.ts';
import {
  type GeneratorContext,
  playConversations,
  playEditsAndDeletes,
  playMonologue,
  playReactions,
} from './conversation-events.ts';
import { playAbandonedTyping, playPresences, playVoiceSession } from './presence-events.ts';

const SPEAKING: ReadonlySet<CastMember['behaviour']> = new Set([
  'owner',
  'moderator',
  'regular',
  'multiClient',
]);

/**
 * Ordinary guild life: conversations with typing and reactions, a few edits and deletions,
 * voice sessions, ghosts who type without sending (and rarely speak), and everyone's presence.
 * Lurkers only ever show presence.
 */
export const playEveryday = (
  context: (label: string) => GeneratorContext,
  scenario: ScenarioGuild,
): void => {
  const { textChannelIds, voiceChannelIds } = scenario;
  const speakers = scenario.cast.filter((cast) => SPEAKING.has(cast.behaviour));
  if (speakers.length > 0) {
    const messages = playConversations(context('talk'), speakers, textChannelIds);
    playReactions(context('react'), messages, speakers);
    playEditsAndDeletes(context('edit'), messages);
  }
  const voice = context('voice');
  for (const cast of speakers) {
    if (voice.random.chance(0.3)) playVoiceSession(voice, cast, voiceChannelIds);
  }
  const ghosts = context('ghost');
  for (const ghost of scenario.cast.filter((cast) => cast.behaviour === 'ghost')) {
    playAbandonedTyping(ghosts, ghost, textChannelIds);
    playMonologue(ghosts, ghost, textChannelIds, ghosts.random.int(0, 2));
  }
  const presence = context('presence');
  for (const cast of scenario.cast) {
    if (cast.behaviour !== 'troublemaker') playPresences(presence, cast);
  }
};
