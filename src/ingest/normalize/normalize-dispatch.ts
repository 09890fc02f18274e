import type { IngestRows } from '../ingest-rows.ts';
import { dispatchNormalizers } from './dispatch-normalizers.ts';

/** What a normalizer may know besides the payload: when it arrived and the guild's settings. */
export interface NormalizeContext {
  /** When the bot received the dispatch: the time of every row whose payload has none. */
  receivedAt: Date;
  /** Whether the guild enabled message-content capture (off by default). */
  captureContent(guildId: string): boolean;
}

/** Rows to store, nothing to store, or a payload that failed validation (and why). */
export type NormalizeResult =
  | { kind: 'rows'; rows: Partial<IngestRows> }
  | { kind: 'ignored' }
  | { kind: 'invalid'; reason: string };

/**
 * Turns one gateway dispatch into rows, purely: it never throws and never reads the clock.
 * @see https://discord.com/developers/docs/events/gateway-events#receive-events
 */
export const normalizeDispatch = (
  eventName: string,
  data: unknown,
  context: NormalizeContext,
): NormalizeResult => {
  const normalize = dispatchNormalizers.get(eventName);
  if (normalize === undefined) return { kind: 'ignored' };
  try {
    return normalize(eventName, data, context);
  } catch (error) {
    // The parsers make this unreachable; still, no payload may take the ingest down.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', reason: `${eventName}: ${message}` };
  }
};
