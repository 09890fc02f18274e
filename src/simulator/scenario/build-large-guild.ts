import type { APIGuildMember, APIUser } from 'discord-api-types/v10';
import type { SimGuild, SimPresence } from '../guild-state.ts';
import { toSnowflake } from '../snowflake.ts';
import { buildScenarioGuild } from './build-scenario-guild.ts';
import { type Platform, type PresenceStatus, toGuildPresence } from './presence-payloads.ts';
import { createSeededRandom } from './seeded-random.ts';
import { toMember } from './user-factory.ts';

/** Options of {@link buildLargeGuild}. */
export interface LargeGuildOptions {
  seed: number | string;
  memberCount: number;
  /** Share of members with a non-offline presence (default 0.3). */
  onlineShare?: number;
  startMs?: number;
}

/** A big guild (e.g. 100,000 members) for memory and throughput benchmarks. */
export interface LargeGuild {
  guild: SimGuild;
  bot: APIUser;
}

const PLATFORM_SETS: readonly (readonly Platform[])[] = [
  ['desktop'],
  ['mobile'],
  ['web'],
  ['desktop', 'mobile'],
];
const STATUSES: readonly PresenceStatus[] = ['online', 'online', 'idle', 'dnd'];

/**
 * A guild of `memberCount` members with the scenario guild's roles and channels; cheap to
 * build (names are `member<n>`), deterministic for a seed. Give the simulator
 * `memberListPolicy: 'all'` to send every member in GUILD_CREATE, as Discord never would
 * past 75,000.
 */
export const buildLargeGuild = (options: LargeGuildOptions): LargeGuild => {
  const random = createSeededRandom(options.seed);
  const startMs = options.startMs ?? Date.UTC(2025, 0, 6);
  const base = buildScenarioGuild({
    random: random.fork('guild'),
    startMs,
    cast: { moderators: 2, regulars: 0, multiClient: 0, ghosts: 0, lurkers: 0, troublemakers: 0 },
    name: `Large guild (${options.memberCount} members)`,
  });
  const members: APIGuildMember[] = [...base.guild.members];
  const presences: SimPresence[] = [...(base.guild.presences ?? [])];
  const onlineShare = options.onlineShare ?? 0.3;
  const spanMs = startMs - Date.UTC(2016, 0, 1);
  for (let index = members.length; index < options.memberCount; index += 1) {
    const createdAtMs = startMs - Math.floor(random.next() * spanMs) - 86_400_000;
    const user: APIUser = {
      id: toSnowflake(createdAtMs, index % 131_072, 3),
      username: `member${index}`,
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
    members.push(toMember(user, startMs - random.int(1, 1_000) * 86_400_000));
    if (random.chance(onlineShare)) {
      const platforms = random.pick(PLATFORM_SETS);
      const status = random.pick(STATUSES);
      presences.push(
        toGuildPresence({ guildId: base.guild.id, userId: user.id, status, platforms }),
      );
    }
  }
  return { guild: { ...base.guild, members, presences }, bot: base.bot };
};
