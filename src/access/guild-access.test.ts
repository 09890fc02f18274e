import { describe, expect, it } from 'vitest';
import {
  canManageGuild,
  canReadGuild,
  type DiscordUserGuild,
  toManagedGuilds,
} from './guild-access.ts';
import type { Principal } from './principal.ts';

const guild = (permissions: string, owner = false): DiscordUserGuild => ({
  id: '1',
  owner,
  permissions,
});
const principal = (role: Principal['role']): Principal => ({
  via: 'session',
  userId: 'u',
  role,
  sessionId: 's',
  accessExpiresAt: new Date(0),
});

describe('canManageGuild', () => {
  it.each<[string, DiscordUserGuild, boolean]>([
    ['owner without bits', guild('0', true), true],
    ['Administrator (0x8)', guild('8'), true],
    ['Manage Server (0x20)', guild('32'), true],
    ['both among others', guild(String(0x8 | 0x20 | 0x400)), true],
    ['bits above 2^53', guild(((1n << 60n) | 0x20n).toString()), true],
    ['View Channel only', guild('1024'), false],
    ['Manage Roles (not enough)', guild(String(0x1000_0000)), false],
    ['nothing', guild('0'), false],
    ['garbage bits', guild('lots'), false],
  ])('%s → %s', (_name, input, expected) => {
    expect(canManageGuild(input)).toBe(expected);
  });

  it('keeps only manageable guilds', () => {
    expect(toManagedGuilds([guild('8'), guild('1024'), guild('0', true)])).toHaveLength(2);
  });
});

describe('canReadGuild', () => {
  it.each<[string, Principal, DiscordUserGuild | undefined, boolean]>([
    ['instance admin, no Discord data', principal('ADMIN'), undefined, true],
    ['user managing the guild', principal('USER'), guild('32'), true],
    ['moderator managing the guild', principal('MODERATOR'), guild('0', true), true],
    ['user without a managed row', principal('USER'), undefined, false],
    ['moderator without a managed row', principal('MODERATOR'), undefined, false],
    ['user with a row that grants nothing', principal('USER'), guild('1024'), false],
  ])('%s → %s', (_name, who, managed, expected) => {
    expect(canReadGuild(who, managed)).toBe(expected);
  });

  it.each<[string, DiscordUserGuild | undefined, boolean, boolean]>([
    ['no login row, the bot sees a manager role', undefined, true, true],
    ['a login row granting nothing, the bot sees a manager role', guild('1024'), true, true],
    ['a manager at login, the bot sees no manager role', guild('32'), false, true],
    ['neither', undefined, false, false],
  ])('%s → %s', (_name, managed, managedByBotData, expected) => {
    expect(canReadGuild(principal('USER'), managed, managedByBotData)).toBe(expected);
  });
});
