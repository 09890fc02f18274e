import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

const snowflake = /^\d{17,20}$/;

/** `"0,2-4"` → `[0, 2, 3, 4]`. */
const parseShardIds = (value: string): number[] =>
  value.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number);
    const ids: number[] = [];
    for (let id = from ?? 0; id <= (to ?? 0); id += 1) ids.push(id);
    return ids;
  });
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
  DISCORD_SHARD_COUNT: z.coerce
    .number({ message: 'expected a number of shards' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .optional(),
  DISCORD_SHARD_IDS: z
    .string()
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'expected shard ids such as "0,1" or "0-3"')
    .transform(parseShardIds)
    .optional(),
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
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value): boolean | number | string[] => {
      const trimmed = value.trim();
      if (trimmed === '' || trimmed === 'false') return false;
      if (trimmed === 'true') return true;
      if (/^\d+$/.test(trimmed)) return Number(trimmed);
      return trimmed.split(',').map((part) => part.trim());
    })
    .refine(
      (trust) =>
        !Array.isArray(trust) ||
        trust.every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part) && part.length > 1),
      {
        message:
          'expected true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs',
      },
    ),
  ANALYTICS_CACHE_TTL_SECONDS: z.coerce
    .number({ message: 'expected a number of seconds' })
    .int('expected a whole number')
    .min(0, 'expected 0 (off) or more seconds')
    .max(3_600, 'expected at most 3600 seconds')
    .default(30),
  ANALYTICS_ROLLUP_INTERVAL_SECONDS: z.coerce
    .number({ message: 'expected a number of seconds' })
    .int('expected a whole number')
    .min(0, 'expected 0 (off) or more seconds')
    .max(86_400, 'expected at most 86400 seconds')
    .default(300),
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

/** Shard ids must fall inside the shard count, which they need. */
const shardProblems = (config: Config): string[] => {
  const ids = config.DISCORD_SHARD_IDS;
  if (ids === undefined) return [];
  if (config.DISCORD_SHARD_COUNT === undefined) {
    return ['DISCORD_SHARD_IDS: needs DISCORD_SHARD_COUNT, the total number of shards'];
  }
  const count = config.DISCORD_SHARD_COUNT;
  const outside = ids.filter((id) => id >= count);
  return outside.length === 0
    ? []
    : [
        `DISCORD_SHARD_IDS: shard ${outside.join(', ')} is not below DISCORD_SHARD_COUNT (${count})`,
      ];
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
  const problems = result.success
    ? shardProblems(result.data)
    : result.error.issues.map((issue) => describeIssue(issue, present));
  if (result.success && problems.length === 0) return result.data;
  throw new AppError(
    'CONFIG_INVALID',
    `Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
    { problems },
  );
};
