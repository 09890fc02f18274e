import { desc, gt, isNull, or } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { ipBlocks } from '../schema/moderation.ts';

/** A blocked address as admins see it. */
export interface IpBlockRow {
  id: string;
  ipAddress: string;
  reason: string | null;
  blockedBy: string;
  blockedAt: Date;
  expiresAt: Date | null;
}

const columns = {
  id: ipBlocks.id,
  ipAddress: ipBlocks.ipAddress,
  reason: ipBlocks.reason,
  blockedBy: ipBlocks.blockedBy,
  blockedAt: ipBlocks.blockedAt,
  expiresAt: ipBlocks.expiresAt,
};

/** Blocks that still apply at `now` (permanent, or expiring later), newest first. */
export const listActiveIpBlocks = (orm: Orm, now: Date): Promise<IpBlockRow[]> =>
  orm
    .select(columns)
    .from(ipBlocks)
    .where(or(isNull(ipBlocks.expiresAt), gt(ipBlocks.expiresAt, now)))
    .orderBy(desc(ipBlocks.blockedAt), desc(ipBlocks.id));

/** Every block, expired ones included, newest first. */
export const listIpBlocks = (orm: Orm): Promise<IpBlockRow[]> =>
  orm.select(columns).from(ipBlocks).orderBy(desc(ipBlocks.blockedAt), desc(ipBlocks.id));

export { columns as ipBlockColumns };
