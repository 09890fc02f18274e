-- The (guildId, timestamp) indexes of Message and TypingEvent carry the member and the channel,
-- so that the channel analytics (channels, the heatmap's member × channel matrix) read a
-- window's events from the index alone: a heap visit per row only where vacuum has not yet
-- marked the page all-visible. Hand-written: Drizzle cannot express INCLUDE. On the
-- partitioned tables the parent's index builds one on every partition.
DROP INDEX "Message_guildId_timestamp_idx";--> statement-breakpoint
CREATE INDEX "Message_guildId_timestamp_idx" ON "Message" USING btree ("guildId","timestamp") INCLUDE ("userId","channelId");--> statement-breakpoint
DROP INDEX "TypingEvent_guildId_timestamp_idx";--> statement-breakpoint
CREATE INDEX "TypingEvent_guildId_timestamp_idx" ON "TypingEvent" USING btree ("guildId","timestamp") INCLUDE ("userId","channelId");
