-- Presence, Message and TypingEvent become partitioned by week (Monday 00:00 UTC) on
-- "timestamp", so retention drops a whole week instead of deleting its rows one by one. Each
-- table is renamed aside, recreated partitioned (the key now includes "timestamp", as
-- PostgreSQL requires), given a DEFAULT partition for rows outside the weekly ones, weekly
-- partitions from its oldest row (at most two years back; older rows go to DEFAULT) to four
-- weeks ahead, its rows, then its indexes and foreign keys; the old table is dropped.
-- Partitions are named "<table>_p<YYYYMMDD of the Monday>" (src/privacy/partition-policy.ts).
ALTER TABLE "Presence" RENAME TO "Presence_unpartitioned";--> statement-breakpoint
ALTER TABLE "Presence_unpartitioned" RENAME CONSTRAINT "Presence_pkey" TO "Presence_unpartitioned_pkey";--> statement-breakpoint
DROP INDEX "idx_presence_status";--> statement-breakpoint
DROP INDEX "idx_presence_timestamp";--> statement-breakpoint
DROP INDEX "Presence_guildId_timestamp_idx";--> statement-breakpoint
DROP INDEX "idx_presence_covering";--> statement-breakpoint
CREATE TABLE "Presence" (
	"id" text DEFAULT gen_random_uuid()::text NOT NULL,
	"guildId" text NOT NULL,
	"userId" text NOT NULL,
	"status" text NOT NULL,
	"clientStatus" jsonb,
	"activities" jsonb,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "Presence_status_check" CHECK ("Presence"."status" IN ('online', 'idle', 'dnd', 'offline')),
	CONSTRAINT "Presence_id_timestamp_pk" PRIMARY KEY("id","timestamp")
) PARTITION BY RANGE ("timestamp");--> statement-breakpoint
CREATE TABLE "Presence_default" PARTITION OF "Presence" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
	week timestamptz;
	last_week timestamptz := date_trunc('week', now(), 'UTC') + interval '28 days';
BEGIN
	SELECT date_trunc('week', min("timestamp"), 'UTC') INTO week FROM "Presence_unpartitioned";
	week := coalesce(week, date_trunc('week', now(), 'UTC'));
	week := greatest(week, date_trunc('week', now() - interval '2 years', 'UTC'));
	week := least(week, date_trunc('week', now(), 'UTC'));
	WHILE week <= last_week LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF "Presence" FOR VALUES FROM (%L) TO (%L)',
			'Presence_p' || to_char(week AT TIME ZONE 'UTC', 'YYYYMMDD'), week, week + interval '168 hours');
		week := week + interval '168 hours';
	END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "Presence" ("id", "guildId", "userId", "status", "clientStatus", "activities", "timestamp") SELECT "id", "guildId", "userId", "status", "clientStatus", "activities", "timestamp" FROM "Presence_unpartitioned";--> statement-breakpoint
DROP TABLE "Presence_unpartitioned";--> statement-breakpoint
CREATE INDEX "idx_presence_status" ON "Presence" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_presence_timestamp" ON "Presence" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "Presence_guildId_timestamp_idx" ON "Presence" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "idx_presence_covering" ON "Presence" USING btree ("userId", "timestamp" DESC NULLS FIRST) INCLUDE ("status", "clientStatus");--> statement-breakpoint
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Message" RENAME TO "Message_unpartitioned";--> statement-breakpoint
ALTER TABLE "Message_unpartitioned" RENAME CONSTRAINT "Message_pkey" TO "Message_unpartitioned_pkey";--> statement-breakpoint
DROP INDEX "idx_message_user_time";--> statement-breakpoint
DROP INDEX "Message_channelId_idx";--> statement-breakpoint
DROP INDEX "Message_guildId_timestamp_idx";--> statement-breakpoint
DROP INDEX "idx_message_timestamp";--> statement-breakpoint
CREATE TABLE "Message" (
	"id" text DEFAULT gen_random_uuid()::text NOT NULL,
	"userId" text NOT NULL,
	"channelId" text NOT NULL,
	"guildId" text NOT NULL,
	"content" text,
	"length" integer DEFAULT 0 NOT NULL,
	"attachments" jsonb,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"editedAt" timestamp with time zone,
	"deletedAt" timestamp with time zone,
	CONSTRAINT "Message_id_timestamp_pk" PRIMARY KEY("id","timestamp")
) PARTITION BY RANGE ("timestamp");--> statement-breakpoint
CREATE TABLE "Message_default" PARTITION OF "Message" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
	week timestamptz;
	last_week timestamptz := date_trunc('week', now(), 'UTC') + interval '28 days';
BEGIN
	SELECT date_trunc('week', min("timestamp"), 'UTC') INTO week FROM "Message_unpartitioned";
	week := coalesce(week, date_trunc('week', now(), 'UTC'));
	week := greatest(week, date_trunc('week', now() - interval '2 years', 'UTC'));
	week := least(week, date_trunc('week', now(), 'UTC'));
	WHILE week <= last_week LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF "Message" FOR VALUES FROM (%L) TO (%L)',
			'Message_p' || to_char(week AT TIME ZONE 'UTC', 'YYYYMMDD'), week, week + interval '168 hours');
		week := week + interval '168 hours';
	END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "Message" ("id", "userId", "channelId", "guildId", "content", "length", "attachments", "timestamp", "editedAt", "deletedAt") SELECT "id", "userId", "channelId", "guildId", "content", "length", "attachments", "timestamp", "editedAt", "deletedAt" FROM "Message_unpartitioned";--> statement-breakpoint
DROP TABLE "Message_unpartitioned";--> statement-breakpoint
CREATE INDEX "idx_message_user_time" ON "Message" USING btree ("userId","timestamp" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "Message_channelId_idx" ON "Message" USING btree ("channelId");--> statement-breakpoint
CREATE INDEX "Message_guildId_timestamp_idx" ON "Message" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "idx_message_timestamp" ON "Message" USING btree ("timestamp");--> statement-breakpoint
ALTER TABLE "Message" ADD CONSTRAINT "Message_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Message" ADD CONSTRAINT "Message_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "TypingEvent" RENAME TO "TypingEvent_unpartitioned";--> statement-breakpoint
ALTER TABLE "TypingEvent_unpartitioned" RENAME CONSTRAINT "TypingEvent_pkey" TO "TypingEvent_unpartitioned_pkey";--> statement-breakpoint
DROP INDEX "TypingEvent_guildId_timestamp_idx";--> statement-breakpoint
DROP INDEX "TypingEvent_userId_timestamp_idx";--> statement-breakpoint
CREATE TABLE "TypingEvent" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"guildId" text NOT NULL,
	"channelId" text NOT NULL,
	"userId" text NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "TypingEvent_id_timestamp_pk" PRIMARY KEY("id","timestamp")
) PARTITION BY RANGE ("timestamp");--> statement-breakpoint
CREATE TABLE "TypingEvent_default" PARTITION OF "TypingEvent" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
	week timestamptz;
	last_week timestamptz := date_trunc('week', now(), 'UTC') + interval '28 days';
BEGIN
	SELECT date_trunc('week', min("timestamp"), 'UTC') INTO week FROM "TypingEvent_unpartitioned";
	week := coalesce(week, date_trunc('week', now(), 'UTC'));
	week := greatest(week, date_trunc('week', now() - interval '2 years', 'UTC'));
	week := least(week, date_trunc('week', now(), 'UTC'));
	WHILE week <= last_week LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF "TypingEvent" FOR VALUES FROM (%L) TO (%L)',
			'TypingEvent_p' || to_char(week AT TIME ZONE 'UTC', 'YYYYMMDD'), week, week + interval '168 hours');
		week := week + interval '168 hours';
	END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "TypingEvent" ("id", "guildId", "channelId", "userId", "timestamp") SELECT "id", "guildId", "channelId", "userId", "timestamp" FROM "TypingEvent_unpartitioned";--> statement-breakpoint
DROP TABLE "TypingEvent_unpartitioned";--> statement-breakpoint
CREATE INDEX "TypingEvent_guildId_timestamp_idx" ON "TypingEvent" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "TypingEvent_userId_timestamp_idx" ON "TypingEvent" USING btree ("userId","timestamp");--> statement-breakpoint
ALTER TABLE "TypingEvent" ADD CONSTRAINT "TypingEvent_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "TypingEvent" ADD CONSTRAINT "TypingEvent_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;
