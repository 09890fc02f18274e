import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PolicySignal } from '../../privacy/policy-signal.ts';
import {
  MAX_RETENTION_DAYS,
  type RetentionKind,
  retentionKinds,
  toEffectiveDays,
} from '../../privacy/retention-policy.ts';
import type { Database } from '../../store/database.ts';
import { type GuildSettingsRow, getGuildSettings } from '../../store/privacy/get-guild-settings.ts';
import { updateGuildSettings } from '../../store/privacy/update-guild-settings.ts';
import { type AuthContext, audit } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { requireGuild } from '../auth/require-guild.ts';
import { bearerSecurity, errorSchema } from './access-schemas.ts';
import { guildParams } from './analytics-params.ts';

const daysByKind = <T extends z.ZodType>(value: T) =>
  z.object(
    Object.fromEntries(retentionKinds.map((kind) => [kind, value])) as Record<RetentionKind, T>,
  );

const settingsSchema = z.object({
  guildId: z.string(),
  contentCapture: z.boolean().describe('Message content is stored (off by default).'),
  retentionDays: z.object({
    overrides: daysByKind(z.number().int().nullable()).describe(
      'This guild’s own values; null: the default.',
    ),
    effective: daysByKind(z.number().int()).describe('Days actually kept per kind.'),
  }),
  updatedAt: z.string().nullable(),
});

const days = z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable();
const patchBody = z
  .object({
    contentCapture: z.boolean().optional(),
    retentionDays: z
      .object(
        Object.fromEntries(retentionKinds.map((kind) => [kind, days.optional()])) as Record<
          RetentionKind,
          z.ZodOptional<typeof days>
        >,
      )
      .strict()
      .optional()
      .describe(`Days to keep per kind (1–${MAX_RETENTION_DAYS}); null returns to the default.`),
  })
  .strict()
  .refine((body) => body.contentCapture !== undefined || body.retentionDays !== undefined, {
    message: 'nothing to change',
  });

const toResponse = (row: GuildSettingsRow) => ({
  guildId: row.guildId,
  contentCapture: row.contentCapture,
  retentionDays: {
    overrides: Object.fromEntries(
      retentionKinds.map((kind) => [kind, row.retentionDays[kind] ?? null]),
    ) as Record<RetentionKind, number | null>,
    effective: toEffectiveDays(row.retentionDays),
  },
  updatedAt: row.updatedAt?.toISOString() ?? null,
});

/** `GET|PATCH /api/v1/guilds/:guildId/settings`: content capture and retention overrides. */
export const guildSettingsRoutes =
  (context: AuthContext, db: Database, signal?: PolicySignal): FastifyPluginAsyncZod =>
  async (app) => {
    const common = { tags: ['guilds'], security: bearerSecurity, params: guildParams };
    const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
    app.get(
      '/api/v1/guilds/:guildId/settings',
      {
        schema: {
          ...common,
          summary:
            'The guild’s message-content capture and retention (overrides and effective days).',
          response: { 200: settingsSchema, ...errors },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        await requireGuild(context.orm, getPrincipal(request), guildId);
        return toResponse(await getGuildSettings(db, guildId));
      },
    );
    app.patch(
      '/api/v1/guilds/:guildId/settings',
      {
        schema: {
          ...common,
          summary:
            'Change content capture or retention overrides; fields left out stay as they are.',
          body: patchBody,
          response: { 200: settingsSchema, ...errors },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        const principal = getPrincipal(request);
        await requireGuild(context.orm, principal, guildId);
        const row = await updateGuildSettings(db, guildId, request.body);
        await signal?.notify();
        await audit(context, request, {
          userId: principal.userId,
          action: 'guild.settings.update',
          guildId,
          resource: 'guild',
          resourceId: guildId,
          details: { change: request.body },
        });
        return toResponse(row);
      },
    );
  };
