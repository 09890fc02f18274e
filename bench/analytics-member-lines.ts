import { toSnowflake } from '../src/simulator/snowflake.ts';
import type { CopySource } from './analytics-event-lines.ts';
import { createRandom, fullScale, type Member, type Population } from './analytics-population.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** Each guild's roles: name and permission bits (Administrator, Ban Members, none…). */
const roles = [
  ['Admin', '8'],
  ['Moderator', '4'],
  ['Helper', '0'],
  ['Regular', '0'],
  ['Artist', '0'],
  ['Muted', '0'],
] as const;

const roleId = (guildIndex: number, r: number) =>
  toSnowflake(Date.UTC(2020, 2, 1), guildIndex * 10 + r, 5);

const source = (table: string, columns: string[], rows: string[]): CopySource => ({
  table,
  columns,
  rows: rows.length,
  *lines() {
    yield* rows;
  },
});

/**
 * Guilds, users, memberships (with each member's current presence), roles, joins and role
 * changes: the tables analytics join to, and the small event tables.
 */
export const toMemberSources = (
  population: Population,
  roleChanges: number,
  endMs: number,
): CopySource[] => {
  const random = createRandom(17);
  const { guildIds, members } = population;
  const startMs = endMs - fullScale.days * 86_400_000;
  const current = (m: Member) =>
    random() < 0.3
      ? `online\t${m.clientStatuses[Math.floor(random() * m.clientStatuses.length)]}`
      : 'offline\t{}';
  const changes = Array.from({ length: roleChanges }, (_, n) => {
    const m = members[Math.floor(random() * members.length)] as Member;
    const actor = members[Math.floor(random() * members.length)] as Member;
    const ts = startMs + ((endMs - startMs) * n) / roleChanges;
    return `${guildIds[m.guildIndex]}\t${m.userId}\t${roleId(m.guildIndex, Math.floor(random() * roles.length))}\t${random() < 0.7 ? 'added' : 'removed'}\t${actor.discordId}\t${iso(ts)}`;
  });
  return [
    source(
      'Guild',
      ['id', 'name', 'memberCount'],
      guildIds.map(
        (id, g) =>
          `${id}\t${g === 0 ? 'Big guild' : `Small guild ${g}`}\t${members.filter((m) => m.guildIndex === g).length}`,
      ),
    ),
    source(
      'User',
      ['id', 'discordId', 'username', 'discriminator', 'globalName', 'guildId'],
      members.map(
        (m) =>
          `${m.userId}\t${m.discordId}\tmember${m.index}\t0\tMember ${m.index}\t${guildIds[m.guildIndex]}`,
      ),
    ),
    source(
      'GuildMember',
      ['guildId', 'userId', 'joinedAt', 'status', 'clientStatus'],
      members.map(
        (m) => `${guildIds[m.guildIndex]}\t${m.userId}\t${iso(m.joinedMs)}\t${current(m)}`,
      ),
    ),
    source(
      'GuildRole',
      ['id', 'guildId', 'name', 'permissions', 'position'],
      guildIds.flatMap((id, g) =>
        roles.map(([name, bits], r) => `${roleId(g, r)}\t${id}\t${name}\t${bits}\t${r}`),
      ),
    ),
    source(
      'MemberEvent',
      ['guildId', 'userId', 'type', 'accountCreatedAt', 'timestamp'],
      members
        .filter((m) => m.joinedMs >= startMs)
        .sort((a, b) => a.joinedMs - b.joinedMs)
        .map(
          (m) =>
            `${guildIds[m.guildIndex]}\t${m.userId}\tjoin\t${iso(m.accountCreatedMs)}\t${iso(m.joinedMs)}`,
        ),
    ),
    source(
      'RoleChange',
      ['guildId', 'userId', 'roleId', 'action', 'actorId', 'timestamp'],
      changes,
    ),
  ];
};
