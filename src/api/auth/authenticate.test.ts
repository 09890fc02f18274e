import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueAccessToken, toJwtKey } from '../../access/access-token.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  bearer,
  bob,
  createKeyAs,
  guildIds,
  insertKnownGuilds,
  keyHeader,
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
  ) => Promise<{
    url: string;
    method?: 'GET' | 'DELETE' | 'POST';
    headers: Record<string, string>;
    payload?: object;
  }>;
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
  createKey: (
    tokens: LoginTokens,
    body?: { expiresAt?: string },
  ) => Promise<{ key: string; id: string }>;
  revokeKey: (tokens: LoginTokens, id: string) => Promise<void>;
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
    name: 'an unknown API key',
    request: async () => ({ url: me, headers: keyHeader(`spw_${'A'.repeat(43)}`) }),
    status: 401,
    code: 'API_KEY_INVALID',
  },
  {
    name: 'a revoked API key',
    request: async (t, c) => {
      const { key, id } = await c.createKey(t);
      await c.revokeKey(t, id);
      return { url: me, headers: keyHeader(key) };
    },
    status: 401,
    code: 'API_KEY_REVOKED',
  },
  {
    name: 'an expired API key',
    request: async (t, c) => {
      const expiresAt = new Date(c.advanceMs(0) + 3_600_000).toISOString();
      const { key } = await c.createKey(t, { expiresAt });
      c.advanceMs(3_600_000);
      return { url: me, headers: keyHeader(key) };
    },
    status: 401,
    code: 'API_KEY_EXPIRED',
  },
  {
    name: 'a key of another user, on a guild only the caller manages',
    request: async (_t, c) => {
      const { key } = await c.createKey(c.bob);
      return { url: `/api/v1/guilds/${guildIds.owned}`, headers: keyHeader(key) };
    },
    status: 404,
    code: 'GUILD_NOT_FOUND',
  },
  {
    name: "revoking another user's key",
    request: async (t, c) => {
      const { id } = await c.createKey(c.bob);
      return { url: `/api/v1/keys/${id}`, method: 'DELETE', headers: bearer(t.accessToken) };
    },
    status: 404,
    code: 'API_KEY_NOT_FOUND',
  },
  {
    name: "reading another user's key usage",
    request: async (t, c) => {
      const { id } = await c.createKey(c.bob);
      return { url: `/api/v1/keys/${id}/usage`, headers: bearer(t.accessToken) };
    },
    status: 404,
    code: 'API_KEY_NOT_FOUND',
  },
  {
    name: 'an API key minting another key',
    request: async (t, c) => {
      const { key } = await c.createKey(t);
      return {
        url: '/api/v1/keys',
        method: 'POST',
        headers: keyHeader(key),
        payload: { name: 'x' },
      };
    },
    status: 403,
    code: 'SESSION_REQUIRED',
  },
  {
    name: 'a key of a BANNED user',
    request: async (t, c) => {
      const { key } = await c.createKey(t);
      await c.ban(t.user.id);
      return { url: '/api/v1/guilds', headers: keyHeader(key) };
    },
    status: 403,
    code: 'USER_BANNED',
  },
  {
    name: 'a user asking for a PRO key',
    request: async (t) => ({
      url: '/api/v1/keys',
      method: 'POST',
      headers: bearer(t.accessToken),
      payload: { name: 'x', tier: 'PRO' },
    }),
    status: 403,
    code: 'TIER_FORBIDDEN',
  },
  {
    name: 'a user reading the admin IP blocks',
    request: async (t) => ({ url: '/api/v1/admin/ip-blocks', headers: bearer(t.accessToken) }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'a user banning someone',
    request: async (t) => ({
      url: `/api/v1/admin/users/${bob.user.id}/ban`,
      method: 'POST',
      headers: bearer(t.accessToken),
    }),
    status: 403,
    code: 'FORBIDDEN',
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

    it.each(attacks.map((attack, index) => ({ ...attack, index })))(
      'refuses $name with $status $code',
      async (attack) => {
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
          createKey: (of, body) => createKeyAs(harness(), of.accessToken, body),
          revokeKey: async (of, id) => {
            await harness().app.inject({
              method: 'DELETE',
              url: `/api/v1/keys/${id}`,
              headers: bearer(of.accessToken),
            });
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
            // Each attack from its own address, so the failed-auth counter never blocks the suite.
            remoteAddress: `198.51.100.${attack.index + 1}`,
            ...(request.payload ? { payload: request.payload } : {}),
          });
          expect(response.statusCode).toBe(attack.status);
          expect(response.json().error.code).toBe(attack.code);
        } finally {
          harness().clock.nowMs = startMs;
        }
      },
    );

    it('still answers the owner after a foreign revoke attempt', async () => {
      const tokens = await loginAs(harness(), bob.user.id);
      const response = await harness().app.inject({
        method: 'GET',
        url: me,
        headers: bearer(tokens.accessToken),
      });
      expect(response.statusCode).toBe(200);
    });

    it('records a session’s last use at most once a minute', async () => {
      const startMs = harness().clock.nowMs;
      const tokens = await loginAs(harness(), alice.user.id);
      const lastUsed = async () => {
        const [row] = await db().query<{ lastUsedAt: Date }>(`SELECT "lastUsedAt" FROM "Session"`);
        return row?.lastUsedAt.getTime();
      };
      const call = () =>
        harness().app.inject({ method: 'GET', url: me, headers: bearer(tokens.accessToken) });
      try {
        harness().clock.nowMs = startMs + 30_000;
        await call();
        expect(await lastUsed()).toBe(startMs);
        harness().clock.nowMs = startMs + 61_000;
        await call();
        expect(await lastUsed()).toBe(startMs + 61_000);
      } finally {
        harness().clock.nowMs = startMs;
      }
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
