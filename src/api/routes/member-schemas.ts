import { z } from 'zod';
import { memberSorts } from '../../store/queries/members/list-members.ts';
import { analyticsQuerySchema, guildParams } from './analytics-params.ts';

const isoTime = z.string().describe('ISO 8601, UTC');
const windowSchema = z.object({ from: isoTime, to: isoTime });
const status = z.enum(['online', 'idle', 'dnd', 'offline']);

/** `:guildId/:userId` of the member routes. */
export const memberParams = guildParams.extend({
  userId: z.string().regex(/^\d{1,20}$/, 'expected a Discord user id'),
});

/** The member list's query: search, order, page. */
export const membersQuery = z.object({
  search: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Case-insensitive substring of the username, global name or nickname.'),
  sort: z
    .enum(memberSorts)
    .default('name')
    .describe(
      '`name`: display name A→Z (case-insensitive), then id; `recent`: last presence, newest first (never seen last), then id.',
    ),
  limit: analyticsQuerySchema.shape.limit,
  cursor: z.string().max(400).optional().describe('The `nextCursor` of the previous page.'),
});

/** A presence page's query: the analytics window and limit, plus a cursor. */
export const presencesQuery = analyticsQuerySchema.omit({ tz: true }).extend({
  cursor: z.string().max(400).optional().describe('The `nextCursor` of the previous page.'),
});

const memberFields = {
  userId: z.string(),
  username: z.string(),
  globalName: z.string().nullable(),
  nick: z.string().nullable(),
  displayName: z.string(),
  avatar: z.string().nullable(),
  isBot: z.boolean(),
  status,
  joinedAt: isoTime.nullable(),
  leftAt: isoTime.nullable().describe('Set when the member left the guild.'),
  lastPresenceAt: isoTime.nullable(),
};

export const membersPageSchema = z.object({
  guildId: z.string(),
  items: z.array(
    z.object({ ...memberFields, platforms: z.array(z.string()).describe('Online on now.') }),
  ),
  nextCursor: z.string().nullable(),
});

const count = z.number().int();

export const memberProfileSchema = z.object({
  guildId: z.string(),
  window: windowSchema,
  member: z.object({
    ...memberFields,
    accountCreatedAt: isoTime,
    platformsNow: z.array(z.string()),
    roles: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        position: count,
        permissions: z
          .array(z.string())
          .describe('Only the powerful ones (Administrator, Manage Server/Roles, Ban, Kick).'),
      }),
    ),
    platformsSeen: z.array(
      z.object({
        platform: z.string(),
        snapshots: count,
        firstSeenAt: isoTime,
        lastSeenAt: isoTime,
      }),
    ),
    firstSeenAt: isoTime.nullable().describe('First recorded event in this guild, ever.'),
    lastSeenAt: isoTime.nullable().describe('Last recorded event in this guild, ever.'),
    onlineMinutes: count.describe('Online (not offline) time in the window.'),
    counts: z.object({
      presences: count,
      messages: count,
      typing: count,
      reactions: count,
      voiceSessions: count,
      roleChanges: count,
      joins: count,
      leaves: count,
      bans: count,
    }),
  }),
});

export const memberPresencesSchema = z.object({
  guildId: z.string(),
  userId: z.string(),
  window: windowSchema,
  items: z.array(
    z.object({
      id: z.string(),
      at: isoTime,
      status,
      platforms: z.array(z.string()),
      activities: z.array(z.object({ type: count, name: z.string() })),
    }),
  ),
  nextCursor: z.string().nullable(),
});
