CREATE TABLE "ChannelHourCount" (
	"guildId" text NOT NULL,
	"kind" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"channelId" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "ChannelHourCount_guildId_kind_bucket_channelId_pk" PRIMARY KEY("guildId","kind","bucket","channelId"),
	CONSTRAINT "ChannelHourCount_kind_check" CHECK ("ChannelHourCount"."kind" IN ('messages', 'typing'))
);
--> statement-breakpoint
ALTER TABLE "ChannelHourCount" ADD CONSTRAINT "ChannelHourCount_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The rollup job writes these with the guild quarter-hour counts, under their watermark: forget
-- it, so that its next run counts every stored event into both (the quarter counts come out the
-- same), and the analytics read raw rows for whatever is not counted again yet.
DELETE FROM "RollupState" WHERE name = 'guild-quarter-counts';
