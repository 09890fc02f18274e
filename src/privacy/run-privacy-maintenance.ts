import type { Logger } from 'pino';
import { insertAuditLog } from '../store/access/insert-audit-log.ts';
import type { Database } from '../store/database.ts';
import { eraseCollected } from '../store/privacy/erase-member.ts';
import { listGuildsLeftBefore, purgeGuild } from '../store/privacy/purge-guild.ts';
import { decideGuildPurges } from './guild-purge-policy.ts';
import { retentionRules } from './retention-policy.ts';
import { type RetentionProgress, runRetention } from './run-retention.ts';

/** What one maintenance pass did. */
export interface MaintenanceReport {
  retention: Record<string, number>;
  purgedGuilds: { guildId: string; removed: Record<string, number> }[];
  /** Members opted out everywhere whose late-arriving rows were erased. */
  sweptMembers: number;
}

/** Options of {@link runPrivacyMaintenance}. */
export interface MaintenanceOptions {
  now: Date;
  graceDays?: number;
  onProgress?: (progress: RetentionProgress) => void;
  log?: Logger;
}

const audit = (db: Database, now: Date, action: string, extra: Record<string, unknown>) =>
  insertAuditLog(db.orm, {
    userId: null,
    action,
    ipAddress: null,
    userAgent: null,
    timestamp: now,
    ...extra,
  });

/**
 * Rows that reached the store for a member after they opted out everywhere: possible when the
 * bot runs in another process and had not yet re-read the opt-outs (at most its refresh
 * interval). Erased here, every pass; a dashboard account they logged in with again stays.
 */
const sweepOptedOut = async (db: Database): Promise<number> => {
  const rows = await db.query<{ discordId: string }>(
    `SELECT DISTINCT o."discordId" FROM "OptOut" o JOIN "User" u ON u."discordId" = o."discordId"
     WHERE o."guildId" IS NULL`,
  );
  let swept = 0;
  for (const row of rows) {
    const counts = await eraseCollected(db, row.discordId);
    if (Object.keys(counts.removed).length + Object.keys(counts.cleared).length > 0) swept += 1;
  }
  return swept;
};

/**
 * One pass of the privacy job: purge guilds whose grace period is over, sweep opted-out
 * members, then apply retention. Each purge is audited, and the pass too when it removed rows.
 */
export const runPrivacyMaintenance = async (
  db: Database,
  options: MaintenanceOptions,
): Promise<MaintenanceReport> => {
  const { now } = options;
  const graceDays = options.graceDays ?? retentionRules.guildPurgeGraceDays;
  const left = await listGuildsLeftBefore(db, now);
  const purgedGuilds: MaintenanceReport['purgedGuilds'] = [];
  const leftAtOrBefore = new Date(now.getTime() - graceDays * 86_400_000);
  for (const guildId of decideGuildPurges(left, now, graceDays)) {
    const removed = await purgeGuild(db, guildId, leftAtOrBefore);
    if (Object.keys(removed).length === 0) continue; // the bot came back meanwhile
    purgedGuilds.push({ guildId, removed });
    await audit(db, now, 'guild.purge', { guildId, details: { via: 'job', graceDays, removed } });
    options.log?.info({ guildId, removed }, 'guild purged after the bot left it');
  }
  const sweptMembers = await sweepOptedOut(db);
  const retention = await runRetention(db, {
    now,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (sweptMembers > 0 || Object.values(retention).some((n) => n > 0)) {
    await audit(db, now, 'privacy.retention', { details: { retention, sweptMembers } });
  }
  return { retention, purgedGuilds, sweptMembers };
};
