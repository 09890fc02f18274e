import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { ipBlocks } from '../schema/moderation.ts';

/** Removes a block by id; returns its address, or undefined when there is no such block. */
export const deleteIpBlock = async (
  orm: Orm,
  blockId: string,
): Promise<{ ipAddress: string } | undefined> => {
  const [row] = await orm
    .delete(ipBlocks)
    .where(eq(ipBlocks.id, blockId))
    .returning({ ipAddress: ipBlocks.ipAddress });
  return row;
};
