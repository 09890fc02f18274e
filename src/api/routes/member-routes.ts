import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getMemberSuspicion } from '../../analytics/suspicion.ts';
import { getTimeline } from '../../analytics/timeline.ts';
import { parseTimelineCursor } from '../../analytics/timeline-cursor.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Database } from '../../store/database.ts';
import { timelineKinds } from '../../store/queries/analytics/list-timeline-events.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { requireGuild } from '../auth/require-guild.ts';
import { bearerSecurity } from './access-schemas.ts';
import { analyticsQuerySchema, guildParams, toAnalyticsQuery } from './analytics-params.ts';

const memberParams = guildParams.extend({
  userId: z.string().regex(/^\d{1,20}$/, 'expected a Discord user id'),
});

const kindList = z
  .string()
  .transform((value) => value.split(',').map((kind) => kind.trim()))
  .pipe(z.array(z.enum(timelineKinds)).min(1));

const timelineQuery = analyticsQuerySchema.extend({
  kinds: kindList.optional(),
  search: z.string().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
});

/** One member of a guild: timeline and suspicion factors. */
export const memberRoutes =
  (context: AuthContext, db: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/guilds/:guildId/members/:userId/timeline',
      {
        schema: {
          tags: ['members'],
          summary:
            'A member’s events of every kind, newest first, keyset-paged by (timestamp, kind, id): pass nextCursor as cursor. `kinds` is a comma list; `search` matches message content (where stored), reaction emoji and activity names, and channel ids.',
          security: bearerSecurity,
          params: memberParams,
          querystring: timelineQuery,
        },
      },
      async (request) => {
        const { guildId, userId } = request.params;
        await requireGuild(context.orm, getPrincipal(request), guildId);
        const { kinds, search, cursor, ...rest } = request.query;
        const before = cursor === undefined ? undefined : parseTimelineCursor(cursor);
        if (cursor !== undefined && before === undefined) {
          throw new AppError(
            'VALIDATION_FAILED',
            'Invalid request: querystring.cursor: not a cursor this API gave',
            [{ field: 'querystring.cursor', message: 'not a cursor this API gave' }],
          );
        }
        const query = toAnalyticsQuery(guildId, rest, context.now());
        return getTimeline(db, query, {
          userId,
          ...(kinds ? { kinds } : {}),
          ...(search ? { search } : {}),
          ...(before ? { before } : {}),
        });
      },
    );

    app.get(
      '/api/v1/guilds/:guildId/members/:userId/suspicion',
      {
        schema: {
          tags: ['members'],
          summary:
            'A member’s advisory suspicion score with every factor, weight, value and reason.',
          security: bearerSecurity,
          params: memberParams,
          querystring: analyticsQuerySchema,
        },
      },
      async (request) => {
        const { guildId, userId } = request.params;
        await requireGuild(context.orm, getPrincipal(request), guildId);
        const result = await getMemberSuspicion(
          db,
          toAnalyticsQuery(guildId, request.query, context.now()),
          userId,
        );
        if (result === undefined) throw new AppError('NOT_FOUND', 'No such member in this guild.');
        return result;
      },
    );
  };
