import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getBehaviourShifts, shiftRules } from '../../analytics/behaviour-shifts.ts';
import { getChannels } from '../../analytics/channels.ts';
import { getGhosts } from '../../analytics/ghosts.ts';
import { getHeatmap } from '../../analytics/heatmap.ts';
import { getJoins } from '../../analytics/joins.ts';
import { getLurkers } from '../../analytics/lurkers.ts';
import { getMultiClient } from '../../analytics/multi-client.ts';
import { getOverview } from '../../analytics/overview.ts';
import { getReactionLatency } from '../../analytics/reaction-latency.ts';
import { getRoleDrift } from '../../analytics/role-drift.ts';
import { getSuspicion } from '../../analytics/suspicion.ts';
import type { Database } from '../../store/database.ts';
import type { ShiftRules } from '../../store/queries/analytics/list-behaviour-shifts.ts';
import { heatmapMetrics } from '../../store/queries/analytics/list-heatmap-cells.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { requireGuild } from '../auth/require-guild.ts';
import type { AnalyticsCache } from '../cache/analytics-cache.ts';
import { cached } from '../cache/cached.ts';
import { bearerSecurity, errorSchema } from './access-schemas.ts';
import { analyticsQuerySchema, guildParams, toAnalyticsQuery } from './analytics-params.ts';
import { analyticsResponseSchemas } from './analytics-schemas.ts';

const count = (max: number) => z.coerce.number().int().min(0).max(max);

type Query = Parameters<typeof getOverview>[1];
type Params = Partial<{
  minPresence: number;
  maxMessages: number;
  metric: (typeof heatmapMetrics)[number];
  burstSize: number;
  burstMinutes: number;
}> &
  Partial<ShiftRules>;

/** A ratio threshold: how many times the previous window's count (1–1,000, fractions allowed). */
const ratio = () => z.coerce.number().min(1).max(1_000);

/** An analytic's route: path, summary, extra query parameters and how to compute it. */
interface AnalyticRoute {
  path: string;
  summary: string;
  extra: Record<string, z.ZodType>;
  run(db: Database, query: Query, params: Params): Promise<unknown>;
}

const analytics: readonly AnalyticRoute[] = [
  {
    path: 'overview',
    summary: 'Members tracked, online now, messages and active members, multi-client share now.',
    extra: {},
    run: (db: Database, q: Query) => getOverview(db, q),
  },
  {
    path: 'analytics/multi-client',
    summary: 'Members seen on two or more platforms in one presence snapshot.',
    extra: {},
    run: (db: Database, q: Query) => getMultiClient(db, q),
  },
  {
    path: 'analytics/ghosts',
    summary:
      'Present but silent: ghostScore = presenceCount / (messageCount + 1), listed when presenceCount ≥ minPresence and messageCount ≤ maxMessages.',
    extra: { minPresence: count(1_000_000).default(30), maxMessages: count(1_000_000).default(10) },
    run: (db: Database, q: Query, p: Params) =>
      getGhosts(db, q, { minPresence: p.minPresence ?? 30, maxMessages: p.maxMessages ?? 10 }),
  },
  {
    path: 'analytics/lurkers',
    summary: 'Seen online (≥ minPresence snapshots) with no messages, typing or reactions.',
    extra: { minPresence: count(1_000_000).default(5) },
    run: (db: Database, q: Query, p: Params) =>
      getLurkers(db, q, { minPresence: p.minPresence ?? 5 }),
  },
  {
    path: 'analytics/shifts',
    summary:
      'Each member against the previous window of the same length; score = number of flags: messageDrop (≥ dropMinMessages before, none now), messageSpike (now ≥ spikeRatio × before and ≥ before + spikeMinIncrease), typingSpike (now > typingRatio × before and before ≥ typingMinBefore), newPlatform.',
    extra: {
      dropMinMessages: count(1_000_000).min(1).default(shiftRules.dropMinMessages),
      spikeRatio: ratio().default(shiftRules.spikeRatio),
      spikeMinIncrease: count(1_000_000).min(1).default(shiftRules.spikeMinIncrease),
      typingRatio: ratio().default(shiftRules.typingRatio),
      typingMinBefore: count(1_000_000).min(1).default(shiftRules.typingMinBefore),
    },
    run: (db: Database, q: Query, p: Params) =>
      getBehaviourShifts(db, q, {
        dropMinMessages: p.dropMinMessages ?? shiftRules.dropMinMessages,
        spikeRatio: p.spikeRatio ?? shiftRules.spikeRatio,
        spikeMinIncrease: p.spikeMinIncrease ?? shiftRules.spikeMinIncrease,
        typingRatio: p.typingRatio ?? shiftRules.typingRatio,
        typingMinBefore: p.typingMinBefore ?? shiftRules.typingMinBefore,
      }),
  },
  {
    path: 'analytics/role-drift',
    summary: 'Role changes per member with the actor; escalation when a powerful role was added.',
    extra: {},
    run: (db: Database, q: Query) => getRoleDrift(db, q),
  },
  {
    path: 'analytics/heatmap',
    summary:
      'Day of week × hour of day in the time zone `tz`, for messages, typing or presence; and the member × channel matrix.',
    extra: { metric: z.enum(heatmapMetrics).default('messages') },
    run: (db: Database, q: Query, p: Params) => getHeatmap(db, q, p.metric ?? 'messages'),
  },
  {
    path: 'analytics/channels',
    summary: 'Per channel: messages, authors, typing; per member: channel diversity.',
    extra: {},
    run: (db: Database, q: Query) => getChannels(db, q),
  },
  {
    path: 'analytics/reaction-latency',
    summary:
      'Per member: typing within 5 s of another member’s message — count, average, median, fast (< 3 s).',
    extra: {},
    run: (db: Database, q: Query) => getReactionLatency(db, q),
  },
  {
    path: 'analytics/joins',
    summary:
      'Joins per hour and bursts of ≥ burstSize joins within burstMinutes, with the share of accounts younger than 7 days.',
    extra: {
      burstSize: z.coerce.number().int().min(2).max(10_000).default(10),
      burstMinutes: z.coerce.number().int().min(1).max(1_440).default(5),
    },
    run: (db: Database, q: Query, p: Params) =>
      getJoins(db, q, { size: p.burstSize ?? 10, minutes: p.burstMinutes ?? 5 }),
  },
  {
    path: 'analytics/suspicion',
    summary:
      'Advisory, explainable score 0–100 per member: every factor with weight, value and reason. It never bans anyone.',
    extra: {},
    run: (db: Database, q: Query) => getSuspicion(db, q),
  },
];

const cacheNote = (cache: AnalyticsCache | undefined): string =>
  cache
    ? ` Answers are cached for ${cache.ttlSeconds} s per guild, window and parameters (\`X-Cache: hit|miss\`); new data for the guild invalidates them, so without \`from\`/\`to\` an answer (and its \`window\`) may be up to that old.`
    : '';

/**
 * `GET /api/v1/guilds/:guildId/overview` and `…/analytics/*`: guild-scoped, behind the access
 * rules, answers cached briefly when a cache is given.
 */
export const analyticsRoutes =
  (context: AuthContext, db: Database, cache?: AnalyticsCache): FastifyPluginAsyncZod =>
  async (app) => {
    for (const analytic of analytics) {
      app.get(
        `/api/v1/guilds/:guildId/${analytic.path}`,
        {
          schema: {
            tags: ['analytics'],
            summary: analytic.summary,
            description: `${analytic.summary}${cacheNote(cache)}`,
            security: bearerSecurity,
            params: guildParams,
            querystring: analyticsQuerySchema.extend(analytic.extra),
            response: {
              200: analyticsResponseSchemas[analytic.path] ?? errorSchema,
              400: errorSchema,
              401: errorSchema,
              404: errorSchema,
              429: errorSchema,
            },
          },
        },
        async (request, reply) => {
          const { guildId } = request.params;
          await requireGuild(context.orm, getPrincipal(request), guildId);
          const params = request.query as z.infer<typeof analyticsQuerySchema> & Params;
          const query = toAnalyticsQuery(guildId, params, context.now());
          const compute = () => analytic.run(db, query, params);
          if (!cache) return compute();
          const answer = await cached(
            cache,
            request.log,
            { guildId, route: analytic.path, params },
            compute,
          );
          reply.header('X-Cache', answer.hit ? 'hit' : 'miss');
          return answer.value;
        },
      );
    }
  };
