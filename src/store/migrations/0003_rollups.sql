CREATE TABLE "ActivityRollup" (
	"guildId" text NOT NULL,
	"bucketHours" smallint NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"userId" text NOT NULL,
	"channelId" text NOT NULL,
	"messages" integer NOT NULL,
	"typing" integer NOT NULL,
	"reactions" integer NOT NULL,
	"firstMessageAt" timestamp with time zone,
	"lastMessageAt" timestamp with time zone,
	"messageGaps" integer NOT NULL,
	"gapSeconds" numeric NOT NULL,
	"gapSquares" numeric NOT NULL,
	CONSTRAINT "ActivityRollup_guildId_bucketHours_bucket_userId_channelId_pk" PRIMARY KEY("guildId","bucketHours","bucket","userId","channelId"),
	CONSTRAINT "ActivityRollup_bucketHours_check" CHECK ("ActivityRollup"."bucketHours" IN (1, 24))
);
--> statement-breakpoint
CREATE TABLE "PresenceComboRollup" (
	"guildId" text NOT NULL,
	"bucketHours" smallint NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"userId" text NOT NULL,
	"platformsMask" smallint NOT NULL,
	"snapshots" integer NOT NULL,
	CONSTRAINT "PresenceComboRollup_guildId_bucketHours_bucket_userId_platformsMask_pk" PRIMARY KEY("guildId","bucketHours","bucket","userId","platformsMask"),
	CONSTRAINT "PresenceComboRollup_bucketHours_check" CHECK ("PresenceComboRollup"."bucketHours" IN (1, 24))
);
--> statement-breakpoint
CREATE TABLE "PresenceRollup" (
	"guildId" text NOT NULL,
	"bucketHours" smallint NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"userId" text NOT NULL,
	"snapshots" integer NOT NULL,
	"nonOfflineSnapshots" integer NOT NULL,
	"multiClientSnapshots" integer NOT NULL,
	"multiKeySnapshots" integer NOT NULL,
	"platformsMask" smallint NOT NULL,
	"firstAt" timestamp with time zone NOT NULL,
	"lastAt" timestamp with time zone NOT NULL,
	"lastOnline" boolean NOT NULL,
	"firstOnlineAt" timestamp with time zone,
	"lastOnlineAt" timestamp with time zone,
	"firstMultiAt" timestamp with time zone,
	"lastMultiAt" timestamp with time zone,
	"innerOnlineMicros" bigint NOT NULL,
	CONSTRAINT "PresenceRollup_guildId_bucketHours_bucket_userId_pk" PRIMARY KEY("guildId","bucketHours","bucket","userId"),
	CONSTRAINT "PresenceRollup_bucketHours_check" CHECK ("PresenceRollup"."bucketHours" IN (1, 24))
);
--> statement-breakpoint
CREATE TABLE "RollupState" (
	"name" text PRIMARY KEY NOT NULL,
	"rolledUntil" timestamp with time zone NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ActivityRollup" ADD CONSTRAINT "ActivityRollup_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ActivityRollup" ADD CONSTRAINT "ActivityRollup_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "PresenceComboRollup" ADD CONSTRAINT "PresenceComboRollup_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "PresenceComboRollup" ADD CONSTRAINT "PresenceComboRollup_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "PresenceRollup" ADD CONSTRAINT "PresenceRollup_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "PresenceRollup" ADD CONSTRAINT "PresenceRollup_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;