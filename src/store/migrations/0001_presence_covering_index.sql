-- The seed's presence history indexes, (userId, timestamp), idx_presence_user_time and
-- idx_presence_covering, as one: DESC NULLS FIRST so that ORDER BY "timestamp" DESC uses it,
-- INCLUDE so that status and platform reads need no heap visit. Drizzle cannot express INCLUDE.
CREATE INDEX "idx_presence_covering" ON "Presence" USING btree ("userId", "timestamp" DESC NULLS FIRST) INCLUDE ("status", "clientStatus");
