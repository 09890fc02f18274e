import { z } from 'zod';
import type {
  ActivityRow,
  IngestRows,
  Platform,
  PresenceRow,
  PresenceStatus,
  UserRow,
} from '../ingest-rows.ts';
import {
  arraySchema,
  expected,
  integerSchema,
  objectSchema,
  snowflakeSchema,
  stringSchema,
} from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';
import { toUserRow, toUserRows, userPayloadSchema } from './user-payload.ts';

const statusSchema = z.enum(['online', 'idle', 'dnd', 'offline'], {
  error: expected('online, idle, dnd or offline'),
});

/**
 * Per-platform status; Discord omits offline platforms, and platforms we do not know (`vr`)
 * are dropped.
 * @see https://discord.com/developers/docs/events/gateway-events#client-status-object
 */
const clientStatusSchema = objectSchema({
  desktop: statusSchema.optional(),
  mobile: statusSchema.optional(),
  web: statusSchema.optional(),
  embedded: statusSchema.optional(),
});

/** @see https://discord.com/developers/docs/events/gateway-events#activity-object */
const activitySchema = objectSchema({
  type: integerSchema(0, 255),
  name: stringSchema(payloadLimits.activityNameChars),
  details: stringSchema(payloadLimits.activityDetailsChars).nullable().optional(),
});

/** A presence as listed in GUILD_CREATE, which leaves out `guild_id`. */
export const presencePayloadSchema = objectSchema({
  user: userPayloadSchema,
  status: statusSchema,
  client_status: clientStatusSchema.optional(),
  activities: arraySchema(activitySchema, payloadLimits.activities).optional(),
});

/** @see https://discord.com/developers/docs/events/gateway-events#presence-update */
const presenceUpdateSchema = presencePayloadSchema.extend({ guild_id: snowflakeSchema });

/** What `presencePayloadSchema` yields. */
export type PresencePayload = z.output<typeof presencePayloadSchema>;
/** What `parsePresenceUpdate` yields. */
export type PresenceUpdatePayload = z.output<typeof presenceUpdateSchema>;

/** Parses a PRESENCE_UPDATE dispatch's data. */
export const parsePresenceUpdate = (data: unknown): ParseResult<PresenceUpdatePayload> =>
  parsePayload(presenceUpdateSchema, data);

type ClientStatus = PresenceRow['clientStatus'];
type ClientStatusPayload = NonNullable<PresencePayload['client_status']>;
const platforms: readonly Platform[] = ['desktop', 'mobile', 'web', 'embedded'];

const toClientStatus = (payload: ClientStatusPayload | undefined): ClientStatus => {
  const clientStatus: ClientStatus = {};
  if (payload === undefined) return clientStatus;
  for (const platform of platforms) {
    const status: PresenceStatus | undefined = payload[platform];
    if (status !== undefined && status !== 'offline') clientStatus[platform] = status;
  }
  return clientStatus;
};

type ActivityPayload = NonNullable<PresencePayload['activities']>[number];

/** Kept minimal (PRODUCT.md): no state line, timestamps, party, assets or urls. */
const toActivityRow = (activity: ActivityPayload): ActivityRow => {
  const row: ActivityRow = { type: activity.type, name: activity.name };
  if (activity.details != null) {
    row.details = activity.details.slice(0, payloadLimits.activityDetailsKeptChars);
  }
  return row;
};

/** A presence snapshot of a member of `guildId`, taken when the bot received it. */
export const toPresenceRow = (
  guildId: string,
  presence: PresencePayload,
  receivedAt: Date,
): PresenceRow => ({
  guildId,
  userDiscordId: presence.user.id,
  status: presence.status,
  clientStatus: toClientStatus(presence.client_status),
  activities: (presence.activities ?? []).slice(0, payloadLimits.activitiesKept).map(toActivityRow),
  timestamp: receivedAt,
});

/** Adds the full users of presences not already listed (presences usually carry only ids). */
export const appendPresenceUsers = (users: UserRow[], presences: readonly PresencePayload[]) => {
  const listed = new Set(users.map((user) => user.discordId));
  for (const presence of presences) {
    const user = toUserRow(presence.user);
    if (user !== undefined && !listed.has(user.discordId)) {
      listed.add(user.discordId);
      users.push(user);
    }
  }
};

/** The presence row, and the user row when the payload carries a full user. */
export const toPresenceUpdateRows = (
  presence: PresenceUpdatePayload,
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'presences'> => ({
  users: toUserRows(presence.user),
  presences: [toPresenceRow(presence.guild_id, presence, receivedAt)],
});
