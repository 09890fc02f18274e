import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { sessions } from '../schema/auth.ts';

/** Records that a session was used at `now`. */
export const touchSession = async (orm: Orm, sessionId: string, now: Date): Promise<void> => {
  await orm.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, sessionId));
};
