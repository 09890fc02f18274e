import type { IngestRows } from '../ingest-rows.ts';
import type { NormalizeContext, NormalizeResult } from './normalize-dispatch.ts';
import type { ParseResult } from './parse-payload.ts';

/** Turns one dispatch type's data into a result; `eventName` prefixes the invalid reason. */
export type DispatchNormalizer = (
  eventName: string,
  data: unknown,
  context: NormalizeContext,
) => NormalizeResult;

/** Where a dispatch may come from outside a guild (a DM), and is then not ours to record. */
export type GuildScope = 'guild-only' | 'guild-or-dm';

/** DM dispatches leave `guild_id` out; `null` or a wrong type is a malformed payload. */
const isOutsideGuild = (data: unknown): boolean =>
  typeof data === 'object' &&
  data !== null &&
  !Array.isArray(data) &&
  (!('guild_id' in data) || data.guild_id === undefined);

/**
 * A handler that parses, then converts; a converter returning `undefined` means "nothing we
 * record" (an outage, a webhook post, an audit action we do not track).
 */
export const defineHandler =
  <T>(
    scope: GuildScope,
    parse: (data: unknown) => ParseResult<T>,
    toRows: (
      value: T,
      receivedAt: Date,
      context: NormalizeContext,
    ) => Partial<IngestRows> | undefined,
  ): DispatchNormalizer =>
  (eventName, data, context) => {
    if (scope === 'guild-or-dm' && isOutsideGuild(data)) return { kind: 'ignored' };
    const parsed = parse(data);
    if (!parsed.ok) return { kind: 'invalid', reason: `${eventName}: ${parsed.reason}` };
    const rows = toRows(parsed.value, context.receivedAt, context);
    return rows === undefined ? { kind: 'ignored' } : { kind: 'rows', rows };
  };
