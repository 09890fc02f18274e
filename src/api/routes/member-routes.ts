import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getMembers } from '../../analytics/members.ts';
import { parseMemberCursor, parsePresenceCursor } from '../../analytics/members-cursor.ts';
import { getMemberPresences } from '../../analytics/members-presences.ts';
import { getMemberProfile } from '../../analytics/members-profile.ts';
import { getMemberSuspicion } from '../../analytics/suspicion.ts';
import { getTimeline } from '../../analytics/timeline.ts';
import { parseTimelineCursor } from '../../analytics/timeline-cursor.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Database } from '../../store/database.ts';
import { timelineKinds } from '../../store/queries/analytics/list-timeline-events.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { requireGuild } from '../auth/require-guild.ts';
import { bearerSecurity, errorSchema } from './access-schemas.ts';
import { analyticsQuerySchema, guildParams, toAnalyticsQuery } from './analytics-params.ts';
import { memberSuspicionSchema, timelineSchema } from './analytics-schemas.ts';
import {
  memberParams,
  memberPresencesSchema,
  memberProfileSchema,
  membersPageSchema,
  membersQuery,
  presencesQuery,
} from './member-schemas.ts';

/** A cursor this API did not give: 400 naming the field, like every invalid parameter. */
const badCursor = () =>
  new AppError(
    'VALIDATION_FAILED',
    'Invalid request: querystring.cursor: not a cursor this API gave',
    [{ field: 'querystring.cursor', message: 'not a cursor this API gave' }],
  );

const memberNotFound = () => new AppError('MEMBER_NOT_FOUND');

const errors = { 400: errorSchema, 401: errorSchema, 404: errorSchema, 429: errorSchema };

const kindList = z
  .string()
  .transform((value) => value.split(',').map((kind) => kind.trim()))
  .pipe(z.array(z.enum(timelineKinds)).min(1));

const timelineQuery = analyticsQuerySchema.extend({
  kinds: kindList.optional(),
  search: z.string().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
});

/** A guild's members: the list, one member's profile, presences, timeline and suspicion. */
export const memberRoutes =
  (context: AuthContext, db: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/guilds/:guildId/members',
      {
        schema: {
          tags: ['members'],
          summary:
            'The guild’s members, current and former (leftAt set), opted-out members never shown; search by name, keyset-paged: pass nextCursor as cursor with the same sort and search.',
          security: bearerSecurity,
          params: guildParams,
          querystring: membersQuery,
          response: { 200: membersPageSchema, ...errors },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        await requireGuild(context.orm, getPrincipal(request), guildId);
        const { search, sort, limit, cursor } = request.query;
        const after = cursor === undefined ? null : parseMemberCursor(cursor, sort);
        if (after === undefined) throw badCursor();
        return getMembers(db, { guildId, search: search ?? null, sort, after, limit });
      },
    );

    app.get(
      '/api/v1/guilds/:guildId/members/:userId',
      {
        schema: {
          tags: ['members'],
          summary:
            'One member’s profile: names, current roles, platforms seen, first and last seen (any event in this guild, ever), and online time and counts per event kind in the window (default the last 7 days). Online time counts each non-offline snapshot until the next one, the window’s end or now.',
          security: bearerSecurity,
          params: memberParams,
          querystring: analyticsQuerySchema.omit({ tz: true, limit: true }),
          response: { 200: memberProfileSchema, ...errors },
        },
      },
      async (request) => {
        const { guildId, userId } = request.params;
        await requireGuild(context.orm, getPrincipal(request), guildId);
        const query = toAnalyticsQuery(
          guildId,
          { ...request.query, limit: 1, tz: 'UTC' },
          context.now(),
        );
        const profile = await getMemberProfile(db, query, userId);
        if (!profile) throw memberNotFound();
        return profile;
      },
    );

    app.get(
      '/api/v1/guilds/:guildId/members/:userId/presences',
      {
        schema: {
          tags: ['members'],
          summary:
            'One member’s presence snapshots in the window, newest first, keyset-paged by (timestamp, id): pass nextCursor as cursor.',
          security: bearerSecurity,
          params: memberParams,
          querystring: presencesQuery,
          response: { 200: memberPresencesSchema, ...errors },
        },
      },
      async (request) => {
        const { guildId, userId } = request.params;
        await requireGuild(context.orm, getPrincipal(request), guildId);
        const { cursor, ...window } = request.query;
        const before = cursor === undefined ? null : parsePresenceCursor(cursor);
        if (before === undefined) throw badCursor();
        const query = toAnalyticsQuery(guildId, { ...window, tz: 'UTC' }, context.now());
        const page = await getMemberPresences(db, query, userId, before);
        if (!page) throw memberNotFound();
        return page;
      },
    );

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
          response: { 200: timelineSchema, ...errors },
        },
      },
      async (request) => {
        const { guildId, userId } = request.params;
        await requireGuild(context.orm, getPrincipal(request), guildId);
        const { kinds, search, cursor, ...rest } = request.query;
        const before = cursor === undefined ? undefined : parseTimelineCursor(cursor);
        if (cursor !== undefined && before === undefined) throw badCursor();
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
          response: { 200: memberSuspicionSchema, ...errors },
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
        if (result === undefined) throw memberNotFound();
        return result;
      },
    );
  };
