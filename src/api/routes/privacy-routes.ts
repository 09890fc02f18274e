import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../access/principal.ts';
import { AppError } from '../../errors/app-error.ts';
import type { PolicySignal } from '../../privacy/policy-signal.ts';
import { retentionRules, toDefaultDays } from '../../privacy/retention-policy.ts';
import { getUser } from '../../store/access/get-user.ts';
import { insertAuditLog } from '../../store/access/insert-audit-log.ts';
import type { Database } from '../../store/database.ts';
import { type EraseCounts, eraseMember } from '../../store/privacy/erase-member.ts';
import { exportMember } from '../../store/privacy/export-member.ts';
import { getOptOutState, optInMember, optOutMember } from '../../store/privacy/opt-out-member.ts';
import { summarizeMember } from '../../store/privacy/summarize-member.ts';
import { type AuthContext, audit } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { bearerSecurity, errorSchema } from './access-schemas.ts';

const countsSchema = z.record(z.string(), z.number().int());

const optOutSchema = z.object({
  everywhere: z.boolean().describe('Collection is stopped in every guild.'),
  guildIds: z.array(z.string()).describe('Guilds opted out of one by one.'),
});

const meSchema = z.object({
  discordId: z.string(),
  optOut: optOutSchema,
  held: z
    .array(z.object({ table: z.string(), guildId: z.string().nullable(), rows: z.number().int() }))
    .describe('Rows held about you, per table and guild (guildId null: not about one guild).'),
  retentionDays: z
    .record(z.string(), z.number().int())
    .describe('Default days kept per kind; a guild may override them.'),
  auditLogDays: z.number().int(),
});

const erasedSchema = z.object({
  removed: countsSchema.describe('Rows deleted per table.'),
  cleared: countsSchema.describe('Rows about others in which your id (as the actor) was erased.'),
  optedOut: z.boolean(),
});

const exportSchema = z.object({
  discordId: z.string(),
  generatedAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

const deleteBody = z.object({
  confirm: z.literal(true).describe('Must be true: erasure cannot be undone.'),
});

/**
 * `/api/v1/privacy/*`: the logged-in member's own data — what is held, an export, opt-out,
 * opt-in and erasure. Opt-out and erasure remove the caller's account too (sessions, keys),
 * so the access token stops working; every action is audited.
 */
export const privacyRoutes =
  (context: AuthContext, db: Database, signal?: PolicySignal): FastifyPluginAsyncZod =>
  async (app) => {
    /** The member's own Discord id; a member acts here in person, never through an API key. */
    const callerDiscordId = async (principal: Principal): Promise<string> => {
      if (principal.via !== 'session') {
        throw new AppError('FORBIDDEN', 'Privacy actions need a dashboard login, not an API key.');
      }
      const user = await getUser(context.orm, principal.userId);
      if (!user) throw new AppError('SESSION_REVOKED');
      return user.discordId;
    };
    /** Erasure is audited without the caller's address or agent: only that it happened. */
    const auditErasure = (action: string, discordId: string, counts: EraseCounts) =>
      insertAuditLog(context.orm, {
        userId: null,
        action,
        resource: 'member',
        resourceId: discordId,
        details: { via: 'api', removed: counts.removed, cleared: counts.cleared },
        ipAddress: null,
        userAgent: null,
        timestamp: context.now(),
      });
    const common = { tags: ['privacy'], security: bearerSecurity };
    const errors = { 401: errorSchema, 403: errorSchema };

    app.get(
      '/api/v1/privacy/me',
      {
        schema: {
          ...common,
          summary: 'What is held about you: row counts per table and guild, opt-out, retention.',
          response: { 200: meSchema, ...errors },
        },
      },
      async (request) => {
        const discordId = await callerDiscordId(getPrincipal(request));
        return {
          discordId,
          optOut: await getOptOutState(db, discordId),
          held: await summarizeMember(db, discordId),
          retentionDays: toDefaultDays(),
          auditLogDays: retentionRules.auditLogDays,
        };
      },
    );

    app.get(
      '/api/v1/privacy/export',
      {
        schema: {
          ...common,
          summary:
            'Everything held about you in every guild, as one JSON document streamed page by page (no token or key hashes).',
          response: { 200: exportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const principal = getPrincipal(request);
        const discordId = await callerDiscordId(principal);
        await audit(context, request, {
          userId: principal.userId,
          action: 'privacy.export',
          resource: 'member',
          resourceId: discordId,
        });
        return (
          reply
            .type('application/json; charset=utf-8')
            .header('content-disposition', `attachment; filename="spywatcher-${discordId}.json"`)
            // A stream skips the response serializer; the schema above documents its shape.
            .send(Readable.from(exportMember(db, discordId, context.now())) as never)
        );
      },
    );

    app.post(
      '/api/v1/privacy/opt-out',
      {
        schema: {
          ...common,
          summary:
            'Stop collection about you in every guild and delete what is held; only a suppression marker with your Discord id stays.',
          response: { 200: erasedSchema, ...errors },
        },
      },
      async (request) => {
        const discordId = await callerDiscordId(getPrincipal(request));
        const counts = await optOutMember(db, discordId, context.now());
        await signal?.notify();
        await auditErasure('privacy.opt_out', discordId, counts);
        return { ...counts, optedOut: true };
      },
    );

    app.post(
      '/api/v1/privacy/opt-in',
      {
        schema: {
          ...common,
          summary: 'Allow collection about you again (removes your opt-out markers).',
          response: {
            200: z.object({ optedOut: z.literal(false), removedMarkers: z.number().int() }),
            ...errors,
          },
        },
      },
      async (request) => {
        const principal = getPrincipal(request);
        const discordId = await callerDiscordId(principal);
        const removedMarkers = await optInMember(db, discordId);
        await signal?.notify();
        await audit(context, request, {
          userId: principal.userId,
          action: 'privacy.opt_in',
          resource: 'member',
          resourceId: discordId,
        });
        return { optedOut: false as const, removedMarkers };
      },
    );

    app.post(
      '/api/v1/privacy/delete',
      {
        schema: {
          ...common,
          summary:
            'Erase everything held about you (the audit log keeps only that an erasure happened). Collection resumes unless you opted out.',
          body: deleteBody,
          response: { 200: erasedSchema, 400: errorSchema, ...errors },
        },
      },
      async (request) => {
        const discordId = await callerDiscordId(getPrincipal(request));
        const counts = await eraseMember(db, discordId);
        const { everywhere } = await getOptOutState(db, discordId);
        await auditErasure('privacy.erase', discordId, counts);
        return { ...counts, optedOut: everywhere };
      },
    );
  };
