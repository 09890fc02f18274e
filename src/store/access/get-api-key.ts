import { and, eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { apiKeys } from '../schema/auth.ts';
import { type ApiKeyRow, apiKeyColumns } from './insert-api-key.ts';

/** A key by id; with `userId`, only if that user owns it (another's key reads as missing). */
export const getApiKey = async (
  orm: Orm,
  keyId: string,
  userId: string | undefined,
): Promise<ApiKeyRow | undefined> => {
  const owned = userId === undefined ? undefined : eq(apiKeys.userId, userId);
  const [row] = await orm
    .select(apiKeyColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), owned));
  return row;
};
