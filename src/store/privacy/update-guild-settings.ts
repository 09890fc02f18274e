import {
  type RetentionKind,
  retentionDefaults,
  retentionKinds,
} from '../../privacy/retention-policy.ts';
import type { Queryable } from '../database.ts';
import { type GuildSettingsRow, getGuildSettings } from './get-guild-settings.ts';

/** A change to a guild's settings: a field left out stays; a retention `null` means default. */
export interface GuildSettingsChange {
  contentCapture?: boolean | undefined;
  retentionDays?: Partial<Record<RetentionKind, number | null | undefined>> | undefined;
}

/** Applies `change` (creating the row if needed) and returns the settings as stored. */
export const updateGuildSettings = async (
  db: Queryable,
  guildId: string,
  change: GuildSettingsChange,
): Promise<GuildSettingsRow> => {
  const columns: string[] = [];
  const values: unknown[] = [guildId];
  if (change.contentCapture !== undefined) {
    columns.push('"contentCapture"');
    values.push(change.contentCapture);
  }
  for (const kind of retentionKinds) {
    const days = change.retentionDays?.[kind];
    if (days === undefined) continue;
    columns.push(`"${retentionDefaults[kind].settingsColumn}"`);
    values.push(days);
  }
  const placeholders = columns.map((_, i) => `$${i + 2}`);
  const updates = columns.map((column) => `${column} = EXCLUDED.${column}`);
  await db.query(
    `INSERT INTO "GuildSettings" ("guildId"${columns.map((c) => `, ${c}`).join('')})
     VALUES ($1${placeholders.map((p) => `, ${p}`).join('')})
     ON CONFLICT ("guildId") DO UPDATE SET ${[...updates, '"updatedAt" = now()'].join(', ')}`,
    values,
  );
  return getGuildSettings(db, guildId);
};
