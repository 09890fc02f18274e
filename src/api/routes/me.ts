import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { getUser } from '../../store/access/get-user.ts';
import { listManagedGuilds } from '../../store/access/list-managed-guilds.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { bearerSecurity, errorSchema, userSchema } from './access-schemas.ts';

const managedGuildSchema = z.object({
  id: z.string(),
  owner: z.boolean(),
  permissions: z.string().describe('Discord permission bits (decimal) at the last login.'),
});

/** `GET /api/v1/me`: who the caller is, their role and the guilds they manage. */
export const meRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The calling user, their instance role and the guilds Discord says they manage.',
          security: bearerSecurity,
          response: {
            200: z.object({ user: userSchema, managedGuilds: z.array(managedGuildSchema) }),
            401: errorSchema,
          },
        },
      },
      async (request) => {
        const principal = getPrincipal(request);
        const user = await getUser(context.orm, principal.userId);
        if (!user) throw new AppError('SESSION_REVOKED');
        return { user, managedGuilds: await listManagedGuilds(context.orm, principal.userId) };
      },
    );
  };
