import { describe, expect, it } from 'vitest';
import { decideRefresh, type RefreshDecision, type RefreshState } from './decide-refresh.ts';

const now = new Date('2026-01-08T00:00:00Z');
const later = new Date('2026-01-10T00:00:00Z');
const earlier = new Date('2026-01-07T00:00:00Z');
const live: RefreshState = {
  id: 't1',
  familyId: 'f1',
  sessionId: 's1',
  userId: 'u1',
  expiresAt: later,
  rotatedAt: null,
  revokedAt: null,
  sessionEndsAt: later,
  sessionRevokedAt: null,
  role: 'USER',
};
const rotate: RefreshDecision = {
  type: 'rotate',
  tokenId: 't1',
  familyId: 'f1',
  sessionId: 's1',
  userId: 'u1',
};
const reuse: RefreshDecision = { type: 'reuse', familyId: 'f1', sessionId: 's1', userId: 'u1' };

describe('decideRefresh', () => {
  it.each<[string, RefreshState | undefined, RefreshDecision]>([
    ['a live token rotates', live, rotate],
    ['an admin rotates too', { ...live, role: 'ADMIN' }, rotate],
    ['an unknown token is invalid', undefined, { type: 'invalid' }],
    ['a rotated token is a reuse', { ...live, rotatedAt: earlier }, reuse],
    [
      'a rotated, expired token is still a reuse',
      { ...live, rotatedAt: earlier, expiresAt: earlier },
      reuse,
    ],
    [
      'a revoked family stays dead quietly',
      { ...live, rotatedAt: earlier, revokedAt: earlier },
      { type: 'invalid' },
    ],
    ['a revoked token is invalid', { ...live, revokedAt: earlier }, { type: 'invalid' }],
    [
      'a token of a revoked session is invalid',
      { ...live, sessionRevokedAt: earlier },
      { type: 'invalid' },
    ],
    ['a token without a session is invalid', { ...live, sessionId: null }, { type: 'invalid' }],
    ['an expired token', { ...live, expiresAt: earlier }, { type: 'expired' }],
    ['a token expiring exactly now', { ...live, expiresAt: now }, { type: 'expired' }],
    ['a token of an expired session', { ...live, sessionEndsAt: earlier }, { type: 'expired' }],
    ['a banned user', { ...live, role: 'BANNED' }, { type: 'banned' }],
  ])('%s', (_name, state, expected) => {
    expect(decideRefresh(state, now)).toEqual(expected);
  });
});
