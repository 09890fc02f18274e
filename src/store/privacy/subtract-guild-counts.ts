import { guildCountSources, quarterSql } from '../rollups/rollup-statements.ts';
import type { GuildCountKind } from '../schema/rollups.ts';

const kindsByTable = new Map<string, GuildCountKind>(
  Object.entries(guildCountSources).map(([kind, source]) => [source.table, kind as GuildCountKind]),
);

/**
 * The statement that takes the rows of `table` matching `match` (a member's, about to be
 * deleted) out of the guild quarter-hour counts they were counted in, or undefined when
 * `table` feeds no count. GuildQuarterCount has no member column, so erasure cannot find the
 * member there: their events are counted per guild and quarter and subtracted. Quarters not
 * counted yet have no row and are left alone (the rollup job will count them without the
 * member); a row that arrived after its quarter was last counted is subtracted all the same.
 */
export const subtractGuildCountsSql = (table: string, match: string): string | undefined => {
  const kind = kindsByTable.get(table);
  if (kind === undefined) return undefined;
  return `UPDATE "GuildQuarterCount" c SET count = c.count - m.n
    FROM (SELECT "guildId", ${quarterSql('timestamp')} AS bucket, count(*)::int AS n
          FROM "${table}" WHERE (${match}) AND ${guildCountSources[kind].where}
          GROUP BY 1, 2) m
    WHERE c."guildId" = m."guildId" AND c.kind = '${kind}' AND c.bucket = m.bucket`;
};
