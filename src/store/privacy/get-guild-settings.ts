import {
  type RetentionKind,
  retentionDefaults,
  retentionKinds,
} from '../../privacy/retention-policy.ts';
import type { Queryable } from '../database.ts';

/** A guild's choices; `retentionDays` holds only the kinds it overrides. */
export interface GuildSettingsRow {
  guildId: string;
  contentCapture: boolean;
  retentionDays: Partial<Record<RetentionKind, number>>;
  updatedAt: Date | null;
}

const settingsSelect = `SELECT "guildId", "contentCapture", "updatedAt", ${retentionKinds.map((kind) => `"${retentionDefaults[kind].settingsColumn}"`).join(', ')} FROM "GuildSettings"`;

/** Turns a GuildSettings row into overrides by kind. */
export const toGuildSettings = (row: Record<string, unknown>): GuildSettingsRow => ({
  guildId: String(row.guildId),
  contentCapture: row.contentCapture === true,
  retentionDays: Object.fromEntries(
    retentionKinds.flatMap((kind) => {
      const days = row[retentionDefaults[kind].settingsColumn];
      return typeof days === 'number' ? [[kind, days]] : [];
    }),
  ),
  updatedAt: row.updatedAt instanceof Date ? row.updatedAt : null,
});

/** A guild's settings; the defaults (no capture, no overrides) when it has none stored. */
export const getGuildSettings = async (
  db: Queryable,
  guildId: string,
): Promise<GuildSettingsRow> => {
  const [row] = await db.query(`${settingsSelect} WHERE "guildId" = $1`, [guildId]);
  return row
    ? toGuildSettings(row)
    : { guildId, contentCapture: false, retentionDays: {}, updatedAt: null };
};

/** Every guild's settings that override something (few rows: read whole). */
export const listGuildSettings = async (db: Queryable): Promise<GuildSettingsRow[]> =>
  (await db.query(`${settingsSelect} ORDER BY "guildId"`)).map(toGuildSettings);
