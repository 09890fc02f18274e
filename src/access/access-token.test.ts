import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import {
  ACCESS_TOKEN_TTL_MS,
  issueAccessToken,
  toJwtKey,
  verifyAccessToken,
} from './access-token.ts';

const key = toJwtKey('a-secret-of-at-least-32-characters!!');
const now = new Date('2026-01-08T00:00:00Z');
const claims = { sub: 'u1', sid: 's1', role: 'USER' as const };
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (isAppError(error) ? error.code : 'other'),
  );

describe('access tokens', () => {
  it('round-trips its claims with a jti and a 15-minute expiry', async () => {
    const token = await issueAccessToken(claims, key, now);
    expect(await verifyAccessToken(token, key, now)).toEqual({
      ...claims,
      expiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_MS),
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(ACCESS_TOKEN_TTL_MS / 1_000);
    expect(payload.jti).toBeTypeOf('string');
  });

  it('is valid just before 15 minutes and expired after', async () => {
    const token = await issueAccessToken(claims, key, now);
    expect(
      await codeOf(
        verifyAccessToken(token, key, new Date(now.getTime() + ACCESS_TOKEN_TTL_MS - 1_000)),
      ),
    ).toBe('ok');
    expect(
      await codeOf(
        verifyAccessToken(token, key, new Date(now.getTime() + ACCESS_TOKEN_TTL_MS + 1_000)),
      ),
    ).toBe('TOKEN_EXPIRED');
  });

  it('refuses another key, a changed payload and alg none', async () => {
    const token = await issueAccessToken(claims, key, now);
    const other = toJwtKey('another-secret-of-32-characters-long');
    expect(await codeOf(verifyAccessToken(token, other, now))).toBe('TOKEN_INVALID');
    const [header, , signature] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', exp: 9e9 })).toString(
      'base64url',
    );
    expect(await codeOf(verifyAccessToken(`${header}.${admin}.${signature}`, key, now))).toBe(
      'TOKEN_INVALID',
    );
    const none = Buffer.from('{"alg":"none"}').toString('base64url');
    expect(await codeOf(verifyAccessToken(`${none}.${admin}.`, key, now))).toBe('TOKEN_INVALID');
  });
});
