import type { APIUser } from 'discord-api-types/v10';
import type { SimGuild } from '../guild-state.ts';
import { type Behaviour, buildScenarioGuild, type CastSize } from './build-scenario-guild.ts';
import type { GeneratorContext } from './conversation-events.ts';
import type { Ban, Raid, RoleGrant } from './incident-events.ts';
import { playEveryday } from './play-everyday.ts';
import { playIncidents } from './play-incidents.ts';
import type { ScenarioEvent } from './scenario-event.ts';
import { createSeededRandom } from './seeded-random.ts';
import { createTimeline } from './timeline.ts';

/** Options of {@link createScenario}; only the seed is required. */
export interface ScenarioOptions {
  seed: number | string;
  /** Scenario time zero (Unix ms); defaults to 2025-01-06T00:00Z so a seed alone fixes the stream. */
  startMs?: number;
  /** Defaults to two hours. */
  durationMs?: number;
  cast?: Partial<CastSize>;
  /** New accounts in the raid burst (default 12; 0 for none). */
  raidSize?: number;
  /** Regulars given a dangerous role (default 2). */
  escalations?: number;
  guildName?: string;
}

/** Who plays what, by user id. */
export type ScenarioCast = Record<Behaviour | 'raider', string[]>;

/** A generated guild and its stream of dispatches, with the answers tests can check against. */
export interface Scenario {
  startMs: number;
  endMs: number;
  /** The guild as GUILD_CREATE should show it at `startMs`. */
  guild: SimGuild;
  /** The bot user the guild expects; pass it to the simulator as `bot`. */
  bot: APIUser;
  /** Dispatches sorted by `atMs`. */
  events: ScenarioEvent[];
  cast: ScenarioCast;
  raid: Raid | undefined;
  roleGrants: RoleGrant[];
  bans: Ban[];
}

/** The default cast: two moderators, sixteen regulars, four of each other behaviour, one troublemaker. */
export const defaultCastSize: CastSize = {
  moderators: 2,
  regulars: 16,
  multiClient: 4,
  ghosts: 4,
  lurkers: 4,
  troublemakers: 1,
};

const BEHAVIOURS: readonly Behaviour[] = [
  'owner',
  'moderator',
  'regular',
  'multiClient',
  'ghost',
  'lurker',
  'troublemaker',
];

/**
 * A deterministic, realistic guild and its dispatch stream: regulars who talk, type and react,
 * multi-client members, ghosts, lurkers, a raid of new accounts, role escalations with their
 * audit entries, bans, voice sessions, edits and deletions. Same options, same stream.
 */
export const createScenario = (options: ScenarioOptions): Scenario => {
  const random = createSeededRandom(options.seed);
  const startMs = options.startMs ?? Date.UTC(2025, 0, 6);
  const durationMs = options.durationMs ?? 2 * 3_600_000;
  const scenario = buildScenarioGuild({
    random: random.fork('guild'),
    startMs,
    cast: { ...defaultCastSize, ...options.cast },
    ...(options.guildName === undefined ? {} : { name: options.guildName }),
  });
  const timeline = createTimeline(scenario.guild.id);
  const context = (label: string): GeneratorContext => ({
    random: random.fork(label),
    timeline,
    startMs,
    durationMs,
  });
  playEveryday(context, scenario);
  // After everyday life, so that members' snapshots in earlier messages predate the grants.
  const incidents = playIncidents(context('incidents'), scenario, {
    raidSize: options.raidSize ?? 12,
    escalations: options.escalations ?? 2,
  });
  const cast = Object.fromEntries(
    BEHAVIOURS.map((behaviour) => [
      behaviour,
      scenario.cast.filter((c) => c.behaviour === behaviour).map((c) => c.member.user.id),
    ]),
  ) as ScenarioCast;
  cast.raider = incidents.raiders;
  return {
    startMs,
    endMs: startMs + durationMs,
    guild: scenario.guild,
    bot: scenario.bot,
    events: timeline.toEvents(),
    cast,
    raid: incidents.raid,
    roleGrants: incidents.roleGrants,
    bans: incidents.bans,
  };
};
