/**
 * The columns that name a member (User `u` joined to GuildMember `gm`), shared by the member
 * list and the profile so both spell the display name the way the analytics do.
 */
export const memberColumnsSql = `u."discordId" AS "userId", u.username, u."globalName", gm.nick,
  COALESCE(gm.nick, u."globalName", u.username) AS "displayName", u.avatar, u."isBot",
  gm.status, gm."clientStatus", gm."joinedAt", gm."leftAt", gm."presenceAt" AS "lastPresenceAt"`;

/** A member as {@link memberColumnsSql} selects it. */
export interface MemberColumnsRow {
  userId: string;
  username: string;
  globalName: string | null;
  nick: string | null;
  displayName: string;
  avatar: string | null;
  isBot: boolean;
  status: 'online' | 'idle' | 'dnd' | 'offline';
  clientStatus: Record<string, string> | null;
  joinedAt: Date | null;
  leftAt: Date | null;
  lastPresenceAt: Date | null;
}
