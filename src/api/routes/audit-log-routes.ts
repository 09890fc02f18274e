import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditLog } from '../../store/access/list-audit-log.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { bearerSecurity, errorSchema, toFieldError } from './access-schemas.ts';

const isoDateTime = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' });

const auditQuery = z.object({
  action: z.string().min(1).max(64).optional().describe('e.g. login, api_key_create, user_ban.'),
  actor: z.string().min(1).max(64).optional().describe('A user id or Discord id.'),
  from: isoDateTime.optional().describe('Inclusive.'),
  to: isoDateTime.optional().describe('Exclusive.'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
});

const entrySchema = z.object({
  id: z.string(),
  userId: z.string().nullable().describe('The actor; null for anonymous or automatic actions.'),
  actorDiscordId: z.string().nullable(),
  action: z.string(),
  resource: z.string().nullable(),
  resourceId: z.string().nullable(),
  guildId: z.string().nullable(),
  details: z.unknown(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  timestamp: z.iso.datetime(),
});

const CURSOR_SHAPE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([\w-]{1,64})$/;

/** The page position a cursor names; undefined when it is not one this API gave. */
const parseCursor = (cursor: string) => {
  const match = CURSOR_SHAPE.exec(Buffer.from(cursor, 'base64url').toString());
  return match?.[1] && match[2] ? { position: match[1], id: match[2] } : undefined;
};

const toCursor = (row: { position: string; id: string }) =>
  Buffer.from(`${row.position}|${row.id}`).toString('base64url');

/** `GET /api/v1/audit-log`: admins see everything, others their own actions. */
export const auditLogRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/audit-log',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Security-relevant actions, newest first, keyset-paged (pass nextCursor as cursor). Instance admins see every row; other users only their own actions.',
          security: bearerSecurity,
          querystring: auditQuery,
          response: {
            200: z.object({ entries: z.array(entrySchema), nextCursor: z.string().nullable() }),
            400: errorSchema,
            401: errorSchema,
          },
        },
      },
      async (request) => {
        const principal = getPrincipal(request);
        const { action, actor, from, to, limit, cursor } = request.query;
        const before = cursor === undefined ? undefined : parseCursor(cursor);
        if (cursor !== undefined && before === undefined) {
          throw toFieldError('querystring.cursor', 'not a cursor this API gave');
        }
        const rows = await listAuditLog(context.db, {
          userId: principal.role === 'ADMIN' ? undefined : principal.userId,
          action,
          actor,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
          before,
          limit,
        });
        const last = rows.length === limit ? rows.at(-1) : undefined;
        return {
          entries: rows.map(({ position: _position, ...row }) => ({
            ...row,
            timestamp: row.timestamp.toISOString(),
          })),
          nextCursor: last ? toCursor(last) : null,
        };
      },
    );
  };
