import type { FastifyReply, FastifyRequest } from 'fastify';
import { verifyAccessToken } from '../../access/access-token.ts';
import { decideApiKeyAccess } from '../../access/decide-api-key-access.ts';
import { decideSessionAccess } from '../../access/decide-session-access.ts';
import { parseCredential } from '../../access/parse-credential.ts';
import type { Principal } from '../../access/principal.ts';
import { toTokenHash } from '../../access/secret-token.ts';
import { parseKeyQuota } from '../../access/tier-limits.ts';
import { AppError } from '../../errors/app-error.ts';
import { getApiKeyState } from '../../store/access/get-api-key-state.ts';
import { getSessionState } from '../../store/access/get-session-state.ts';
import { touchSession } from '../../store/access/touch-session.ts';
import type { AuthContext } from './auth-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by {@link createAuthenticate} on authenticated routes. */
    principal: Principal | null;
  }
}

/** A session's `lastUsedAt` is written at most this often, not on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

const authenticateApiKey = async (context: AuthContext, key: string): Promise<Principal> => {
  const state = await getApiKeyState(context.orm, toTokenHash(key));
  const access = decideApiKeyAccess(state, context.now());
  if (access.type === 'unknown' || !state) throw new AppError('API_KEY_INVALID');
  if (access.type === 'revoked') throw new AppError('API_KEY_REVOKED');
  if (access.type === 'expired') throw new AppError('API_KEY_EXPIRED');
  if (access.type === 'banned') throw new AppError('USER_BANNED');
  return {
    via: 'apiKey',
    userId: state.userId,
    role: state.role,
    apiKeyId: state.id,
    tier: state.tier,
    quota: parseKeyQuota(state.quota, state.tier),
    expiresAt: state.expiresAt,
  };
};

const authenticateJwt = async (context: AuthContext, token: string): Promise<Principal> => {
  const now = context.now();
  const claims = await verifyAccessToken(token, context.jwtKey, now);
  const session = await getSessionState(context.orm, claims.sid);
  const access = decideSessionAccess(
    session && session.userId === claims.sub ? session : undefined,
    now,
  );
  if (access.type === 'ended' || !session) throw new AppError('SESSION_REVOKED');
  if (access.type === 'banned') throw new AppError('USER_BANNED');
  const lastUsedMs = session.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsedMs >= SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(context.orm, session.id, now);
  }
  return {
    via: 'session',
    userId: session.userId,
    role: session.role,
    sessionId: session.id,
    accessExpiresAt: claims.expiresAt,
  };
};

/**
 * The one place a credential becomes a {@link Principal}, usable outside a route hook (the
 * WebSocket does): an `Authorization` value, `Bearer <access JWT>` or `Bearer spw_…`.
 * Refuses with catalogued 401s, and 403 USER_BANNED for banned users.
 */
export const authenticateAuthorization = async (
  context: AuthContext,
  authorization: string | undefined,
): Promise<Principal> => {
  const credential = parseCredential(authorization);
  if (credential.type === 'none') throw new AppError('UNAUTHENTICATED');
  if (credential.type === 'malformed') throw new AppError('TOKEN_INVALID');
  if (credential.type === 'apiKey') return authenticateApiKey(context, credential.key);
  return authenticateJwt(context, credential.token);
};

/** A bare token (access JWT or `spw_` key), e.g. from a WebSocket's auth message. */
export const authenticateToken = (context: AuthContext, token: string): Promise<Principal> =>
  authenticateAuthorization(context, `Bearer ${token}`);

/**
 * The hook of every authenticated route: authenticate, then measure the request against its
 * rate limit and quota before the handler runs (429 with the limit headers when over).
 */
export const createAuthenticate =
  (context: AuthContext) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = await authenticateAuthorization(context, request.headers.authorization);
    request.principal = principal;
    const outcome = await context.limiter.check(principal, {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
    });
    reply.headers(outcome.headers);
    if (outcome.refusal) throw outcome.refusal;
  };

/** The principal of an authenticated route; a route outside the authenticated scope throws. */
export const getPrincipal = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
};

/** The caller's session; an API key cannot do what needs a dashboard login (403). */
export const getSessionPrincipal = (request: FastifyRequest) => {
  const principal = getPrincipal(request);
  if (principal.via !== 'session') throw new AppError('SESSION_REQUIRED');
  return principal;
};
