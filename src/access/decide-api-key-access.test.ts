import { describe, expect, it } from 'vitest';
import {
  type ApiKeyAccess,
  type ApiKeyState,
  decideApiKeyAccess,
} from './decide-api-key-access.ts';

const now = new Date('2026-01-08T00:00:00Z');
const live: ApiKeyState = { isActive: true, expiresAt: null, role: 'USER' };

describe('decideApiKeyAccess', () => {
  it.each<[string, ApiKeyState | undefined, ApiKeyAccess['type']]>([
    ['a live key without expiry', live, 'allow'],
    ['a key expiring later', { ...live, expiresAt: new Date('2026-01-09T00:00:00Z') }, 'allow'],
    ['an admin key', { ...live, role: 'ADMIN' }, 'allow'],
    ['an unknown key', undefined, 'unknown'],
    ['a revoked key', { ...live, isActive: false }, 'revoked'],
    ['a key expiring exactly now', { ...live, expiresAt: now }, 'expired'],
    ['a revoked and expired key', { ...live, isActive: false, expiresAt: now }, 'revoked'],
    ['a key of a banned owner', { ...live, role: 'BANNED' }, 'banned'],
    ['an expired key of a banned owner', { ...live, role: 'BANNED', expiresAt: now }, 'expired'],
  ])('%s → %s', (_name, key, expected) => {
    expect(decideApiKeyAccess(key, now).type).toBe(expected);
  });
});
