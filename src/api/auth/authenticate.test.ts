import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueAccessToken, toJwtKey } from '../../access/access-token.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  bearer,
  bob,
  guildIds,
  insertKnownGuilds,
  type LoginTokens,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';
import { TEST_JWT_SECRET } from '../testing/test-auth-options.ts';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (tokens: LoginTokens): { sid: string } & Record<string, unknown> =>
  JSON.parse(Buffer.from(tokens.accessToken.split('.')[1] ?? '', 'base64url').toString());

/** Each attack: how to build the request from a fresh login of Alice, and the refusal. */
interface Attack {
  name: string;
  request: (
    tokens: LoginTokens,
    context: Context,
  ) => Promise<{ url: string; method?: 'GET' | 'DELETE'; headers: Record<string, string> }>;
  status: number;
  code: string;
}

interface Context {
  bob: LoginTokens;
  sessionIdOf: (tokens: LoginTokens) => Promise<string>;
  /** Moves the app's clock; returns the new time. */
  advanceMs: (ms: number) => number;
  ban: (userId: string) => Promise<void>;
  logout: (tokens: LoginTokens) => Promise<void>;
}

const me = '/api/v1/me';
const attacks: Attack[] = [
  {
    name: 'no token',
    request: async () => ({ url: me, headers: {} }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'not a Bearer header',
    request: async (t) => ({ url: me, headers: { authorization: `Basic ${t.accessToken}` } }),
    status: 401,
    code: 'TOKEN_INVALID',
  },
  {
    name: 'malformed token',
    request: async () => ({ url: me, headers: bearer('abc') }),
    status: 401,
    code: 'TOKEN_INVALID',
  },
  {
    name: 'expired token',
    request: async (t, c) => {
      c.advanceMs(15 * 60_000 + 1_000);
      return { url: me, headers: bearer(t.accessToken) };
    },
    status: 401,
    code: 'TOKEN_EXPIRED',
  },
  {
    name: 'wrong signature',
    request: async (t) => {
      const [header, payload] = t.accessToken.split('.');
      const other = toJwtKey('another-secret-another-secret-another');
      const forged = await issueAccessToken(
        { sub: t.user.id, sid: 'x', role: 'ADMIN' },
        other,
        new Date(),
      );
      return { url: me, headers: bearer(`${header}.${payload}.${forged.split('.')[2]}`) };
    },
    status: 401,
    code: 'TOKEN_INVALID',
  },
  {
    name: 'alg none',
    request: async (t) => {
      const claims = claimsOf(t);
      return {
        url: me,
        headers: bearer(
          `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, role: 'ADMIN' })}.`,
        ),
      };
    },
    status: 401,
    code: 'TOKEN_INVALID',
  },
  {
    name: 'a valid signature for a session that does not exist',
    request: async (t) => {
      const token = await new SignJWT({ sid: 'made-up', role: 'ADMIN' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(t.user.id)
        .setJti('j')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(toJwtKey(TEST_JWT_SECRET));
      return { url: me, headers: bearer(token) };
    },
    status: 401,
    code: 'SESSION_REVOKED',
  },
  {
    name: 'revoked session',
    request: async (t, c) => {
      await c.logout(t);
      return { url: me, headers: bearer(t.accessToken) };
    },
    status: 401,
    code: 'SESSION_REVOKED',
  },
  {
    name: 'expired session',
    request: async (t, c) => {
      // A token freshly signed a week later (as if refreshed): the session itself has ended.
      const laterMs = c.advanceMs(7 * 86_400_000 + 1);
      const { sid } = claimsOf(t);
      const token = await issueAccessToken(
        { sub: t.user.id, sid, role: 'USER' },
        toJwtKey(TEST_JWT_SECRET),
        new Date(laterMs),
      );
      return { url: me, headers: bearer(token) };
    },
    status: 401,
    code: 'SESSION_REVOKED',
  },
  {
    name: 'API key (not accepted yet)',
    request: async () => ({ url: me, headers: bearer('spw_0123456789abcdef') }),
    status: 401,
    code: 'TOKEN_INVALID',
  },
  {
    name: 'BANNED user',
    request: async (t, c) => {
      await c.ban(t.user.id);
      return { url: '/api/v1/guilds', headers: bearer(t.accessToken) };
    },
    status: 403,
    code: 'USER_BANNED',
  },
  {
    name: "another user's session revoke",
    request: async (t, c) => ({
      url: `/api/v1/auth/sessions/${await c.sessionIdOf(c.bob)}`,
      method: 'DELETE',
      headers: bearer(t.accessToken),
    }),
    status: 404,
    code: 'SESSION_NOT_FOUND',
  },
  {
    name: 'a guild where the caller is a plain member',
    request: async (t) => ({
      url: `/api/v1/guilds/${guildIds.member}`,
      headers: bearer(t.accessToken),
    }),
    status: 404,
    code: 'GUILD_NOT_FOUND',
  },
  {
    name: 'a guild the caller has nothing to do with',
    request: async (t) => ({
      url: `/api/v1/guilds/${guildIds.foreign}`,
      headers: bearer(t.accessToken),
    }),
    status: 404,
    code: 'GUILD_NOT_FOUND',
  },
  {
    name: 'a guild that does not exist',
    request: async (t) => ({
      url: '/api/v1/guilds/123456789012345678',
      headers: bearer(t.accessToken),
    }),
    status: 404,
    code: 'GUILD_NOT_FOUND',
  },
];

for (const backend of testBackends()) {
  describe(`authentication attacks on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);

    it.each(attacks)('refuses $name with $status $code', async (attack) => {
      await insertKnownGuilds(db());
      const startMs = harness().clock.nowMs;
      const tokens = await loginAs(harness(), alice.user.id);
      const context: Context = {
        bob: await loginAs(harness(), bob.user.id),
        sessionIdOf: async (of) => {
          const list = await harness().app.inject({
            method: 'GET',
            url: '/api/v1/auth/sessions',
            headers: bearer(of.accessToken),
          });
          return list.json().sessions[0].id;
        },
        advanceMs: (ms) => {
          harness().clock.nowMs += ms;
          return harness().clock.nowMs;
        },
        ban: async (userId) => {
          await db().query(`UPDATE "User" SET role = 'BANNED' WHERE id = $1`, [userId]);
        },
        logout: async (of) => {
          await harness().app.inject({
            method: 'POST',
            url: '/api/v1/auth/logout',
            headers: bearer(of.accessToken),
          });
        },
      };
      try {
        const request = await attack.request(tokens, context);
        const response = await harness().app.inject({
          method: request.method ?? 'GET',
          url: request.url,
          headers: request.headers,
        });
        expect(response.statusCode).toBe(attack.status);
        expect(response.json().error.code).toBe(attack.code);
      } finally {
        harness().clock.nowMs = startMs;
      }
    });

    it('still answers the owner after a foreign revoke attempt', async () => {
      const tokens = await loginAs(harness(), bob.user.id);
      const response = await harness().app.inject({
        method: 'GET',
        url: me,
        headers: bearer(tokens.accessToken),
      });
      expect(response.statusCode).toBe(200);
    });

    it('refuses a BANNED user at refresh and at login', async () => {
      const tokens = await loginAs(harness(), alice.user.id);
      await db().query(`UPDATE "User" SET role = 'BANNED' WHERE id = $1`, [tokens.user.id]);
      const refreshed = await harness().app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: tokens.refreshToken },
      });
      expect(refreshed.statusCode).toBe(403);
      await expect(loginAs(harness(), alice.user.id)).rejects.toThrow(/USER_BANNED/);
    });
  });
}
