CREATE TABLE "ManagedGuild" (
	"userId" text NOT NULL,
	"guildId" text NOT NULL,
	"owner" boolean DEFAULT false NOT NULL,
	"permissions" text NOT NULL,
	"refreshedAt" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ManagedGuild_userId_guildId_pk" PRIMARY KEY("userId","guildId")
);
--> statement-breakpoint
ALTER TABLE "ManagedGuild" ADD CONSTRAINT "ManagedGuild_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ManagedGuild_guildId_idx" ON "ManagedGuild" USING btree ("guildId");