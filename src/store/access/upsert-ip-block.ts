import type { Orm } from '../database.ts';
import { ipBlocks } from '../schema/moderation.ts';
import { type IpBlockRow, ipBlockColumns } from './list-ip-blocks.ts';

/** A block to apply: one row per address; blocking a blocked address replaces its block. */
export interface NewIpBlock {
  ipAddress: string;
  reason: string | null;
  /** A user id, or `auto` for blocks the API placed itself. */
  blockedBy: string;
  now: Date;
  expiresAt: Date | null;
}

/** Inserts or replaces the block of an address; returns it. */
export const upsertIpBlock = async (orm: Orm, block: NewIpBlock): Promise<IpBlockRow> => {
  const values = {
    reason: block.reason,
    blockedBy: block.blockedBy,
    blockedAt: block.now,
    expiresAt: block.expiresAt,
  };
  const [row] = await orm
    .insert(ipBlocks)
    .values({ ipAddress: block.ipAddress, ...values })
    .onConflictDoUpdate({ target: ipBlocks.ipAddress, set: values })
    .returning(ipBlockColumns);
  if (!row) throw new Error('upsert returned no row');
  return row;
};
