import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../access/principal.ts';
import { AppError } from '../../errors/app-error.ts';
import { getUserByDiscordId } from '../../store/access/get-user-by-discord-id.ts';
import { listUsersByRole } from '../../store/access/list-users.ts';
import { type RoleChange, setUserRole } from '../../store/access/set-user-role.ts';
import { type InstanceRole, instanceRoles } from '../../store/schema/user.ts';
import { type AuthContext, audit } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { bearerSecurity, errorSchema } from './access-schemas.ts';
import { requireAdmin } from './require-admin.ts';

const userParams = z.object({
  discordId: z.string().regex(/^\d{1,20}$/, 'expected a Discord user id'),
});

const userRoleSchema = z.object({
  id: z.string(),
  discordId: z.string(),
  username: z.string(),
  role: z.enum(instanceRoles),
  previousRole: z.enum(instanceRoles),
});

const adminErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

/** Applies a role change (refusing one's own), audits it, and answers the new state. */
const changeRole = async (
  context: AuthContext,
  request: FastifyRequest,
  change: {
    actor: Principal;
    discordId: string;
    role: InstanceRole;
    action: string;
    reason?: string | undefined;
  },
) => {
  const target = await getUserByDiscordId(context.orm, change.discordId);
  if (!target) throw new AppError('USER_NOT_FOUND');
  if (target.id === change.actor.userId) {
    throw new AppError('CONFLICT', 'Admins cannot change their own role or ban themselves.');
  }
  const applied: RoleChange | undefined = await setUserRole(
    context.orm,
    change.discordId,
    change.role,
  );
  if (!applied) throw new AppError('USER_NOT_FOUND');
  await audit(context, request, {
    userId: change.actor.userId,
    action: change.action,
    resource: 'user',
    resourceId: applied.id,
    details: {
      discordId: applied.discordId,
      from: applied.from,
      to: applied.to,
      ...(change.reason ? { reason: change.reason } : {}),
    },
  });
  return {
    id: applied.id,
    discordId: applied.discordId,
    username: applied.username,
    role: applied.to,
    previousRole: applied.from,
  };
};

/** Instance roles: list by role, set USER / MODERATOR / ADMIN, ban (BANNED) and unban. */
export const adminUserRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/admin/users',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Users with an instance role (e.g. role=BANNED lists the bans), by Discord id; page with `after`.',
          security: bearerSecurity,
          querystring: z.object({
            role: z.enum(instanceRoles),
            after: z
              .string()
              .regex(/^\d{1,20}$/, 'expected a Discord user id')
              .optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: {
            200: z.object({
              users: z.array(
                z.object({
                  id: z.string(),
                  discordId: z.string(),
                  username: z.string(),
                  globalName: z.string().nullable(),
                  role: z.enum(instanceRoles),
                }),
              ),
              nextAfter: z.string().nullable().describe('Pass as `after` for the next page.'),
            }),
            ...adminErrors,
          },
        },
      },
      async (request) => {
        requireAdmin(getPrincipal(request));
        const { role, after, limit } = request.query;
        const users = await listUsersByRole(context.orm, { role, afterDiscordId: after, limit });
        const last = users.length === limit ? users.at(-1) : undefined;
        return { users, nextAfter: last?.discordId ?? null };
      },
    );

    app.put(
      '/api/v1/admin/users/:discordId/role',
      {
        schema: {
          tags: ['admin'],
          summary: 'Set a user’s instance role (use the ban endpoints for BANNED). Audited.',
          security: bearerSecurity,
          params: userParams,
          body: z.object({ role: z.enum(['USER', 'MODERATOR', 'ADMIN']) }),
          response: { 200: userRoleSchema, ...adminErrors },
        },
      },
      async (request) => {
        const actor = requireAdmin(getPrincipal(request));
        const { discordId } = request.params;
        const { role } = request.body;
        return changeRole(context, request, { actor, discordId, role, action: 'role_change' });
      },
    );

    app.post(
      '/api/v1/admin/users/:discordId/ban',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Ban a user from this instance: every request of theirs (tokens and keys) answers 403. Audited.',
          security: bearerSecurity,
          params: userParams,
          body: z.object({ reason: z.string().trim().max(500).optional() }).nullish(),
          response: { 200: userRoleSchema, ...adminErrors },
        },
      },
      async (request) => {
        const actor = requireAdmin(getPrincipal(request));
        const { discordId } = request.params;
        const reason = request.body?.reason;
        return changeRole(context, request, {
          actor,
          discordId,
          role: 'BANNED',
          action: 'user_ban',
          reason,
        });
      },
    );

    app.delete(
      '/api/v1/admin/users/:discordId/ban',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Lift a ban: the user becomes USER again (promote them anew if needed). Audited.',
          security: bearerSecurity,
          params: userParams,
          response: { 200: userRoleSchema, ...adminErrors },
        },
      },
      async (request) => {
        const actor = requireAdmin(getPrincipal(request));
        const { discordId } = request.params;
        const target = await getUserByDiscordId(context.orm, discordId);
        if (!target) throw new AppError('USER_NOT_FOUND');
        if (target.role !== 'BANNED') throw new AppError('CONFLICT', 'This user is not banned.');
        return changeRole(context, request, {
          actor,
          discordId,
          role: 'USER',
          action: 'user_unban',
        });
      },
    );
  };
