import type { Queryable } from '../store/database.ts';
import { listIngestPolicy } from '../store/queries/list-ingest-policy.ts';

/** The per-guild rules applied at the door: content capture and opt-outs. */
export interface IngestPolicy {
  captureContent(guildId: string): boolean;
  isOptedOut(guildId: string, discordId: string): boolean;
  /** Whether any guild captures content (the MessageContent intent is needed then). */
  readonly anyContentCapture: boolean;
  /** Re-reads the rules from the store. */
  refresh(): Promise<void>;
}

/** Loads the policy; call `refresh` when settings or opt-outs change. */
export const loadIngestPolicy = async (db: Queryable): Promise<IngestPolicy> => {
  let capture = new Set<string>();
  let everywhere = new Set<string>();
  let perGuild = new Set<string>();
  const refresh = async () => {
    const rows = await listIngestPolicy(db);
    capture = new Set(rows.contentCaptureGuildIds);
    everywhere = new Set(rows.optOuts.filter((o) => o.guildId === null).map((o) => o.discordId));
    perGuild = new Set(
      rows.optOuts.filter((o) => o.guildId !== null).map((o) => `${o.guildId}:${o.discordId}`),
    );
  };
  await refresh();
  return {
    captureContent: (guildId) => capture.has(guildId),
    isOptedOut: (guildId, discordId) =>
      everywhere.has(discordId) || perGuild.has(`${guildId}:${discordId}`),
    get anyContentCapture() {
      return capture.size > 0;
    },
    refresh,
  };
};
