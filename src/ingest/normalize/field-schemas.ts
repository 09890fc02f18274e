import { z } from 'zod';
import { payloadLimits } from './payload-limits.ts';

/**
 * The zod building blocks every dispatch parser is made of, each failing with a short message
 * that names what was expected (the parser prefixes the event and the field path).
 */

const describe = (input: unknown): string => {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
};

/**
 * An error message naming what was expected and, unless it was a string (whose value may be
 * anyone's text), what came: `expected a snowflake, received number`.
 */
export const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    typeof issue.input === 'string'
      ? `expected ${what}`
      : `expected ${what}, received ${describe(issue.input)}`;

const tooLong = (max: number) => ({ error: `longer than ${max} characters` });

/**
 * Discord ids are unsigned 64-bit integers sent as decimal strings.
 * @see https://discord.com/developers/docs/reference#snowflakes
 */
export const snowflakeSchema = z
  .string({ error: expected('a snowflake') })
  .regex(/^\d{1,20}$/, { error: 'expected a snowflake' });

/** A string of at most `max` UTF-16 code units. */
export const stringSchema = (max: number) =>
  z.string({ error: expected('a string') }).max(max, tooLong(max));

/** An integer in `[min, max]`. */
export const integerSchema = (min: number, max: number) =>
  z
    .number({ error: expected('an integer') })
    .int({ error: 'expected an integer' })
    .min(min, { error: `less than ${min}` })
    .max(max, { error: `more than ${max}` });

/** A boolean. */
export const booleanSchema = z.boolean({ error: expected('a boolean') });

/** An object with the given fields; unknown fields are dropped. */
export const objectSchema = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.object(shape, { error: expected('an object') });

/** An array of at most `max` items. */
export const arraySchema = <Item extends z.ZodType>(item: Item, max: number) =>
  z.array(item, { error: expected('an array') }).max(max, { error: `more than ${max} items` });

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const notTimestamp = 'expected an ISO 8601 timestamp';

/**
 * Discord's ISO 8601 timestamps (`2024-05-01T12:00:00.123000+00:00`), read as a `Date`; one
 * transform rather than a chain of checks, as GUILD_CREATE has one per member.
 * @see https://discord.com/developers/docs/reference#iso8601-datetime
 */
export const timestampSchema = z
  .string({ error: expected('an ISO 8601 timestamp') })
  .transform((value, context) => {
    const ms =
      value.length <= payloadLimits.timestampChars && isoTimestamp.test(value)
        ? Date.parse(value)
        : Number.NaN;
    if (!Number.isNaN(ms)) return new Date(ms);
    context.issues.push({ code: 'custom', message: notTimestamp, input: value });
    return z.NEVER;
  });
