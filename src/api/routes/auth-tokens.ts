import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideRefresh } from '../../access/decide-refresh.ts';
import { createSecretToken, toTokenHash } from '../../access/secret-token.ts';
import { AppError } from '../../errors/app-error.ts';
import { getRefreshState } from '../../store/access/get-refresh-state.ts';
import { getUser } from '../../store/access/get-user.ts';
import { revokeSession } from '../../store/access/revoke-session.ts';
import { rotateRefreshToken } from '../../store/access/rotate-refresh-token.ts';
import { type AuthContext, audit } from '../auth/auth-context.ts';
import { getSessionPrincipal } from '../auth/authenticate.ts';
import { issueTokens } from '../auth/issue-tokens.ts';
import { getRefreshCookie, toRefreshCookie } from '../auth/refresh-cookie.ts';
import { bearerSecurity, errorSchema, tokensSchema } from './access-schemas.ts';

const refreshBody = z
  .object({ refreshToken: z.string().min(1).max(256).optional() })
  .nullish()
  .describe('Non-browser clients send the refresh token here; browsers send the cookie.');

/** Revokes the family and session of a reused token and audits it; always refuses. */
const refuseReuse = async (
  context: AuthContext,
  request: FastifyRequest,
  reuse: { familyId: string; sessionId: string | null; userId: string },
): Promise<never> => {
  await revokeSession(context.orm, {
    sessionId: reuse.sessionId,
    familyId: reuse.familyId,
    now: context.now(),
  });
  await audit(context, request, {
    userId: reuse.userId,
    action: 'refresh_token_reuse',
    resource: 'session',
    ...(reuse.sessionId === null ? {} : { resourceId: reuse.sessionId }),
    details: { familyId: reuse.familyId },
  });
  throw new AppError('REFRESH_TOKEN_REUSED');
};

/** Decide, then apply: rotate a live token, revoke the family of a reused one. */
const refresh = async (context: AuthContext, request: FastifyRequest, presented: string) => {
  const state = await getRefreshState(context.orm, toTokenHash(presented));
  const decision = decideRefresh(state, context.now());
  if (decision.type === 'reuse') return refuseReuse(context, request, decision);
  if (decision.type === 'banned') throw new AppError('USER_BANNED');
  if (
    decision.type !== 'rotate' ||
    !state ||
    state.sessionToken === null ||
    state.sessionEndsAt === null
  ) {
    throw new AppError(
      'REFRESH_TOKEN_INVALID',
      decision.type === 'expired' ? 'The refresh token has expired.' : undefined,
    );
  }
  const next = createSecretToken();
  const rotated = await rotateRefreshToken(context.orm, {
    ...decision,
    nextTokenHash: toTokenHash(next),
    expiresAt: state.sessionEndsAt,
    now: context.now(),
  });
  // Lost a race with another use of the same token: that is a reuse too.
  if (!rotated) return refuseReuse(context, request, decision);
  const user = await getUser(context.orm, decision.userId);
  if (!user) throw new AppError('REFRESH_TOKEN_INVALID');
  const tokens = await issueTokens(context, {
    userId: user.id,
    role: user.role,
    sid: state.sessionToken,
    refreshToken: next,
    expiresAt: state.sessionEndsAt,
  });
  return { tokens, user };
};

/** `POST /api/v1/auth/refresh` (rotation) and `POST /api/v1/auth/logout`. */
export const authTokenRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/refresh',
      {
        schema: {
          tags: ['auth'],
          summary: 'Exchange a refresh token (cookie or body) for new tokens; the old one dies.',
          body: refreshBody,
          response: { 200: tokensSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
        },
      },
      async (request, reply) => {
        const presented = request.body?.refreshToken ?? getRefreshCookie(request.headers.cookie);
        if (presented === undefined)
          throw new AppError('REFRESH_TOKEN_INVALID', 'No refresh token was sent.');
        const { tokens, user } = await refresh(context, request, presented);
        reply.header('cache-control', 'no-store').header(
          'set-cookie',
          toRefreshCookie(tokens.refreshToken, {
            maxAgeS: tokens.refreshExpiresIn,
            secure: context.secureCookies,
          }),
        );
        return {
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
          tokenType: 'Bearer' as const,
          expiresIn: tokens.expiresIn,
          user,
        };
      },
    );
  };

/** `POST /api/v1/auth/logout`, inside the authenticated scope. */
export const logoutRoute =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'End the current session: its access and refresh tokens stop working.',
          security: bearerSecurity,
          response: { 204: z.null(), 401: errorSchema, 403: errorSchema },
        },
      },
      async (request, reply) => {
        const principal = getSessionPrincipal(request);
        await revokeSession(context.orm, { sessionId: principal.sessionId, now: context.now() });
        await audit(context, request, {
          userId: principal.userId,
          action: 'logout',
          resource: 'session',
          resourceId: principal.sessionId,
        });
        reply.header(
          'set-cookie',
          toRefreshCookie('', { maxAgeS: 0, secure: context.secureCookies }),
        );
        return reply.status(204).send(null);
      },
    );
  };
