import { describe, expect, it } from 'vitest';
import type { Principal } from '../../access/principal.ts';
import { parseKeyQuota } from '../../access/tier-limits.ts';
import { API_KEY_RECHECK_MS, toGrant } from './live-routes.ts';

const now = new Date('2026-11-25T12:00:00Z');
const key = (expiresAt: Date | null): Principal => ({
  via: 'apiKey',
  userId: 'u1',
  role: 'USER',
  apiKeyId: 'k1',
  tier: 'FREE',
  quota: parseKeyQuota(null, 'FREE'),
  expiresAt,
});

describe('how long a live stream may run before it must authenticate again', () => {
  it('a login: until its access token expires', () => {
    const accessExpiresAt = new Date('2026-11-25T12:15:00Z');
    expect(
      toGrant(
        { via: 'session', userId: 'u1', role: 'USER', sessionId: 's1', accessExpiresAt },
        now,
      ),
    ).toEqual({ expiresAt: accessExpiresAt });
  });

  it('a key without expiry: the re-check interval, so revocation and bans reach the stream', () => {
    expect(toGrant(key(null), now)).toEqual({
      expiresAt: new Date(now.getTime() + API_KEY_RECHECK_MS),
    });
  });

  it('a key expiring sooner than the re-check: its own expiry', () => {
    const soon = new Date('2026-11-25T12:01:00Z');
    expect(toGrant(key(soon), now)).toEqual({ expiresAt: soon });
    const later = new Date('2026-12-25T12:00:00Z');
    expect(toGrant(key(later), now)).toEqual({
      expiresAt: new Date(now.getTime() + API_KEY_RECHECK_MS),
    });
  });
});
