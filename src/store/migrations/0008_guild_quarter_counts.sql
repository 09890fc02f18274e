CREATE TABLE "GuildQuarterCount" (
	"guildId" text NOT NULL,
	"kind" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "GuildQuarterCount_guildId_kind_bucket_pk" PRIMARY KEY("guildId","kind","bucket"),
	CONSTRAINT "GuildQuarterCount_kind_check" CHECK ("GuildQuarterCount"."kind" IN ('messages', 'typing', 'presence'))
);
--> statement-breakpoint
ALTER TABLE "GuildQuarterCount" ADD CONSTRAINT "GuildQuarterCount_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;