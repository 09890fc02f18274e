import type { FastifyRequest } from 'fastify';
import { verifyAccessToken } from '../../access/access-token.ts';
import { decideSessionAccess } from '../../access/decide-session-access.ts';
import { parseCredential } from '../../access/parse-credential.ts';
import type { Principal } from '../../access/principal.ts';
import { AppError } from '../../errors/app-error.ts';
import { getSessionState } from '../../store/access/get-session-state.ts';
import type { AuthContext } from './auth-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by {@link createAuthenticate} on authenticated routes. */
    principal: Principal | null;
  }
}

/**
 * The one place a request becomes a {@link Principal}: `Authorization: Bearer <jwt>` today,
 * `Bearer spw_…` API keys (a later slice) at the marked branch. Refuses with catalogued
 * 401s, and 403 USER_BANNED for banned users.
 */
export const createAuthenticate =
  (context: AuthContext) =>
  async (request: FastifyRequest): Promise<void> => {
    const credential = parseCredential(request.headers.authorization);
    if (credential.type === 'none') throw new AppError('UNAUTHENTICATED');
    if (credential.type === 'malformed') throw new AppError('TOKEN_INVALID');
    if (credential.type === 'apiKey') {
      // API keys plug in here: look the key up by hash and build a principal `via: 'apiKey'`.
      throw new AppError('TOKEN_INVALID', 'API keys are not accepted yet.');
    }
    const now = context.now();
    const claims = await verifyAccessToken(credential.token, context.jwtKey, now);
    const session = await getSessionState(context.orm, claims.sid);
    const access = decideSessionAccess(
      session && session.userId === claims.sub ? session : undefined,
      now,
    );
    if (access.type === 'ended' || !session) throw new AppError('SESSION_REVOKED');
    if (access.type === 'banned') throw new AppError('USER_BANNED');
    request.principal = {
      via: 'session',
      userId: session.userId,
      role: session.role,
      sessionId: session.id,
    };
  };

/** The principal of an authenticated route; a route outside the authenticated scope throws. */
export const getPrincipal = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
};
