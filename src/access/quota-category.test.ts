import { describe, expect, it } from 'vitest';
import { toQuotaCategory } from './quota-category.ts';

describe('toQuotaCategory', () => {
  it.each<[string, string | undefined]>([
    ['/api/v1/guilds/:guildId/ghosts', 'analytics'],
    ['/api/v1/guilds/:guildId/analytics/heatmap', 'analytics'],
    ['/api/v1/guilds/:guildId/overview', 'analytics'],
    ['/api/v1/guilds/:guildId/live', 'analytics'],
    ['/api/v1/guilds/:guildId/members', 'users'],
    ['/api/v1/guilds/:guildId/members/:userId/timeline', 'users'],
    ['/api/v1/guilds/:guildId/bans', 'users'],
    ['/api/v1/guilds/:guildId/membership-stats', 'analytics'],
    ['/api/v1/guilds/:guildId', undefined],
    ['/api/v1/guilds', undefined],
    ['/api/v1/me', undefined],
    ['/api/v1/keys/:id/usage', undefined],
    ['/api/v1/audit-log', undefined],
  ])('%s → %s', (route, expected) => {
    expect(toQuotaCategory(route)).toBe(expected);
  });
});
