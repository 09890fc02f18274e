CREATE TABLE "MemberDayTotal" (
	"guildId" text NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"userId" text NOT NULL,
	"snapshots" integer NOT NULL,
	"nonOfflineSnapshots" integer NOT NULL,
	"multiClientSnapshots" integer NOT NULL,
	"multiKeySnapshots" integer NOT NULL,
	"messages" integer NOT NULL,
	"typing" integer NOT NULL,
	"reactions" integer NOT NULL,
	CONSTRAINT "MemberDayTotal_guildId_day_userId_pk" PRIMARY KEY("guildId","day","userId")
);
--> statement-breakpoint
ALTER TABLE "MemberDayTotal" ADD CONSTRAINT "MemberDayTotal_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "MemberDayTotal" ADD CONSTRAINT "MemberDayTotal_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "PresenceComboRollup_guildId_userId_idx" ON "PresenceComboRollup" USING btree ("guildId","userId","bucketHours","bucket");--> statement-breakpoint
CREATE INDEX "PresenceRollup_guildId_userId_idx" ON "PresenceRollup" USING btree ("guildId","userId","bucketHours","bucket");