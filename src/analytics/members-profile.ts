import type { Queryable } from '../store/database.ts';
import { getMember } from '../store/queries/members/get-member.ts';
import { getMemberActivity } from '../store/queries/members/get-member-activity.ts';
import { listMemberPlatforms } from '../store/queries/members/list-member-platforms.ts';
import { listMemberRoles } from '../store/queries/members/list-member-roles.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { escalationMask, toEscalationPermissions } from './escalation-permissions.ts';
import { type MemberSummary, toMemberSummary } from './members.ts';
import { toWindowJson } from './to-window-json.ts';

export interface MemberProfile extends Omit<MemberSummary, 'platforms'> {
  accountCreatedAt: string;
  platformsNow: string[];
  /** Current roles, highest first; `permissions` names only the powerful ones. */
  roles: { id: string; name: string; position: number; permissions: string[] }[];
  platformsSeen: { platform: string; snapshots: number; firstSeenAt: string; lastSeenAt: string }[];
  /** Any recorded event of the member in this guild, ever. */
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  /** Online (non-offline presence) time in the window, rounded to whole minutes. */
  onlineMinutes: number;
  counts: {
    presences: number;
    messages: number;
    typing: number;
    reactions: number;
    voiceSessions: number;
    roleChanges: number;
    joins: number;
    leaves: number;
    bans: number;
  };
}

export interface MemberProfileResult {
  guildId: string;
  window: { from: string; to: string };
  member: MemberProfile;
}

/** The escalation permissions (PRODUCT.md analytic 6) in a decimal permission bitfield. */
const toPowerfulPermissions = (bits: string): string[] =>
  toEscalationPermissions(Number(BigInt(bits) & BigInt(escalationMask)));

/**
 * One member's profile: names, roles, platforms seen in the window, first and last seen,
 * online time and counts per event kind in the window. Undefined for someone who never was
 * a member of the guild, or opted out.
 */
export const getMemberProfile = async (
  db: Queryable,
  query: AnalyticsQuery,
  userId: string,
): Promise<MemberProfileResult | undefined> => {
  const member = await getMember(db, query.guildId, userId);
  if (!member) return undefined;
  const onlineUntil = new Date(Math.min(query.now.getTime(), query.window.to.getTime()));
  const [roles, platforms, activity] = await Promise.all([
    listMemberRoles(db, query.guildId, member.roleIds ?? []),
    listMemberPlatforms(db, query.guildId, userId, query.window),
    getMemberActivity(db, { guildId: query.guildId, userId, window: query.window, onlineUntil }),
  ]);
  const { platforms: platformsNow, ...summary } = toMemberSummary(member);
  const { onlineSeconds, firstSeenAt, lastSeenAt, ...counts } = activity;
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    member: {
      ...summary,
      accountCreatedAt: member.accountCreatedAt.toISOString(),
      platformsNow,
      roles: roles.map((role) => ({
        id: role.id,
        name: role.name,
        position: role.position,
        permissions: toPowerfulPermissions(role.permissions),
      })),
      platformsSeen: platforms.map((row) => ({
        platform: row.platform,
        snapshots: row.snapshots,
        firstSeenAt: row.firstSeenAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
      })),
      firstSeenAt: firstSeenAt?.toISOString() ?? null,
      lastSeenAt: lastSeenAt?.toISOString() ?? null,
      onlineMinutes: Math.round(onlineSeconds / 60),
      counts,
    },
  };
};
