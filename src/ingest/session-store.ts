import type { SessionInfo } from '@discordjs/ws';
import type { Queryable } from '../store/database.ts';
import { listGatewaySessions } from '../store/ingest-writes/save-gateway-session.ts';

/** Gateway sessions for `@discordjs/ws`'s session hooks, seeded from the store's committed ones. */
export interface SessionStore {
  retrieve(shardId: number): SessionInfo | null;
  update(shardId: number, info: SessionInfo | null): void;
  /** The session a dispatch received now belongs to, for its envelope. */
  current(shardId: number): { sessionId: string; resumeUrl: string; shardCount: number } | null;
}

/**
 * Loads the sessions committed with the last batches. A restarted process hands them to the
 * gateway client, which RESUMEs from the last *stored* sequence, so Discord replays the rest.
 * While the process lives, the client's own (received) sequence is used: what was received
 * and not yet stored is still in the writer's buffer.
 */
export const loadSessionStore = async (
  db: Queryable,
  shardCount: number | null,
): Promise<SessionStore> => {
  const sessions = new Map<number, SessionInfo>();
  for (const row of await listGatewaySessions(db)) {
    if (shardCount !== null && row.shardCount !== shardCount) continue;
    sessions.set(row.shardId, {
      shardId: row.shardId,
      shardCount: row.shardCount,
      sessionId: row.sessionId,
      resumeURL: row.resumeUrl,
      sequence: row.sequence,
    });
  }
  const snapshots = new Map<number, { sessionId: string; resumeUrl: string; shardCount: number }>();
  return {
    retrieve: (shardId) => sessions.get(shardId) ?? null,
    update: (shardId, info) => {
      if (info === null) {
        sessions.delete(shardId);
        snapshots.delete(shardId);
        return;
      }
      sessions.set(shardId, info);
      const known = snapshots.get(shardId);
      if (known?.sessionId !== info.sessionId || known.resumeUrl !== info.resumeURL) {
        snapshots.set(shardId, {
          sessionId: info.sessionId,
          resumeUrl: info.resumeURL,
          shardCount: info.shardCount,
        });
      }
    },
    current: (shardId) => {
      const known = snapshots.get(shardId);
      if (known) return known;
      const info = sessions.get(shardId);
      return info
        ? { sessionId: info.sessionId, resumeUrl: info.resumeURL, shardCount: info.shardCount }
        : null;
    },
  };
};
