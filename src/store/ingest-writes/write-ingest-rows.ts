import type { IngestRows, MemberRow } from '../../ingest/ingest-rows.ts';
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
import { applyMessageChanges, insertMessages } from './message-writes.ts';
import { upsertMembers } from './upsert-members.ts';
import { type UserInput, upsertUsers } from './upsert-users.ts';

/** What one write stored, for metrics. */
export interface WriteCounts {
  presencesStored: number;
  roleChanges: number;
}

/** Every (guild, user) a batch mentions, so placeholders can be made before events that need them. */
const referencedUsers = (rows: IngestRows): UserInput[] => {
  const refs: UserInput[] = [];
  const add = (guildId: string, discordId: string) =>
    refs.push({
      guildId,
      row: {
        discordId,
        username: null,
        discriminator: null,
        globalName: null,
        avatar: null,
        isBot: null,
      },
    });
  for (const list of [
    rows.members,
    rows.memberRoles,
    rows.presences,
    rows.messages,
    rows.typing,
    rows.reactions,
    rows.memberEvents,
    rows.bans,
    rows.voiceStates,
    rows.latencies,
  ]) {
    for (const row of list) add(row.guildId, row.userDiscordId);
  }
  for (const row of rows.latencies) add(row.guildId, row.targetDiscordId);
  return refs;
};

const referencedGuilds = (rows: IngestRows): Set<string> => {
  const ids = new Set<string>();
  for (const list of Object.values(rows) as { guildId?: string }[][]) {
    for (const row of list) if (row.guildId !== undefined) ids.add(row.guildId);
  }
  return ids;
};

/**
 * Writes one batch in dependency order: guilds and users first (placeholders for ids only
 * mentioned), then memberships, then events. Call inside a transaction.
 */
export const writeIngestRows = async (tx: Queryable, rows: IngestRows): Promise<WriteCounts> => {
  await upsertGuilds(tx, rows.guilds);
  await ensureGuilds(tx, referencedGuilds(rows));
  await writeRoles(tx, rows.roles, rows.roleDeletes);
  const firstGuild = new Map(rows.members.map((m) => [m.userDiscordId, m.guildId]));
  await upsertUsers(tx, [
    ...referencedUsers(rows),
    ...rows.users.map((row) => ({ row, guildId: firstGuild.get(row.discordId) ?? null })),
  ]);
  const bareMembers: MemberRow[] = rows.memberRoles.map((r) => ({
    guildId: r.guildId,
    userDiscordId: r.userDiscordId,
  }));
  await upsertMembers(tx, [...bareMembers, ...rows.members]);
  const roleChanges = await applyMemberRoles(tx, rows.memberRoles);
  const presencesStored = await insertPresences(tx, rows.presences);
  await insertMessages(tx, rows.messages);
  await applyMessageChanges(tx, rows.messageEdits, rows.messageDeletes);
  await insertTyping(tx, rows.typing);
  await insertReactions(tx, rows.reactions);
  await insertMemberEvents(tx, rows.memberEvents);
  await applyBans(tx, rows.bans);
  await applyVoiceStates(tx, rows.voiceStates);
  await applyAuditActors(tx, rows.auditActors);
  await insertLatencies(tx, rows.latencies);
  await markGuildsLeft(tx, rows.guildLeaves);
  return { presencesStored, roleChanges };
};
