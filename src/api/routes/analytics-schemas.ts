import { z } from 'zod';
import { timelineKinds } from '../../store/queries/analytics/list-timeline-events.ts';

/**
 * Response schemas of the analytics and timeline routes, for the OpenAPI document and the SDK.
 * Objects are loose: a field an analytic adds later is passed through, never silently cut.
 */
const obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const iso = z.string().describe('ISO 8601, UTC');
const num = z.number();
const window = obj({ from: iso, to: iso });
const member = { userId: z.string(), username: z.string(), displayName: z.string() };
const list = <T extends z.ZodType>(item: T, extra: z.ZodRawShape = {}) =>
  obj({ guildId: z.string(), window, ...extra, items: z.array(item) });
const factor = z.object({
  name: z.string(),
  weight: num,
  value: num.describe('0–100'),
  reason: z.string(),
});
const advisory = z.string().describe('Scores are advisory: they never ban anyone.');

export const overviewSchema = obj({
  guildId: z.string(),
  window,
  membersTracked: num,
  onlineNow: num,
  multiClientNow: num,
  multiClientShareNow: num.describe('0–1'),
  messageCount: num,
  activeMembers: num,
});

const change = <T extends z.ZodType>(value: T) => obj({ before: value, now: value });

export const suspicionItemSchema = obj({
  ...member,
  total: num.describe('0–100'),
  factors: z.array(factor),
});

/** The response of each analytic, by its path under `/api/v1/guilds/:guildId/`. */
export const analyticsResponseSchemas: Record<string, z.ZodType> = {
  overview: overviewSchema,
  'analytics/multi-client': list(
    obj({
      ...member,
      multiClientCount: num,
      presenceCount: num,
      multiClientShare: num.describe('0–1'),
      combinations: z.array(obj({ platforms: z.string(), count: num })),
      firstSeenAt: iso,
      lastSeenAt: iso,
    }),
  ),
  'analytics/ghosts': list(
    obj({ ...member, ghostScore: num, presenceCount: num, messageCount: num, typingCount: num }),
  ),
  'analytics/lurkers': list(
    obj({ ...member, presenceCount: num, firstSeenAt: iso, lastSeenAt: iso }),
  ),
  'analytics/shifts': list(
    obj({
      ...member,
      score: num,
      flags: z.array(z.string()),
      messages: change(num),
      typing: change(num),
      onlineSeconds: change(num),
      platforms: change(z.array(z.string())),
      newPlatforms: z.array(z.string()),
    }),
    { previousWindow: window },
  ),
  'analytics/role-drift': list(
    obj({
      ...member,
      addedCount: num,
      removedCount: num,
      escalation: z.boolean(),
      changes: z.array(
        obj({
          roleId: z.string(),
          roleName: z.string().nullable(),
          action: z.enum(['added', 'removed']),
          actorId: z.string().nullable(),
          actorName: z.string().nullable(),
          timestamp: iso,
          escalationPermissions: z.array(z.string()),
        }),
      ),
    }),
  ),
  'analytics/heatmap': list(
    obj({ dayOfWeek: num.describe('1 = Monday … 7 = Sunday'), hour: num, count: num }),
    {
      timeZone: z.string(),
      metric: z.string(),
      matrix: obj({
        members: z.array(obj({ ...member, messages: num })),
        channels: z.array(obj({ channelId: z.string(), messages: num })),
        counts: z.array(z.array(num)).describe('counts[member][channel]'),
      }),
    },
  ),
  'analytics/channels': list(
    obj({ channelId: z.string(), messages: num, authors: num, typing: num }),
    {
      members: z.array(obj({ ...member, channels: num, messages: num })),
    },
  ),
  'analytics/reaction-latency': list(
    obj({ ...member, samples: num, averageMs: num, medianMs: num, fastSamples: num }),
  ),
  'analytics/joins': list(obj({ hour: iso, joins: num }), {
    bursts: z.array(
      obj({
        start: iso,
        end: iso,
        size: num,
        youngAccountShare: num.describe('0–1'),
        memberIds: z.array(z.string()),
      }),
    ),
  }),
  'analytics/suspicion': list(suspicionItemSchema, { advisory }),
};

export const memberSuspicionSchema = obj({
  guildId: z.string(),
  window,
  advisory,
  ...member,
  total: num.describe('0–100'),
  factors: z.array(factor),
});

export const timelineSchema = obj({
  guildId: z.string(),
  userId: z.string(),
  window,
  items: z.array(
    obj({
      kind: z.string().describe(timelineKinds.join(', ')),
      id: z.string(),
      timestamp: iso,
      detail: z.record(z.string(), z.unknown()),
      marks: z.array(z.string()),
    }),
  ),
  nextCursor: z.string().nullable(),
});
