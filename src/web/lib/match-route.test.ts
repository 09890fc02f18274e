import { describe, expect, it } from 'vitest';
import { matchRoute } from './match-route.ts';

describe('matchRoute', () => {
  it.each([
    ['/', { page: 'home' }],
    ['/keys', { page: 'keys' }],
    ['/ip-blocks', { page: 'ipBlocks' }],
    ['/guilds/42', { page: 'overview', guildId: '42' }],
    ['/guilds/42/', { page: 'overview', guildId: '42' }],
    [
      '/guilds/42/analytics/multi-client',
      { page: 'analytic', guildId: '42', analytic: 'multi-client' },
    ],
    ['/guilds/42/members', { page: 'members', guildId: '42' }],
    ['/guilds/42/members/7', { page: 'member', guildId: '42', userId: '7' }],
    ['/guilds/42/settings', { page: 'settings', guildId: '42' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it.each([
    '/nope',
    '/guilds/abc',
    '/guilds/42/members/x',
    '/guilds/42/analytics/Ghosts',
    '/guilds/42/members/7/extra',
    '/keys/1',
  ])('%s is not a page', (path) => {
    expect(matchRoute(path)).toEqual({ page: 'notFound' });
  });
});
