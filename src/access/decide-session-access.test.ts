import { describe, expect, it } from 'vitest';
import {
  decideSessionAccess,
  type SessionAccess,
  type SessionState,
} from './decide-session-access.ts';

const now = new Date('2026-01-08T00:00:00Z');
const live: SessionState = {
  expiresAt: new Date('2026-01-09T00:00:00Z'),
  revokedAt: null,
  role: 'USER',
};

describe('decideSessionAccess', () => {
  it.each<[string, SessionState | undefined, SessionAccess['type']]>([
    ['a live session', live, 'allow'],
    ['a moderator', { ...live, role: 'MODERATOR' }, 'allow'],
    ['an unknown session', undefined, 'ended'],
    ['a revoked session', { ...live, revokedAt: now }, 'ended'],
    ['an expired session', { ...live, expiresAt: now }, 'ended'],
    ['a banned user', { ...live, role: 'BANNED' }, 'banned'],
    ['a banned user with an ended session', { ...live, role: 'BANNED', revokedAt: now }, 'ended'],
  ])('%s → %s', (_name, session, expected) => {
    expect(decideSessionAccess(session, now).type).toBe(expected);
  });
});
