-- Slot 0's message timing in MemberTrailingTotal (suspicion's regularity). Rows written before
-- it have none: they are dropped, with the job's watermark, and written again at its next run.
ALTER TABLE "MemberTrailingTotal" ADD COLUMN "firstMessageAt" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "MemberTrailingTotal" ADD COLUMN "lastMessageAt" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "MemberTrailingTotal" ADD COLUMN "messageGaps" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "MemberTrailingTotal" ADD COLUMN "gapSeconds" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "MemberTrailingTotal" ADD COLUMN "gapSquares" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
DELETE FROM "MemberTrailingTotal";--> statement-breakpoint
DELETE FROM "RollupState" WHERE name = 'member-trailing-totals';
