import type { Queryable } from '../database.ts';

/** A shard's resumable session as of the last committed dispatch. */
export interface GatewaySessionRow {
  shardId: number;
  shardCount: number;
  sessionId: string;
  resumeUrl: string;
  sequence: number;
}

/** Records the last committed sequence of each shard (in the batch's own transaction). */
export const saveGatewaySessions = async (
  tx: Queryable,
  rows: readonly GatewaySessionRow[],
): Promise<void> => {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "GatewaySession" ("shardId", "shardCount", "sessionId", "resumeUrl", sequence)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::int[])
     ON CONFLICT ("shardId") DO UPDATE SET "shardCount" = EXCLUDED."shardCount",
       "sessionId" = EXCLUDED."sessionId", "resumeUrl" = EXCLUDED."resumeUrl",
       sequence = EXCLUDED.sequence, "updatedAt" = now()`,
    [
      rows.map((r) => r.shardId),
      rows.map((r) => r.shardCount),
      rows.map((r) => r.sessionId),
      rows.map((r) => r.resumeUrl),
      rows.map((r) => r.sequence),
    ],
  );
};

/** The stored sessions, to resume after a restart. */
export const listGatewaySessions = (db: Queryable): Promise<GatewaySessionRow[]> =>
  db.query<GatewaySessionRow>(
    `SELECT "shardId", "shardCount", "sessionId", "resumeUrl", sequence FROM "GatewaySession"`,
  );
