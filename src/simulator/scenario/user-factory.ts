import type { APIGuildMember, APIUser, GuildMemberFlags } from 'discord-api-types/v10';
import { toSnowflake } from '../snowflake.ts';
import type { SeededRandom } from './seeded-random.ts';

const FIRST = [
  'quiet',
  'neon',
  'lucky',
  'sleepy',
  'cosmic',
  'salty',
  'mellow',
  'rapid',
  'frosty',
  'shy',
];
const SECOND = [
  'falcon',
  'pixel',
  'otter',
  'nova',
  'maple',
  'comet',
  'badger',
  'lotus',
  'raven',
  'echo',
];
const GLOBAL = ['Sam', 'Alex', 'Robin', 'Kai', 'Jules', 'Noa', 'Mika', 'Rene', 'Ari', 'Lee', 'Sky'];

/** Makes users with unique, plausible names and ids minted at their account creation time. */
export interface UserFactory {
  createUser(createdAtMs: number, options?: { bot?: boolean }): APIUser;
}

/** A deterministic user factory: the same random source gives the same users. */
export const createUserFactory = (random: SeededRandom): UserFactory => {
  const taken = new Set<string>();
  let increment = 0;
  const uniqueName = (): string => {
    const base = `${random.pick(FIRST)}${random.pick(SECOND)}`;
    let name = base;
    while (taken.has(name)) name = `${base}_${random.int(2, 9_999)}`;
    taken.add(name);
    return name;
  };
  return {
    createUser(createdAtMs, options = {}) {
      increment += 1;
      const user: APIUser = {
        id: toSnowflake(createdAtMs, increment),
        username: uniqueName(),
        discriminator: '0',
        global_name: options.bot ? null : random.pick(GLOBAL),
        avatar: null,
      };
      if (options.bot) user.bot = true;
      return user;
    },
  };
};

/** A guild member for a user who joined at `joinedAtMs` with `roles`. */
export const toMember = (
  user: APIUser,
  joinedAtMs: number,
  roles: string[] = [],
): APIGuildMember => ({
  user,
  roles,
  nick: null,
  avatar: null,
  joined_at: new Date(joinedAtMs).toISOString(),
  premium_since: null,
  deaf: false,
  mute: false,
  pending: false,
  communication_disabled_until: null,
  flags: 0 as GuildMemberFlags,
});
