import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedNow } from './columns.ts';

/**
 * The gateway session of one shard, written in the same transaction as each committed batch,
 * so a restarted bot RESUMEs from the last stored event and Discord replays the rest.
 */
export const gatewaySessions = pgTable('GatewaySession', {
  shardId: integer('shardId').primaryKey(),
  shardCount: integer('shardCount').notNull(),
  sessionId: text('sessionId').notNull(),
  resumeUrl: text('resumeUrl').notNull(),
  /** The last sequence number whose dispatch is committed to the store. */
  sequence: integer('sequence').notNull(),
  updatedAt: updatedNow(),
});
