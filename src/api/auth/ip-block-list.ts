import { toClientAddress } from '../../access/to-client-address.ts';
import { listActiveIpBlocks } from '../../store/access/list-ip-blocks.ts';
import type { Orm } from '../../store/database.ts';

/** How long the list of active blocks is reused before it is read again. */
export const IP_BLOCK_REFRESH_MS = 5_000;

/** A block as the request guard needs it. */
export interface ActiveIpBlock {
  expiresAt: Date | null;
}

/**
 * The active IP blocks, read from the database at most every {@link IP_BLOCK_REFRESH_MS}
 * instead of once per request. A block made or lifted by this process applies at once
 * (`invalidate`); other API processes see it within the refresh interval. Expiry is checked
 * against the clock on every request, so an expired block stops applying on time.
 */
export interface IpBlockList {
  getBlock(ip: string): Promise<ActiveIpBlock | undefined>;
  invalidate(): void;
}

/** An {@link IpBlockList} over the IpBlock table. */
export const createIpBlockList = (deps: { orm: Orm; now: () => Date }): IpBlockList => {
  let loaded: { atMs: number; blocks: Promise<Map<string, ActiveIpBlock>> } | undefined;
  const load = async () => {
    const rows = await listActiveIpBlocks(deps.orm, deps.now());
    return new Map(rows.map((row) => [row.ipAddress, { expiresAt: row.expiresAt }]));
  };
  const current = () => {
    const nowMs = Date.now();
    if (!loaded || nowMs - loaded.atMs > IP_BLOCK_REFRESH_MS) {
      const blocks = load();
      blocks.catch(() => {
        loaded = undefined;
      });
      loaded = { atMs: nowMs, blocks };
    }
    return loaded.blocks;
  };
  return {
    async getBlock(ip) {
      const address = toClientAddress(ip);
      if (address === undefined) return undefined;
      const block = (await current()).get(address);
      if (!block || (block.expiresAt !== null && block.expiresAt <= deps.now())) return undefined;
      return block;
    },
    invalidate() {
      loaded = undefined;
    },
  };
};
