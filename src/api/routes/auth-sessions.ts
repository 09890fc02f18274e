import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { listUserSessions } from '../../store/access/list-user-sessions.ts';
import { revokeSession } from '../../store/access/revoke-session.ts';
import { type AuthContext, audit } from '../auth/auth-context.ts';
import { getPrincipal, getSessionPrincipal } from '../auth/authenticate.ts';
import { bearerSecurity, errorSchema } from './access-schemas.ts';

const sessionSchema = z.object({
  id: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime(),
  current: z.boolean().describe('The session of the token making this request.'),
});

/** `GET /api/v1/auth/sessions` and `DELETE /api/v1/auth/sessions/:id`: the caller's own only. */
export const authSessionRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/auth/sessions',
      {
        schema: {
          tags: ['auth'],
          summary: 'List your live sessions; the current one is marked.',
          security: bearerSecurity,
          response: { 200: z.object({ sessions: z.array(sessionSchema) }), 401: errorSchema },
        },
      },
      async (request) => {
        const principal = getPrincipal(request);
        const rows = await listUserSessions(context.orm, principal.userId, context.now());
        return {
          sessions: rows.map((row) => ({
            ...row,
            createdAt: row.createdAt.toISOString(),
            lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
            expiresAt: row.expiresAt.toISOString(),
            current: principal.via === 'session' && row.id === principal.sessionId,
          })),
        };
      },
    );

    app.delete(
      '/api/v1/auth/sessions/:id',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Revoke one of your sessions (another user’s answers 404); needs a dashboard login, not an API key.',
          security: bearerSecurity,
          params: z.object({ id: z.string().max(64) }),
          response: {
            204: z.null(),
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = getSessionPrincipal(request);
        const found = await revokeSession(context.orm, {
          sessionId: request.params.id,
          userId: principal.userId,
          now: context.now(),
        });
        if (!found) throw new AppError('SESSION_NOT_FOUND');
        await audit(context, request, {
          userId: principal.userId,
          action: 'session_revoke',
          resource: 'session',
          resourceId: request.params.id,
        });
        return reply.status(204).send(null);
      },
    );
  };
