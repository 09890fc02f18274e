import { GatewayCloseCodes } from 'discord-api-types/v10';
import { isBotToken } from './decide-identify.ts';
import type { GatewaySession } from './gateway-session.ts';
import type { ReplayEntry } from './replay-buffer.ts';
import type { SimulatorState } from './simulator-state.ts';

/** What to do with a RESUME: replay and attach, close the socket, or answer op 9. */
export type ResumeDecision =
  | { type: 'accept'; session: GatewaySession; replay: ReplayEntry[] }
  | { type: 'close'; code: GatewayCloseCodes; reason: string }
  | { type: 'invalid-session'; reason: string; session: GatewaySession | undefined };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a RESUME: a bad token closes with 4004, a sequence number the session never reached
 * with 4007; an unknown, invalidated or too old session gets op 9 (not resumable).
 * @see https://discord.com/developers/docs/events/gateway#resuming
 */
export const decideResume = (
  data: unknown,
  state: SimulatorState,
  sessions: ReadonlyMap<string, GatewaySession>,
): ResumeDecision => {
  if (!isRecord(data)) {
    return { type: 'close', code: GatewayCloseCodes.DecodeError, reason: 'RESUME without payload' };
  }
  if (!isBotToken(state, data.token)) {
    return { type: 'close', code: GatewayCloseCodes.AuthenticationFailed, reason: 'Bad token.' };
  }
  const session = typeof data.session_id === 'string' ? sessions.get(data.session_id) : undefined;
  if (!session || session.invalidated) {
    return { type: 'invalid-session', reason: 'unknown or invalidated session', session };
  }
  const seq = data.seq ?? 0;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq > session.seq) {
    return { type: 'close', code: GatewayCloseCodes.InvalidSeq, reason: 'Invalid seq.' };
  }
  const replay = session.listAfter(seq);
  if (!replay) {
    return { type: 'invalid-session', reason: 'events after seq were evicted', session };
  }
  return { type: 'accept', session, replay };
};
