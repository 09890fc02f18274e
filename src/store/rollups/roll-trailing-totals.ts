import type { Database, Queryable } from '../database.ts';
import {
  activityPiecesSql,
  messageTimingPiecesSql,
  timingSumsSql,
} from '../queries/analytics/activity-pieces-sql.ts';
import {
  type MemberTotalColumn,
  memberSumsSql,
  memberTotalColumns,
  signedSql,
  trailingStored,
  windowsEndsSql,
  windowsTotalsSql,
} from '../queries/analytics/member-totals-sql.ts';
import { presencePiecesSql } from '../queries/analytics/presence-pieces-sql.ts';
import { createSqlParams } from '../queries/analytics/sql-params.ts';
import { getTotalsPlans } from './get-rollup-plan.ts';
import { planRollupWindows } from './plan-rollup-ranges.ts';
import { trailingSlotRange } from './plan-trailing.ts';
import { getRolledUntil, lockRollups, setRolledUntil } from './rollup-state.ts';

/** The RollupState row of MemberTrailingTotal: the anchor its newest rows end at. */
export const TRAILING_TOTALS_STATE_NAME = 'member-trailing-totals';

/** Each total's value in a presence piece `p` or an activity piece `a` (0 where it has none). */
const presenceValue: Record<MemberTotalColumn, string> = {
  snapshots: 'p.snapshots',
  online: 'p.online',
  multi: 'p.multi',
  multiKey: 'p."multiKey"',
  messages: '0',
  typing: '0',
  reactions: '0',
  desktopHours: '(p.mask & 1)',
  mobileHours: '((p.mask >> 1) & 1)',
  webHours: '((p.mask >> 2) & 1)',
  embeddedHours: '((p.mask >> 3) & 1)',
};
const activityValue: Record<MemberTotalColumn, string> = {
  ...Object.fromEntries(memberTotalColumns.map((c) => [c, '0'])),
  messages: 'a.messages',
  typing: 'a.typing',
  reactions: 'a.reactions',
} as Record<MemberTotalColumn, string>;

const slots = [1, 0] as const;
const outputs = slots.flatMap((slot) => memberTotalColumns.map((c) => trailingStored(c, slot)));

/**
 * Writes the guild $1's MemberTrailingTotal rows at anchor $2 (coversFrom $3): both slots'
 * totals per member, read as the analytics read those windows from the running totals, the
 * ends from hourly rollups only (the anchor is a whole hour the rollups reach, so no raw rows;
 * hourly, so each platform's hours are exact hour counts). Members with nothing in either
 * window get no row.
 */
const insertGuild = async (
  db: Queryable,
  guildId: string,
  anchor: Date,
): Promise<{ sql: string; values: unknown[] }> => {
  const windows = slots.map((slot) => trailingSlotRange(anchor, slot));
  const coversFrom = trailingSlotRange(anchor, 1).from;
  const plans = await getTotalsPlans(db, guildId, windows, { trailing: false, daily: false });
  const params = createSqlParams([guildId, anchor, coversFrom]);
  const ends = windowsEndsSql(plans, (rest, signs) => {
    const row = (value: Record<MemberTotalColumn, string>) =>
      slots
        .flatMap((slot, w) =>
          memberTotalColumns.map(
            (c) => `${signedSql(signs[w] ?? 0, value[c])} AS "${trailingStored(c, slot)}"`,
          ),
        )
        .join(', ');
    return `SELECT p."userId", ${row(presenceValue)}
      FROM (${presencePiecesSql(rest, params, '$1')}) p
      UNION ALL
      SELECT a."userId", ${row(activityValue)}
      FROM (${activityPiecesSql(rest, params, '$1')}) a`;
  });
  const sums = memberSumsSql(
    windowsTotalsSql(
      plans.map((plan, w) => ({
        range: plan.totals,
        columns: Object.fromEntries(
          memberTotalColumns.map((c) => [trailingStored(c, slots[w] ?? 0), c]),
        ),
      })),
      params,
      '$1',
    ),
    ends,
    outputs,
  );
  const list = outputs.map((c) => `"${c}"`).join(', ');
  const sql = `INSERT INTO "MemberTrailingTotal" ("guildId", anchor, "coversFrom", "userId", ${list})
    SELECT $1, $2, $3, s."userId", ${outputs.map((c) => `s."${c}"`).join(', ')}
    FROM (${sums}) s
    WHERE ${outputs.map((c) => `s."${c}" <> 0`).join(' OR ')}`;
  return { sql, values: params.values };
};

/**
 * Sets slot 0's message timing on the guild $1's rows at anchor $2 (written just before): the
 * timing of the slot's rollup pieces, summed per member as the suspicion analytic sums a
 * window's pieces, so the slot is one piece of it.
 */
const updateTiming = async (
  db: Queryable,
  guildId: string,
  anchor: Date,
): Promise<{ sql: string; values: unknown[] }> => {
  const params = createSqlParams([guildId, anchor]);
  const plan = planRollupWindows([trailingSlotRange(anchor, 0)], await getRolledUntil(db));
  const sql = `UPDATE "MemberTrailingTotal" m
    SET "firstMessageAt" = s."firstAt", "lastMessageAt" = s."lastAt", "messageGaps" = s.n::int,
      "gapSeconds" = s.s, "gapSquares" = s.q
    FROM (${timingSumsSql(messageTimingPiecesSql(plan, params, '$1'))}) s
    WHERE m."guildId" = $1 AND m.anchor = $2 AND m."userId" = s."userId"`;
  return { sql, values: params.values };
};

/**
 * Brings MemberTrailingTotal to `anchor` (a whole hour the rollups reach and no longer redo):
 * when it moved, each guild's rows for it are written in the guild's own transaction, and its
 * rows older than the previous anchor deleted — a reader that planned with the previous anchor
 * still finds its rows. A guild whose rows retention deleted gets them again at the next
 * anchor. Resolves to the guilds written.
 */
export const rollTrailingTotals = async (
  db: Database,
  options: { anchor: Date },
): Promise<number> => {
  const previous = await getRolledUntil(db, TRAILING_TOTALS_STATE_NAME);
  if (previous && previous.getTime() === options.anchor.getTime()) return 0;
  const guilds = await db.query<{ id: string }>(
    `SELECT g.id FROM "Guild" g
     WHERE EXISTS (SELECT 1 FROM "MemberDayTotal" t WHERE t."guildId" = g.id) ORDER BY 1`,
  );
  for (const { id } of guilds) {
    await db.transaction(async (tx) => {
      await lockRollups(tx);
      const insert = await insertGuild(tx, id, options.anchor);
      await tx.query(
        `DELETE FROM "MemberTrailingTotal" WHERE "guildId" = $1
           AND (anchor = $2 OR anchor < COALESCE($3, $2))`,
        [id, options.anchor, previous],
      );
      await tx.query(insert.sql, insert.values);
      const timing = await updateTiming(tx, id, options.anchor);
      await tx.query(timing.sql, timing.values);
    });
  }
  await setRolledUntil(db, options.anchor, TRAILING_TOTALS_STATE_NAME);
  // The new anchor's rows are every row the analytics read next, and until statistics name
  // that anchor the planner expects a handful of them (then nested loops over 40,000).
  if (guilds.length > 0) await db.query(`ANALYZE "MemberTrailingTotal"`);
  return guilds.length;
};
