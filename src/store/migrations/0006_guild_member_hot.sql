DROP INDEX "idx_presence_status";--> statement-breakpoint
DROP INDEX "GuildMember_guildId_status_idx";--> statement-breakpoint
-- Hand-added (Drizzle cannot say WITH (fillfactor)): room on each page for HOT updates of the
-- members' current presence. Applies to pages written from now on.
ALTER TABLE "GuildMember" SET (fillfactor = 80);
