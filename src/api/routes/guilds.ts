import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSeeAllGuilds } from '../../access/guild-access.ts';
import { listVisibleGuilds } from '../../store/access/list-visible-guilds.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { requireGuild } from '../auth/require-guild.ts';
import { bearerSecurity, errorSchema, guildSchema } from './access-schemas.ts';

/** `GET /api/v1/guilds` and `GET /api/v1/guilds/:guildId`: only guilds the caller may read. */
export const guildRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/guilds',
      {
        schema: {
          tags: ['guilds'],
          summary:
            'Guilds the bot is in that you may read (owner, Administrator or Manage Server).',
          security: bearerSecurity,
          response: { 200: z.object({ guilds: z.array(guildSchema) }), 401: errorSchema },
        },
      },
      async (request) => {
        const principal = getPrincipal(request);
        const scope = canSeeAllGuilds(principal) ? undefined : principal.userId;
        return { guilds: await listVisibleGuilds(context.orm, scope) };
      },
    );

    app.get(
      '/api/v1/guilds/:guildId',
      {
        schema: {
          tags: ['guilds'],
          summary: 'One guild you may read; unknown and foreign guilds both answer 404.',
          security: bearerSecurity,
          params: z.object({ guildId: z.string().regex(/^\d{1,20}$/) }),
          response: { 200: guildSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
        },
      },
      async (request) => requireGuild(context.orm, getPrincipal(request), request.params.guildId),
    );
  };
