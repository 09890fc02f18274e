-- Per member, the totals of the two 7-day windows ending at the rollup job's last settled hour
-- (MemberTrailingTotal): the default window of the per-member analytics is one row per member
-- plus an hour or two at each end. Filled by the next rollup run after the upgrade.
CREATE TABLE "MemberTrailingTotal" (
	"guildId" text NOT NULL,
	"anchor" timestamp with time zone NOT NULL,
	"coversFrom" timestamp with time zone NOT NULL,
	"userId" text NOT NULL,
	"snapshots" integer NOT NULL,
	"nonOfflineSnapshots" integer NOT NULL,
	"multiClientSnapshots" integer NOT NULL,
	"multiKeySnapshots" integer NOT NULL,
	"messages" integer NOT NULL,
	"typing" integer NOT NULL,
	"reactions" integer NOT NULL,
	"desktopHours" integer NOT NULL,
	"mobileHours" integer NOT NULL,
	"webHours" integer NOT NULL,
	"embeddedHours" integer NOT NULL,
	"snapshotsBefore" integer NOT NULL,
	"nonOfflineSnapshotsBefore" integer NOT NULL,
	"multiClientSnapshotsBefore" integer NOT NULL,
	"multiKeySnapshotsBefore" integer NOT NULL,
	"messagesBefore" integer NOT NULL,
	"typingBefore" integer NOT NULL,
	"reactionsBefore" integer NOT NULL,
	"desktopHoursBefore" integer NOT NULL,
	"mobileHoursBefore" integer NOT NULL,
	"webHoursBefore" integer NOT NULL,
	"embeddedHoursBefore" integer NOT NULL,
	CONSTRAINT "MemberTrailingTotal_guildId_anchor_userId_pk" PRIMARY KEY("guildId","anchor","userId")
);
--> statement-breakpoint
ALTER TABLE "MemberTrailingTotal" ADD CONSTRAINT "MemberTrailingTotal_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "MemberTrailingTotal" ADD CONSTRAINT "MemberTrailingTotal_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;