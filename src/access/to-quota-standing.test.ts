import { describe, expect, it } from 'vitest';
import { FREE_QUOTA } from './tier-limits.ts';
import { toQuotaStanding } from './to-quota-standing.ts';

describe('toQuotaStanding', () => {
  it('sums endpoints per group and leaves unmetered endpoints out', () => {
    const standing = toQuotaStanding(
      [
        { endpoint: 'GET /api/v1/guilds/:guildId/ghosts', today: 3, month: 10 },
        { endpoint: 'GET /api/v1/guilds/:guildId/overview', today: 2, month: 2 },
        {
          endpoint: 'GET /api/v1/guilds/:guildId/members/:userId/timeline',
          today: 500,
          month: 600,
        },
        { endpoint: 'GET /api/v1/me', today: 40, month: 40 },
      ],
      FREE_QUOTA,
    );
    expect(standing).toEqual({
      analytics: {
        daily: { used: 5, limit: 1_000, remaining: 995 },
        monthly: { used: 12, limit: 30_000, remaining: 29_988 },
      },
      users: {
        daily: { used: 500, limit: 500, remaining: 0 },
        monthly: { used: 600, limit: 15_000, remaining: 14_400 },
      },
    });
  });
});
