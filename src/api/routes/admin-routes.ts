import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toClientAddress } from '../../access/to-client-address.ts';
import { AppError } from '../../errors/app-error.ts';
import { deleteIpBlock } from '../../store/access/delete-ip-block.ts';
import { type IpBlockRow, listIpBlocks } from '../../store/access/list-ip-blocks.ts';
import { upsertIpBlock } from '../../store/access/upsert-ip-block.ts';
import { type AuthContext, audit } from '../auth/auth-context.ts';
import { getPrincipal } from '../auth/authenticate.ts';
import { bearerSecurity, errorSchema, toFieldError } from './access-schemas.ts';
import { adminUserRoutes } from './admin-user-routes.ts';
import { requireAdmin } from './require-admin.ts';

const ipBlockSchema = z.object({
  id: z.string(),
  ipAddress: z.string(),
  reason: z.string().nullable(),
  blockedBy: z.string().describe('The admin’s user id, or `auto` for automatic blocks.'),
  blockedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  active: z.boolean().describe('Whether the block applies now.'),
});

const toIpBlockJson = (row: IpBlockRow, now: Date): z.infer<typeof ipBlockSchema> => ({
  ...row,
  blockedAt: row.blockedAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  active: row.expiresAt === null || row.expiresAt > now,
});

const addBlockBody = z.object({
  ipAddress: z.string().max(64).describe('An IPv4 or IPv6 address (no ranges).'),
  reason: z.string().trim().max(500).optional(),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'expected an ISO 8601 date-time' })
    .optional()
    .describe('Optional; a block without expiry lasts until removed.'),
});

/** Instance-admin endpoints: IP blocks here, users and roles in `admin-user-routes.ts`. */
export const adminRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/admin/ip-blocks',
      {
        schema: {
          tags: ['admin'],
          summary: 'Every IP block, expired ones included (see `active`), newest first.',
          security: bearerSecurity,
          querystring: z.object({
            active: z.enum(['true', 'false']).optional().describe('Only active or only expired.'),
          }),
          response: {
            200: z.object({ blocks: z.array(ipBlockSchema) }),
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
          },
        },
      },
      async (request) => {
        requireAdmin(getPrincipal(request));
        const now = context.now();
        const blocks = (await listIpBlocks(context.orm)).map((row) => toIpBlockJson(row, now));
        const { active } = request.query;
        return {
          blocks:
            active === undefined ? blocks : blocks.filter((b) => b.active === (active === 'true')),
        };
      },
    );

    app.post(
      '/api/v1/admin/ip-blocks',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Block an address (403 on everything but health); blocking it again replaces the block. Your own address is refused.',
          security: bearerSecurity,
          body: addBlockBody,
          response: {
            201: ipBlockSchema,
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
            409: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = requireAdmin(getPrincipal(request));
        const address = toClientAddress(request.body.ipAddress);
        if (address === undefined) throw toFieldError('body.ipAddress', 'expected an IP address');
        if (address === toClientAddress(request.ip)) {
          throw new AppError('CONFLICT', 'That is your own address: you would lock yourself out.');
        }
        const now = context.now();
        const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
        if (expiresAt !== null && expiresAt <= now) {
          throw toFieldError('body.expiresAt', 'must be in the future');
        }
        const block = await upsertIpBlock(context.orm, {
          ipAddress: address,
          reason: request.body.reason ?? null,
          blockedBy: principal.userId,
          now,
          expiresAt,
        });
        context.ipBlocks.invalidate();
        await audit(context, request, {
          userId: principal.userId,
          action: 'ip_block',
          resource: 'ip_block',
          resourceId: block.id,
          details: {
            ipAddress: address,
            reason: block.reason,
            expiresAt: request.body.expiresAt ?? null,
          },
        });
        return reply.status(201).send(toIpBlockJson(block, now));
      },
    );

    app.delete(
      '/api/v1/admin/ip-blocks/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Lift an IP block.',
          security: bearerSecurity,
          params: z.object({ id: z.uuid({ message: 'expected a block id' }) }),
          response: {
            204: z.null(),
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = requireAdmin(getPrincipal(request));
        const removed = await deleteIpBlock(context.orm, request.params.id);
        if (!removed) throw new AppError('IP_BLOCK_NOT_FOUND');
        context.ipBlocks.invalidate();
        await audit(context, request, {
          userId: principal.userId,
          action: 'ip_unblock',
          resource: 'ip_block',
          resourceId: request.params.id,
          details: { ipAddress: removed.ipAddress },
        });
        return reply.status(204).send(null);
      },
    );

    await app.register(adminUserRoutes(context));
  };
