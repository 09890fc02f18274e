import {
  channelCountSources,
  guildCountSources,
  hourSql,
  quarterSql,
} from '../rollups/rollup-statements.ts';

/** A count table fed by event tables: where each kind comes from and how rows are bucketed. */
interface CountTable {
  name: string;
  sources: Record<string, { table: string; where: string }>;
  bucketSql: (column: string) => string;
  /** Key columns beyond guild, kind and bucket, the same in the count and the events. */
  keys: readonly string[];
}

const countTables: readonly CountTable[] = [
  { name: 'GuildQuarterCount', sources: guildCountSources, bucketSql: quarterSql, keys: [] },
  {
    name: 'ChannelHourCount',
    sources: channelCountSources,
    bucketSql: hourSql,
    keys: ['channelId'],
  },
];

/**
 * The statements that take the rows of `table` matching `match` (a member's, about to be
 * deleted) out of the guild quarter-hour and channel hourly counts they were counted in; none
 * when `table` feeds no count. The counts have no member column, so erasure cannot find the
 * member there: their events are counted per guild, bucket (and channel) and subtracted.
 * Buckets not counted yet have no row and are left alone (the rollup job will count them
 * without the member); a row that arrived after its bucket was last counted is subtracted all
 * the same.
 */
export const subtractGuildCountsSql = (table: string, match: string): string[] =>
  countTables.flatMap((counts) =>
    Object.entries(counts.sources)
      .filter(([, source]) => source.table === table)
      .map(([kind, source]) => {
        const keys = counts.keys.map((key) => `"${key}"`);
        return `UPDATE "${counts.name}" c SET count = c.count - m.n
    FROM (SELECT "guildId", ${counts.bucketSql('timestamp')} AS bucket${keys.map((k) => `, ${k}`).join('')},
            count(*)::int AS n
          FROM "${table}" WHERE (${match}) AND ${source.where}
          GROUP BY ${['1', '2', ...keys.map((_, i) => String(i + 3))].join(', ')}) m
    WHERE c."guildId" = m."guildId" AND c.kind = '${kind}' AND c.bucket = m.bucket${keys
      .map((k) => ` AND c.${k} = m.${k}`)
      .join('')}`;
      }),
  );
