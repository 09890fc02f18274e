CREATE TABLE "AuditLogArchive" (
	"id" text PRIMARY KEY NOT NULL,
	"userId" text,
	"action" text NOT NULL,
	"guildId" text,
	"resource" text,
	"resourceId" text,
	"details" jsonb,
	"ipAddress" text,
	"userAgent" text,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"archivedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "AuditLog" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"userId" text,
	"action" text NOT NULL,
	"guildId" text,
	"resource" text,
	"resourceId" text,
	"details" jsonb,
	"ipAddress" text,
	"userAgent" text,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ApiKey" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"key" text NOT NULL,
	"prefix" text DEFAULT '' NOT NULL,
	"userId" text NOT NULL,
	"name" text,
	"tier" text DEFAULT 'FREE' NOT NULL,
	"quota" jsonb NOT NULL,
	"isActive" boolean DEFAULT true NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"expiresAt" timestamp with time zone,
	"lastUsedAt" timestamp with time zone,
	CONSTRAINT "ApiKey_key_key" UNIQUE("key"),
	CONSTRAINT "ApiKey_tier_check" CHECK ("ApiKey"."tier" IN ('FREE', 'PRO', 'ENTERPRISE'))
);
--> statement-breakpoint
CREATE TABLE "QuotaUsage" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"apiKeyId" text NOT NULL,
	"endpoint" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"date" date DEFAULT CURRENT_DATE NOT NULL,
	CONSTRAINT "QuotaUsage_apiKeyId_endpoint_date_key" UNIQUE("apiKeyId","endpoint","date")
);
--> statement-breakpoint
CREATE TABLE "RefreshToken" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"userId" text NOT NULL,
	"token" text NOT NULL,
	"sessionId" text,
	"familyId" text NOT NULL,
	"expiresAt" timestamp with time zone NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"rotatedAt" timestamp with time zone,
	"revokedAt" timestamp with time zone,
	CONSTRAINT "RefreshToken_token_key" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "Session" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"userId" text NOT NULL,
	"token" text NOT NULL,
	"ipAddress" text,
	"userAgent" text,
	"expiresAt" timestamp with time zone NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"lastUsedAt" timestamp with time zone,
	"revokedAt" timestamp with time zone,
	CONSTRAINT "Session_token_key" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "MemberEvent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guildId" text NOT NULL,
	"userId" text NOT NULL,
	"type" text NOT NULL,
	"accountCreatedAt" timestamp with time zone NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "MemberEvent_type_check" CHECK ("MemberEvent"."type" IN ('join', 'leave'))
);
--> statement-breakpoint
CREATE TABLE "Message" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"userId" text NOT NULL,
	"channelId" text NOT NULL,
	"guildId" text NOT NULL,
	"content" text,
	"length" integer DEFAULT 0 NOT NULL,
	"attachments" jsonb,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"editedAt" timestamp with time zone,
	"deletedAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "Presence" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"guildId" text NOT NULL,
	"userId" text NOT NULL,
	"status" text NOT NULL,
	"clientStatus" jsonb,
	"activities" jsonb,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "Presence_status_check" CHECK ("Presence"."status" IN ('online', 'idle', 'dnd', 'offline'))
);
--> statement-breakpoint
CREATE TABLE "ReactionEvent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guildId" text NOT NULL,
	"channelId" text NOT NULL,
	"messageId" text NOT NULL,
	"userId" text NOT NULL,
	"emoji" text NOT NULL,
	"action" text NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ReactionEvent_action_check" CHECK ("ReactionEvent"."action" IN ('added', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "ReactionLatency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guildId" text NOT NULL,
	"channelId" text NOT NULL,
	"userId" text NOT NULL,
	"targetUserId" text NOT NULL,
	"messageId" text NOT NULL,
	"latencyMs" integer NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ReactionLatency_latencyMs_check" CHECK ("ReactionLatency"."latencyMs" >= 0 AND "ReactionLatency"."latencyMs" < 5000)
);
--> statement-breakpoint
CREATE TABLE "RoleChange" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"guildId" text NOT NULL,
	"userId" text NOT NULL,
	"roleId" text NOT NULL,
	"action" text NOT NULL,
	"actorId" text,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "RoleChange_action_check" CHECK ("RoleChange"."action" IN ('added', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "TypingEvent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guildId" text NOT NULL,
	"channelId" text NOT NULL,
	"userId" text NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "VoiceSession" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guildId" text NOT NULL,
	"userId" text NOT NULL,
	"channelId" text NOT NULL,
	"joinedAt" timestamp with time zone NOT NULL,
	"leftAt" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "GatewaySession" (
	"shardId" integer PRIMARY KEY NOT NULL,
	"shardCount" integer NOT NULL,
	"sessionId" text NOT NULL,
	"resumeUrl" text NOT NULL,
	"sequence" integer NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "GuildMember" (
	"guildId" text NOT NULL,
	"userId" text NOT NULL,
	"nick" text,
	"roleIds" text[],
	"joinedAt" timestamp with time zone,
	"leftAt" timestamp with time zone,
	"status" text DEFAULT 'offline' NOT NULL,
	"clientStatus" jsonb,
	"presenceKey" text,
	"presenceAt" timestamp with time zone,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "GuildMember_guildId_userId_pk" PRIMARY KEY("guildId","userId"),
	CONSTRAINT "GuildMember_status_check" CHECK ("GuildMember"."status" IN ('online', 'idle', 'dnd', 'offline'))
);
--> statement-breakpoint
CREATE TABLE "GuildRole" (
	"id" text PRIMARY KEY NOT NULL,
	"guildId" text NOT NULL,
	"name" text NOT NULL,
	"permissions" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"managed" boolean DEFAULT false NOT NULL,
	"deletedAt" timestamp with time zone,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "GuildSettings" (
	"guildId" text PRIMARY KEY NOT NULL,
	"contentCapture" boolean DEFAULT false NOT NULL,
	"retentionPresenceDays" integer,
	"retentionMessageDays" integer,
	"retentionTypingDays" integer,
	"retentionReactionDays" integer,
	"retentionLatencyDays" integer,
	"retentionMemberEventDays" integer,
	"retentionVoiceDays" integer,
	"retentionRoleChangeDays" integer,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "GuildSettings_retention_check" CHECK (LEAST("GuildSettings"."retentionPresenceDays", "GuildSettings"."retentionMessageDays", "GuildSettings"."retentionTypingDays",
        "GuildSettings"."retentionReactionDays", "GuildSettings"."retentionLatencyDays", "GuildSettings"."retentionMemberEventDays",
        "GuildSettings"."retentionVoiceDays", "GuildSettings"."retentionRoleChangeDays") >= 1)
);
--> statement-breakpoint
CREATE TABLE "Guild" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"icon" text,
	"ownerId" text,
	"memberCount" integer,
	"leftAt" timestamp with time zone,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "BanRecord" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"userId" text NOT NULL,
	"guildId" text NOT NULL,
	"reason" text,
	"bannedBy" text NOT NULL,
	"isActive" boolean DEFAULT true NOT NULL,
	"bannedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"expiresAt" timestamp with time zone,
	"unbannedAt" timestamp with time zone,
	"unbannedBy" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "IpBlock" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"ipAddress" text NOT NULL,
	"reason" text,
	"blockedBy" text NOT NULL,
	"blockedAt" timestamp with time zone DEFAULT now() NOT NULL,
	"expiresAt" timestamp with time zone,
	CONSTRAINT "IpBlock_ipAddress_key" UNIQUE("ipAddress")
);
--> statement-breakpoint
CREATE TABLE "OptOut" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"discordId" text NOT NULL,
	"guildId" text,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "OptOut_discordId_guildId_key" UNIQUE NULLS NOT DISTINCT("discordId","guildId")
);
--> statement-breakpoint
CREATE TABLE "User" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"discordId" text NOT NULL,
	"username" text NOT NULL,
	"discriminator" text NOT NULL,
	"globalName" text,
	"avatar" text,
	"isBot" boolean DEFAULT false NOT NULL,
	"guildId" text,
	"role" text DEFAULT 'USER' NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"updatedAt" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "User_discordId_key" UNIQUE("discordId"),
	CONSTRAINT "User_role_check" CHECK ("User"."role" IN ('USER', 'MODERATOR', 'ADMIN', 'BANNED'))
);
--> statement-breakpoint
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "QuotaUsage" ADD CONSTRAINT "QuotaUsage_apiKeyId_ApiKey_id_fk" FOREIGN KEY ("apiKeyId") REFERENCES "public"."ApiKey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_sessionId_Session_id_fk" FOREIGN KEY ("sessionId") REFERENCES "public"."Session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "MemberEvent" ADD CONSTRAINT "MemberEvent_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "MemberEvent" ADD CONSTRAINT "MemberEvent_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Message" ADD CONSTRAINT "Message_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Message" ADD CONSTRAINT "Message_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ReactionEvent" ADD CONSTRAINT "ReactionEvent_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ReactionEvent" ADD CONSTRAINT "ReactionEvent_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ReactionLatency" ADD CONSTRAINT "ReactionLatency_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ReactionLatency" ADD CONSTRAINT "ReactionLatency_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ReactionLatency" ADD CONSTRAINT "ReactionLatency_targetUserId_User_id_fk" FOREIGN KEY ("targetUserId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "RoleChange" ADD CONSTRAINT "RoleChange_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "RoleChange" ADD CONSTRAINT "RoleChange_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "TypingEvent" ADD CONSTRAINT "TypingEvent_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "TypingEvent" ADD CONSTRAINT "TypingEvent_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "VoiceSession" ADD CONSTRAINT "VoiceSession_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "VoiceSession" ADD CONSTRAINT "VoiceSession_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "GuildMember" ADD CONSTRAINT "GuildMember_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "GuildMember" ADD CONSTRAINT "GuildMember_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "GuildRole" ADD CONSTRAINT "GuildRole_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "GuildSettings" ADD CONSTRAINT "GuildSettings_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "BanRecord" ADD CONSTRAINT "BanRecord_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "BanRecord" ADD CONSTRAINT "BanRecord_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "User" ADD CONSTRAINT "User_guildId_Guild_id_fk" FOREIGN KEY ("guildId") REFERENCES "public"."Guild"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "AuditLogArchive_userId_idx" ON "AuditLogArchive" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "AuditLogArchive_timestamp_idx" ON "AuditLogArchive" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "AuditLog_userId_timestamp_idx" ON "AuditLog" USING btree ("userId","timestamp");--> statement-breakpoint
CREATE INDEX "AuditLog_action_idx" ON "AuditLog" USING btree ("action");--> statement-breakpoint
CREATE INDEX "AuditLog_timestamp_idx" ON "AuditLog" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "AuditLog_ipAddress_idx" ON "AuditLog" USING btree ("ipAddress");--> statement-breakpoint
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "ApiKey_isActive_idx" ON "ApiKey" USING btree ("isActive");--> statement-breakpoint
CREATE INDEX "QuotaUsage_apiKeyId_date_idx" ON "QuotaUsage" USING btree ("apiKeyId","date");--> statement-breakpoint
CREATE INDEX "QuotaUsage_date_idx" ON "QuotaUsage" USING btree ("date");--> statement-breakpoint
CREATE INDEX "RefreshToken_userId_idx" ON "RefreshToken" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "RefreshToken_familyId_idx" ON "RefreshToken" USING btree ("familyId");--> statement-breakpoint
CREATE INDEX "Session_userId_idx" ON "Session" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "Session_expiresAt_idx" ON "Session" USING btree ("expiresAt");--> statement-breakpoint
CREATE INDEX "MemberEvent_guildId_timestamp_idx" ON "MemberEvent" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "MemberEvent_userId_timestamp_idx" ON "MemberEvent" USING btree ("userId","timestamp");--> statement-breakpoint
CREATE INDEX "idx_message_user_time" ON "Message" USING btree ("userId","timestamp" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "Message_channelId_idx" ON "Message" USING btree ("channelId");--> statement-breakpoint
CREATE INDEX "Message_guildId_timestamp_idx" ON "Message" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "idx_message_timestamp" ON "Message" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "idx_presence_status" ON "Presence" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_presence_timestamp" ON "Presence" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "Presence_guildId_timestamp_idx" ON "Presence" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "ReactionEvent_guildId_timestamp_idx" ON "ReactionEvent" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "ReactionEvent_userId_timestamp_idx" ON "ReactionEvent" USING btree ("userId","timestamp");--> statement-breakpoint
CREATE INDEX "ReactionLatency_guildId_timestamp_idx" ON "ReactionLatency" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "ReactionLatency_userId_timestamp_idx" ON "ReactionLatency" USING btree ("userId","timestamp");--> statement-breakpoint
CREATE INDEX "ReactionLatency_targetUserId_idx" ON "ReactionLatency" USING btree ("targetUserId");--> statement-breakpoint
CREATE INDEX "RoleChange_userId_timestamp_idx" ON "RoleChange" USING btree ("userId","timestamp");--> statement-breakpoint
CREATE INDEX "RoleChange_roleId_idx" ON "RoleChange" USING btree ("roleId");--> statement-breakpoint
CREATE INDEX "RoleChange_guildId_timestamp_idx" ON "RoleChange" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "TypingEvent_guildId_timestamp_idx" ON "TypingEvent" USING btree ("guildId","timestamp");--> statement-breakpoint
CREATE INDEX "TypingEvent_userId_timestamp_idx" ON "TypingEvent" USING btree ("userId","timestamp");--> statement-breakpoint
CREATE INDEX "VoiceSession_guildId_joinedAt_idx" ON "VoiceSession" USING btree ("guildId","joinedAt");--> statement-breakpoint
CREATE INDEX "VoiceSession_userId_joinedAt_idx" ON "VoiceSession" USING btree ("userId","joinedAt");--> statement-breakpoint
CREATE INDEX "GuildMember_userId_idx" ON "GuildMember" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "GuildMember_guildId_status_idx" ON "GuildMember" USING btree ("guildId","status");--> statement-breakpoint
CREATE INDEX "GuildRole_guildId_idx" ON "GuildRole" USING btree ("guildId");--> statement-breakpoint
CREATE INDEX "BanRecord_userId_idx" ON "BanRecord" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "BanRecord_guildId_idx" ON "BanRecord" USING btree ("guildId");--> statement-breakpoint
CREATE INDEX "BanRecord_isActive_idx" ON "BanRecord" USING btree ("isActive");--> statement-breakpoint
CREATE INDEX "IpBlock_expiresAt_idx" ON "IpBlock" USING btree ("expiresAt");--> statement-breakpoint
CREATE INDEX "idx_user_guild" ON "User" USING btree ("guildId");--> statement-breakpoint
CREATE INDEX "User_username_idx" ON "User" USING btree ("username");--> statement-breakpoint
CREATE INDEX "User_createdAt_idx" ON "User" USING btree ("createdAt");--> statement-breakpoint
CREATE INDEX "idx_user_username_gin" ON "User" USING gin (to_tsvector('english', "username"));