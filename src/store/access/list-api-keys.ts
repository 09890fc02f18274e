import { desc, eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { apiKeys } from '../schema/auth.ts';
import { type ApiKeyRow, apiKeyColumns } from './insert-api-key.ts';

/** A user's keys, revoked ones included, newest first. */
export const listApiKeys = (orm: Orm, userId: string): Promise<ApiKeyRow[]> =>
  orm
    .select(apiKeyColumns)
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
