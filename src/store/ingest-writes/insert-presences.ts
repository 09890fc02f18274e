import type { PresenceRow } from '../../ingest/ingest-rows.ts';
import { INSERT_PLACEHOLDER_USERS, INSERT_PRESENCES } from './insert-presences-sql.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';
import { toStatementChunks } from './statement-chunks.ts';
import { type PresenceWrite, toPresenceWrites } from './to-presence-writes.ts';

/** A chunk statement's row. */
interface ChunkResult {
  count?: number;
  unknown?: string[];
}

const toStatements = (writes: readonly PresenceWrite[]): Statement[] =>
  [...toStatementChunks(writes)].map(
    (chunk): Statement => [
      INSERT_PRESENCES,
      [
        chunk.map((w) => w.row.guildId),
        chunk.map((w) => w.row.userDiscordId),
        chunk.map((w) => w.row.status),
        chunk.map((w) => JSON.stringify(w.row.clientStatus)),
        chunk.map((w) => JSON.stringify(w.row.activities)),
        chunk.map((w) => w.row.timestamp.toISOString()),
        chunk.map((w) => w.key),
        chunk.map((w) => w.first),
        chunk.map((w) => w.keep),
        chunk.map((w) => w.last),
      ],
    ],
  );

/** Sums what the chunks stored and collects their unknown users. */
const toOutcome = (results: readonly ChunkResult[][]) => {
  let stored = 0;
  const unknown = new Set<string>();
  for (const result of results.flat()) {
    stored += result.count ?? 0;
    for (const discordId of result.unknown ?? []) unknown.add(discordId);
  }
  return { stored, unknown };
};

/**
 * Stores presence snapshots, skipping any identical to the member's previous one (within the
 * batch, or the last stored), and keeps each member's current presence on GuildMember.
 * Returns how many snapshots were stored. Users nothing else in the batch mentions are made
 * here when unknown (`upsertUsers` leaves them out): most presences are of known members, and
 * looking each user up twice costs more than a second pass for the few new ones.
 */
export const insertPresences = async (
  tx: OrderedQueryable,
  rows: readonly PresenceRow[],
): Promise<number> => {
  const writes = toPresenceWrites(rows);
  const first = toOutcome(await queryInOrder<ChunkResult>(tx, toStatements(writes)));
  if (first.unknown.size === 0) return first.stored;
  const late = writes.filter((write) => first.unknown.has(write.row.userDiscordId));
  const firstGuild = new Map<string, string>();
  for (const { row } of late) {
    if (!firstGuild.has(row.userDiscordId)) firstGuild.set(row.userDiscordId, row.guildId);
  }
  const second = await queryInOrder<ChunkResult>(tx, [
    [INSERT_PLACEHOLDER_USERS, [[...firstGuild.keys()], [...firstGuild.values()]]],
    ...toStatements(late),
  ]);
  return first.stored + toOutcome(second).stored;
};
