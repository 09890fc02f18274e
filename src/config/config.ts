import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

const snowflake = /^\d{17,20}$/;
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const url = (protocols: readonly string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a ${protocols.join(' or ')} URL such as ${example}` },
  );

/** Every environment variable Spywatcher reads, with its default. `.env.example` documents them. */
export const configSchema = z.object({
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int('expected a whole number')
    .min(1, 'expected a port from 1 to 65535')
    .max(65_535, 'expected a port from 1 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: url(
    ['postgres:', 'postgresql:'],
    'postgres://user@127.0.0.1:5432/spywatcher',
  ).optional(),
  SPYWATCHER_DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_CLIENT_ID: z.string().regex(snowflake, 'expected a Discord application id').optional(),
  DISCORD_CLIENT_SECRET: z.string().min(1).optional(),
  DISCORD_API_URL: url(['http:', 'https:'], 'https://discord.com/api').default(
    'https://discord.com/api',
  ),
  PUBLIC_URL: url(['http:', 'https:'], 'https://spywatcher.example.com').optional(),
  JWT_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  ADMIN_DISCORD_IDS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.every((id) => snowflake.test(id)), {
      message: 'expected a comma-separated list of Discord user ids',
    }),
  LOG_LEVEL: z
    .enum(logLevels, { message: `expected one of ${logLevels.join(', ')}` })
    .default('info'),
});

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/** One line per problem: `NAME: what is wrong (got "value")`, secrets never echoed. */
const describeIssue = (
  issue: z.core.$ZodIssue,
  env: Record<string, string | undefined>,
): string => {
  const name = String(issue.path[0] ?? 'environment');
  const secret = /TOKEN|SECRET|PASSWORD|DATABASE_URL|REDIS_URL/.test(name);
  const value = env[name];
  const got = value === undefined || secret ? '' : ` (got ${JSON.stringify(value)})`;
  return `${name}: ${issue.message}${got}`;
};

/**
 * Parses the environment once; every problem is reported together in one `CONFIG_INVALID`
 * error. Empty values count as unset, as in most `.env` files.
 */
export const parseConfig = (env: Record<string, string | undefined>): Config => {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describeIssue(issue, present));
  throw new AppError(
    'CONFIG_INVALID',
    `Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
    { problems },
  );
};
