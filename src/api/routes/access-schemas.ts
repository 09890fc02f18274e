import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { instanceRoles } from '../../store/schema/user.ts';

/** A user as the API shows them: profile and instance role, no secrets. */
export const userSchema = z.object({
  id: z.string(),
  discordId: z.string(),
  username: z.string(),
  globalName: z.string().nullable(),
  avatar: z.string().nullable(),
  role: z.enum(instanceRoles),
});

/** What login and refresh answer to non-browser clients. */
export const tokensSchema = z.object({
  accessToken: z.string().describe('JWT (HS256), sent as `Authorization: Bearer …`.'),
  refreshToken: z.string().describe('Opaque; single use: each refresh returns a new one.'),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds the access token lives (900).'),
  user: userSchema,
});

/** A guild the caller may see. */
export const guildSchema = z.object({
  id: z.string(),
  name: z.string(),
  icon: z.string().nullable(),
  memberCount: z.number().int().nullable(),
});

/** The error body every failure answers with. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Security requirement for routes that need `Authorization: Bearer …`. */
export const bearerSecurity = [{ bearer: [] }];

/** A 400 naming one field, shaped like the validator's own. */
export const toFieldError = (field: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', `Invalid request: ${field}: ${message}`, [{ field, message }]);
