import type { IngestRows, MemberRolesRow, MemberRow } from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';
import { applyAuditActors, applyBans } from './apply-bans.ts';
import { applyMemberRoles } from './apply-member-roles.ts';
import { applyVoiceStates } from './apply-voice-states.ts';
import { ensureGuilds, markGuildsLeft, upsertGuilds, writeRoles } from './guild-writes.ts';
import {
  insertLatencies,
  insertMemberEvents,
  insertReactions,
  insertTyping,
} from './insert-activity-events.ts';
import { insertPresences } from './insert-presences.ts';
import { memberKey } from './last-by-key.ts';
import { applyMessageChanges, insertMessages } from './message-writes.ts';
import { toOrderedQueryable } from './query-in-order.ts';
import { upsertMembers } from './upsert-members.ts';
import { mentionUser, type UserMentions, upsertUsers } from './upsert-users.ts';

/** What one write stored, for metrics. */
export interface WriteCounts {
  presencesStored: number;
  roleChanges: number;
}

/**
 * Every user a batch mentions: the ids in member-scoped rows first (so that placeholders
 * exist before the events that need them, each with the guild it was first seen in), then
 * the full user objects. Users that nothing but presences mention are left to
 * `insertPresences`, which looks them up anyway: most presences are of known members.
 */
const toUserMentions = (rows: IngestRows): UserMentions => {
  const users: UserMentions = new Map();
  const notOnlyPresences = new Set<string>();
  const mention = (list: readonly { guildId: string; userDiscordId: string }[], own: boolean) => {
    for (const row of list) {
      mentionUser(users, row.userDiscordId, null, row.guildId);
      if (own) notOnlyPresences.add(row.userDiscordId);
    }
  };
  mention(rows.members, true);
  mention(rows.memberRoles, true);
  mention(rows.presences, false);
  for (const list of [
    rows.messages,
    rows.typing,
    rows.reactions,
    rows.memberEvents,
    rows.bans,
    rows.voiceStates,
    rows.latencies,
  ]) {
    mention(list, true);
  }
  mention(
    rows.latencies.map((row) => ({ guildId: row.guildId, userDiscordId: row.targetDiscordId })),
    true,
  );
  for (const row of rows.users) {
    mentionUser(users, row.discordId, row, null);
    notOnlyPresences.add(row.discordId);
  }
  for (const discordId of users.keys()) {
    if (!notOnlyPresences.has(discordId)) users.delete(discordId);
  }
  return users;
};

/** Memberships a batch states: a role list says the member is in the guild, nothing more. */
function* toMemberFacts(rows: IngestRows): Generator<MemberRow> {
  for (const { guildId, userDiscordId } of rows.memberRoles) yield { guildId, userDiscordId };
  yield* rows.members;
}

/** Each member's first role list of the batch, by member key. */
const firstRoleIds = (rows: readonly MemberRolesRow[]): Map<string, string[]> => {
  const first = new Map<string, string[]>();
  for (const row of rows) {
    const key = memberKey(row);
    if (!first.has(key)) first.set(key, row.roleIds);
  }
  return first;
};

const referencedGuilds = (rows: IngestRows): Set<string> => {
  const ids = new Set<string>();
  for (const list of Object.values(rows) as { guildId?: string }[][]) {
    for (const row of list) if (row.guildId !== undefined) ids.add(row.guildId);
  }
  return ids;
};

/**
 * Settings for the rest of the transaction. Batch statements cost enough to be JIT-compiled,
 * which takes longer than running them (tens of milliseconds). And every join they make looks
 * keys up through a unique or primary-key index on the looked-up side (`User` by Discord id,
 * `GuildMember`, `Message`, `Guild`, `GuildRole` by key), so nested loops only: a batch holds
 * a few thousand keys, or a few hundred for the kinds besides presences, while the tables may
 * hold millions of rows, and the planner (costing reads of cached pages as random I/O, with
 * statistics that lag behind a fresh GUILD_CREATE) would often hash or scan a whole table
 * instead: every `User` row for a hundred messages, tens of milliseconds a batch. A nested
 * loop without such an index is quadratic: statements here look rows of their own CTEs up
 * with `IN`, which hashes them, and a join added here must have its index.
 */
const BATCH_SETTINGS = `SELECT set_config('jit', 'off', true), set_config('enable_hashjoin', 'off', true),
  set_config('enable_mergejoin', 'off', true)`;

/**
 * Writes one batch in dependency order: guilds and users first (placeholders for ids only
 * mentioned), then memberships, then events. Call inside a transaction. The statements go out
 * without waiting for each other (see `toOrderedQueryable`), except that the member-role diff reads
 * the stored lists, so what comes before it must be done first.
 */
export const writeIngestRows = async (
  database: Queryable,
  rows: IngestRows,
): Promise<WriteCounts> => {
  const tx = toOrderedQueryable(database);
  const sent: Promise<unknown>[] = [
    tx.query(BATCH_SETTINGS),
    upsertGuilds(tx, rows.guilds),
    ensureGuilds(tx, referencedGuilds(rows)),
    writeRoles(tx, rows.roles, rows.roleDeletes),
    upsertUsers(tx, toUserMentions(rows)),
    upsertMembers(tx, toMemberFacts(rows), firstRoleIds(rows.memberRoles)),
  ];
  let roleChanges = 0;
  if (rows.memberRoles.length > 0) {
    await Promise.all(sent);
    roleChanges = await applyMemberRoles(tx, rows.memberRoles);
  }
  const presencesStored = insertPresences(tx, rows.presences);
  sent.push(
    presencesStored,
    insertMessages(tx, rows.messages),
    applyMessageChanges(tx, rows.messageEdits, rows.messageDeletes),
    insertTyping(tx, rows.typing),
    insertReactions(tx, rows.reactions),
    insertMemberEvents(tx, rows.memberEvents),
    applyBans(tx, rows.bans),
    applyVoiceStates(tx, rows.voiceStates),
    applyAuditActors(tx, rows.auditActors),
    insertLatencies(tx, rows.latencies),
    markGuildsLeft(tx, rows.guildLeaves),
  );
  await Promise.all(sent);
  return { presencesStored: await presencesStored, roleChanges };
};
