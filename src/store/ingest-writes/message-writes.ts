import type { MessageDeleteRow, MessageEditRow, MessageRow } from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';
import { lastByKey } from './last-by-key.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';

/**
 * Stores new messages; Discord's message id and timestamp (the partitioned table's key) make a
 * replayed MESSAGE_CREATE a no-op.
 */
export const insertMessages = async (tx: Queryable, rows: readonly MessageRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "Message" (id, "guildId", "channelId", "userId", content, length, attachments, timestamp)
     SELECT t.id, t.guild, t.channel, u.id, t.content, t.length, t.attachments, t.ts
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::jsonb[],
                 $8::timestamptz[]) AS t(id, guild, channel, d, content, length, attachments, ts)
     JOIN "User" u ON u."discordId" = t.d
     ON CONFLICT (id, timestamp) DO NOTHING`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.guildId),
      rows.map((r) => r.channelId),
      rows.map((r) => r.userDiscordId),
      rows.map((r) => r.content),
      rows.map((r) => r.length),
      rows.map((r) => JSON.stringify(r.attachments)),
      rows.map((r) => r.timestamp.toISOString()),
    ],
  );
};

/** Marks edits (and new content, when captured) and deletions of stored messages. */
export const applyMessageChanges = async (
  tx: OrderedQueryable,
  edits: readonly MessageEditRow[],
  deletes: readonly MessageDeleteRow[],
): Promise<void> => {
  const lastEdits = lastByKey(edits, (row) => row.id);
  const statements: Statement[] = [];
  if (lastEdits.length > 0) {
    statements.push([
      `UPDATE "Message" m SET "editedAt" = t.edited,
         content = CASE WHEN t.has_content THEN t.content ELSE m.content END,
         length = CASE WHEN t.has_content THEN t.length ELSE m.length END
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bool[], $5::text[], $6::int[])
         AS t(id, guild, edited, has_content, content, length)
       WHERE m.id = t.id AND m."guildId" = t.guild`,
      [
        lastEdits.map((r) => r.id),
        lastEdits.map((r) => r.guildId),
        lastEdits.map((r) => r.editedAt.toISOString()),
        lastEdits.map((r) => r.length !== undefined),
        lastEdits.map((r) => r.content ?? null),
        lastEdits.map((r) => r.length ?? null),
      ],
    ]);
  }
  if (deletes.length > 0) {
    statements.push([
      `UPDATE "Message" m SET "deletedAt" = t.at
       FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS t(id, guild, at)
       WHERE m.id = t.id AND m."guildId" = t.guild AND m."deletedAt" IS NULL`,
      [
        deletes.map((r) => r.id),
        deletes.map((r) => r.guildId),
        deletes.map((r) => r.deletedAt.toISOString()),
      ],
    ]);
  }
  await queryInOrder(tx, statements);
};
