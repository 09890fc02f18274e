import { describe, expect, it } from 'vitest';
import {
  AUTH_FAILURE_LIMIT,
  type AuthFailureDecision,
  decideAuthFailure,
  isAuthFailure,
} from './decide-auth-failure.ts';

const now = new Date('2026-01-08T00:00:00Z');
const block: AuthFailureDecision = { type: 'block', expiresAt: new Date('2026-01-08T00:15:00Z') };

describe('decideAuthFailure', () => {
  it.each<[number, AuthFailureDecision]>([
    [1, { type: 'count' }],
    [AUTH_FAILURE_LIMIT - 1, { type: 'count' }],
    [AUTH_FAILURE_LIMIT, block],
    [AUTH_FAILURE_LIMIT + 1, { type: 'count' }],
  ])('failure %i → %j', (failures, expected) => {
    expect(decideAuthFailure(failures, now)).toEqual(expected);
  });

  it('counts bad secrets, not missing or merely expired tokens', () => {
    expect(isAuthFailure('TOKEN_INVALID')).toBe(true);
    expect(isAuthFailure('API_KEY_REVOKED')).toBe(true);
    expect(isAuthFailure('REFRESH_TOKEN_REUSED')).toBe(true);
    expect(isAuthFailure('LOGIN_FAILED')).toBe(true);
    expect(isAuthFailure('UNAUTHENTICATED')).toBe(false);
    expect(isAuthFailure('TOKEN_EXPIRED')).toBe(false);
    expect(isAuthFailure('GUILD_NOT_FOUND')).toBe(false);
  });
});
