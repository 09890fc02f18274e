import { and, eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { apiKeys } from '../schema/auth.ts';

/**
 * Deactivates a key (the row and its usage stay for the record); with `userId`, only that
 * user's. False when there is no such key; revoking a revoked key is a no-op that succeeds.
 */
export const revokeApiKey = async (
  orm: Orm,
  keyId: string,
  userId: string | undefined,
): Promise<{ userId: string } | undefined> => {
  const owned = userId === undefined ? undefined : eq(apiKeys.userId, userId);
  const [row] = await orm
    .update(apiKeys)
    .set({ isActive: false })
    .where(and(eq(apiKeys.id, keyId), owned))
    .returning({ userId: apiKeys.userId });
  return row;
};
