import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { sessions } from '../schema/auth.ts';

/** A session as its owner sees it (never its token). */
export interface SessionSummaryRow {
  id: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
}

/** The user's live sessions (not revoked, not expired at `now`), newest first. */
export const listUserSessions = (
  orm: Orm,
  userId: string,
  now: Date,
): Promise<SessionSummaryRow[]> =>
  orm
    .select({
      id: sessions.id,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
    )
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
