CREATE TABLE "MemberSuspicionBase" (
	"guildId" text NOT NULL,
	"endsAt" timestamp with time zone NOT NULL,
	"coversFrom" timestamp with time zone NOT NULL,
	"userId" text NOT NULL,
	"scoring" text NOT NULL,
	"total" integer NOT NULL,
	"presenceCount" integer NOT NULL,
	"snapshots" integer NOT NULL,
	"multiClientSnapshots" integer NOT NULL,
	"messages" integer NOT NULL,
	"previousMessages" integer NOT NULL,
	"typing" integer NOT NULL,
	"previousTyping" integer NOT NULL,
	"reactions" integer NOT NULL,
	"accountAgeAtJoinMs" double precision,
	"gapVariation" double precision,
	CONSTRAINT "MemberSuspicionBase_guildId_endsAt_userId_pk" PRIMARY KEY("guildId","endsAt","userId")
);
--> statement-breakpoint
ALTER TABLE "MemberSuspicionBase" ADD CONSTRAINT "MemberSuspicionBase_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "MemberSuspicionBase" ADD CONSTRAINT "MemberSuspicionBase_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "MemberSuspicionBase_guildId_endsAt_total_idx" ON "MemberSuspicionBase" USING btree ("guildId","endsAt","total");