import type { APIGuildMember, APIRole, APIUser, RoleFlags } from 'discord-api-types/v10';
import { ChannelType } from 'discord-api-types/v10';
import type { SimGuild } from '../../simulator/guild-state.ts';
import { toMember } from '../../simulator/scenario/user-factory.ts';
import { toSnowflake } from '../../simulator/snowflake.ts';

const JOINED = Date.UTC(2025, 0, 1);

/** A user created at `createdMs`, with the snowflake Discord would give it. */
export const simUser = (n: number, createdMs = Date.UTC(2021, 0, 1)): APIUser => ({
  id: toSnowflake(createdMs, n),
  username: `member${n}`,
  discriminator: '0',
  global_name: `Member ${n}`,
  avatar: null,
});

/** A small hand-made guild: an owner, members, an admin role, a text and a voice channel. */
export const smallGuild = (index = 1, memberCount = 3) => {
  const guildId = toSnowflake(Date.UTC(2022, 0, index) + index, index);
  const adminRole: APIRole = {
    id: toSnowflake(Date.UTC(2022, 1, 1), 100 + index),
    name: 'Admin',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 1,
    permissions: '8',
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
  const users = Array.from({ length: memberCount }, (_, i) => simUser(index * 1_000 + i));
  const members: APIGuildMember[] = users.map((user) => toMember(user, JOINED));
  const textChannel = toSnowflake(Date.UTC(2022, 0, 2), 200 + index);
  const voiceChannel = toSnowflake(Date.UTC(2022, 0, 2), 300 + index);
  const guild: SimGuild = {
    id: guildId,
    name: `Guild ${index}`,
    ownerId: users[0]?.id ?? '',
    roles: [adminRole],
    members,
    channels: [
      { id: textChannel, type: ChannelType.GuildText, name: 'general', position: 0 },
      { id: voiceChannel, type: ChannelType.GuildVoice, name: 'voice', position: 1 },
    ] as NonNullable<SimGuild['channels']>,
  };
  return { guild, guildId, users, members, adminRole, textChannel, voiceChannel };
};
