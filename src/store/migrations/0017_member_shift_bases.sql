CREATE TABLE "MemberShiftBase" (
	"guildId" text NOT NULL,
	"endsAt" timestamp with time zone NOT NULL,
	"coversFrom" timestamp with time zone NOT NULL,
	"userId" text NOT NULL,
	"rules" text NOT NULL,
	"score" smallint NOT NULL,
	"discordId" text NOT NULL,
	"messagesBefore" integer NOT NULL,
	"messagesNow" integer NOT NULL,
	"typingBefore" integer NOT NULL,
	"typingNow" integer NOT NULL,
	"platformsBefore" smallint NOT NULL,
	"platformsNow" smallint NOT NULL,
	"latePlatformsBefore" smallint NOT NULL,
	"latePlatformsNow" smallint NOT NULL,
	CONSTRAINT "MemberShiftBase_guildId_endsAt_userId_pk" PRIMARY KEY("guildId","endsAt","userId")
);
--> statement-breakpoint
ALTER TABLE "MemberShiftBase" ADD CONSTRAINT "MemberShiftBase_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "MemberShiftBase" ADD CONSTRAINT "MemberShiftBase_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "MemberShiftBase_ranking_idx" ON "MemberShiftBase" USING btree ("guildId","endsAt","rules","score" DESC NULLS FIRST,"discordId");