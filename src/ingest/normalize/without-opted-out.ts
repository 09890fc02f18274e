import type { IngestRows } from '../ingest-rows.ts';

/** Whether `discordId` objected to being recorded in `guildId` (or in every guild). */
export type IsOptedOut = (guildId: string, discordId: string) => boolean;

interface MemberScoped {
  guildId: string;
  userDiscordId: string;
}

const keepMembers = <Row extends MemberScoped>(rows: Row[], isOptedOut: IsOptedOut): Row[] =>
  rows.filter((row) => !isOptedOut(row.guildId, row.userDiscordId));

/** Every guild the rows speak of: a dispatch's rows belong to one, a batch's to a few. */
const listGuildIds = (rows: Partial<IngestRows>): string[] => {
  const guildIds = new Set<string>();
  for (const guild of rows.guilds ?? []) guildIds.add(guild.id);
  for (const kind of Object.values(rows)) {
    for (const row of kind) if ('guildId' in row) guildIds.add(row.guildId);
  }
  return [...guildIds];
};

/**
 * The rows without those about members who opted out (PRODUCT.md, Privacy).
 * - Member-scoped rows go when their member opted out in their guild.
 * - A latency sample goes when either member opted out; an audit entry when its target or its
 *   actor did (the actor's id is all it adds to the target's own RoleChange or ban).
 * - A user row has no guild: it goes when the user opted out in any guild these rows speak of,
 *   so filter each dispatch's rows (one guild) before merging them into a batch.
 * - Edits and deletes name no author; they only mark stored messages, and an opted-out
 *   member's messages are never stored, so they stay.
 */
export const withoutOptedOut = (
  rows: Partial<IngestRows>,
  isOptedOut: IsOptedOut,
): Partial<IngestRows> => {
  const kept: Partial<IngestRows> = { ...rows };
  if (rows.members) kept.members = keepMembers(rows.members, isOptedOut);
  if (rows.memberRoles) kept.memberRoles = keepMembers(rows.memberRoles, isOptedOut);
  if (rows.presences) kept.presences = keepMembers(rows.presences, isOptedOut);
  if (rows.messages) kept.messages = keepMembers(rows.messages, isOptedOut);
  if (rows.typing) kept.typing = keepMembers(rows.typing, isOptedOut);
  if (rows.reactions) kept.reactions = keepMembers(rows.reactions, isOptedOut);
  if (rows.memberEvents) kept.memberEvents = keepMembers(rows.memberEvents, isOptedOut);
  if (rows.bans) kept.bans = keepMembers(rows.bans, isOptedOut);
  if (rows.voiceStates) kept.voiceStates = keepMembers(rows.voiceStates, isOptedOut);
  if (rows.latencies) {
    kept.latencies = keepMembers(rows.latencies, isOptedOut).filter(
      (row) => !isOptedOut(row.guildId, row.targetDiscordId),
    );
  }
  if (rows.auditActors) {
    kept.auditActors = rows.auditActors.filter(
      (row) =>
        !isOptedOut(row.guildId, row.targetDiscordId) &&
        !isOptedOut(row.guildId, row.actorDiscordId),
    );
  }
  if (rows.users && rows.users.length > 0) {
    const guildIds = listGuildIds(rows);
    kept.users = rows.users.filter(
      (user) => !guildIds.some((guildId) => isOptedOut(guildId, user.discordId)),
    );
  }
  return kept;
};
