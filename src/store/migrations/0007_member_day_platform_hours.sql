ALTER TABLE "MemberDayTotal" ADD COLUMN "desktopHours" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "MemberDayTotal" ADD COLUMN "mobileHours" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "MemberDayTotal" ADD COLUMN "webHours" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "MemberDayTotal" ADD COLUMN "embeddedHours" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "ActivityRollup_guildId_userId_idx" ON "ActivityRollup" USING btree ("guildId","userId","bucketHours","bucket");--> statement-breakpoint
-- Hand-added: the rows already there get their platform hours as the rollup job would have
-- written them (each member's running sum, day by day, of the hourly rollups showing each
-- platform). A member's rows start at their first kept day; the analytics only subtract rows.
UPDATE "MemberDayTotal" t
SET "desktopHours" = c.desktop, "mobileHours" = c.mobile, "webHours" = c.web,
  "embeddedHours" = c.embedded
FROM (
  SELECT d."guildId", d.day, d."userId",
    sum(COALESCE(h.desktop, 0)) OVER w AS desktop, sum(COALESCE(h.mobile, 0)) OVER w AS mobile,
    sum(COALESCE(h.web, 0)) OVER w AS web, sum(COALESCE(h.embedded, 0)) OVER w AS embedded
  FROM "MemberDayTotal" d
  LEFT JOIN (
    SELECT "guildId", "userId",
      date_bin('24 hours', bucket, timestamptz '2000-01-01 00:00:00+00') AS day,
      sum("platformsMask" & 1) AS desktop, sum(("platformsMask" >> 1) & 1) AS mobile,
      sum(("platformsMask" >> 2) & 1) AS web, sum(("platformsMask" >> 3) & 1) AS embedded
    FROM "PresenceRollup" WHERE "bucketHours" = 1
    GROUP BY 1, 2, 3
  ) h ON h."guildId" = d."guildId" AND h."userId" = d."userId" AND h.day = d.day
  WINDOW w AS (PARTITION BY d."guildId", d."userId" ORDER BY d.day)
) c
WHERE c."guildId" = t."guildId" AND c.day = t.day AND c."userId" = t."userId";--> statement-breakpoint
-- Hand-added: the update wrote every row again wherever there was room; a day's rows are read
-- together (two days per window), so they are put back in key order, as the job writes them.
CLUSTER "MemberDayTotal" USING "MemberDayTotal_guildId_day_userId_pk";--> statement-breakpoint
ANALYZE "MemberDayTotal";
