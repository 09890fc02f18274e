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

type ClientStatus = PresenceRow['clientStatus'];
type ClientStatusPayload = NonNullable<PresencePayload['client_status']>;
const platforms: readonly Platform[] = ['desktop', 'mobile', 'web', 'embedded'];
type ActivityPayload = NonNullable<PresencePayload['activities']>[number];

/** Parses a PRESENCE_UPDATE dispatch's data with the schema alone (what the fast path must match). */
export const parsePresenceUpdateWithSchema = (data: unknown): ParseResult<PresenceUpdatePayload> =>
  parsePayload(presenceUpdateSchema, data);

const SNOWFLAKE = /^\d{1,20}$/;
const STATUSES: ReadonlySet<unknown> = new Set(['online', 'idle', 'dnd', 'offline']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOptionalStatus = (value: unknown) => value === undefined || STATUSES.has(value);

const isPlainClientStatus = (value: unknown): value is ClientStatusPayload | undefined =>
  value === undefined ||
  (isRecord(value) &&
    isOptionalStatus(value.desktop) &&
    isOptionalStatus(value.mobile) &&
    isOptionalStatus(value.web) &&
    isOptionalStatus(value.embedded));

const isPlainActivity = (value: unknown): boolean => {
  if (!isRecord(value)) return false;
  const { type, name, details } = value;
  return (
    Number.isInteger(type) &&
    (type as number) >= 0 &&
    (type as number) <= 255 &&
    typeof name === 'string' &&
    name.length <= payloadLimits.activityNameChars &&
    (details == null ||
      (typeof details === 'string' && details.length <= payloadLimits.activityDetailsChars))
  );
};

/**
 * The common PRESENCE_UPDATE (a partial user, known fields well-typed) checked by hand, which
 * costs a fraction of the schema; `undefined` for anything else, which the schema then judges
 * (and explains). Yields what the schema would for the same input: only the fields it keeps.
 */
const parsePlainPresenceUpdate = (data: unknown): PresenceUpdatePayload | undefined => {
  if (!isRecord(data)) return undefined;
  const { user, guild_id: guildId, status, client_status: clientStatus, activities } = data;
  if (typeof guildId !== 'string' || !SNOWFLAKE.test(guildId) || !STATUSES.has(status)) return;
  if (!isRecord(user) || typeof user.id !== 'string' || !SNOWFLAKE.test(user.id)) return;
  const partialUser =
    user.username === undefined &&
    user.discriminator === undefined &&
    user.global_name === undefined &&
    user.avatar === undefined &&
    user.bot === undefined;
  if (!partialUser || !isPlainClientStatus(clientStatus)) return undefined;
  if (activities !== undefined) {
    if (!Array.isArray(activities) || activities.length > payloadLimits.activities) return;
    if (!activities.every(isPlainActivity)) return undefined;
  }
  const value: PresenceUpdatePayload = {
    user: { id: user.id },
    guild_id: guildId,
    status: status as PresenceStatus,
  };
  if (clientStatus !== undefined) {
    const kept: ClientStatusPayload = {};
    for (const platform of platforms) {
      const platformStatus = clientStatus[platform];
      if (platformStatus !== undefined) kept[platform] = platformStatus;
    }
    value.client_status = kept;
  }
  if (activities !== undefined) {
    value.activities = (activities as Record<string, unknown>[]).map((activity) => {
      const kept: ActivityPayload = {
        type: activity.type as number,
        name: activity.name as string,
      };
      if (activity.details !== undefined) kept.details = activity.details as string | null;
      return kept;
    });
  }
  return value;
};

/** Parses a PRESENCE_UPDATE dispatch's data: by hand when it is the common shape, else by schema. */
export const parsePresenceUpdate = (data: unknown): ParseResult<PresenceUpdatePayload> => {
  const plain = parsePlainPresenceUpdate(data);
  return plain === undefined ? parsePresenceUpdateWithSchema(data) : { ok: true, value: plain };
};

const toClientStatus = (payload: ClientStatusPayload | undefined): ClientStatus => {
  const clientStatus: ClientStatus = {};
  if (payload === undefined) return clientStatus;
  for (const platform of platforms) {
    const status: PresenceStatus | undefined = payload[platform];
    if (status !== undefined && status !== 'offline') clientStatus[platform] = status;
  }
  return clientStatus;
};

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
