import type { FastifyRequest } from 'fastify';
import { toJwtKey } from '../../access/access-token.ts';
import {
  createMemoryLoginStateStore,
  type LoginStateStore,
} from '../../access/login-state-store.ts';
import { type AuditEntry, insertAuditLog } from '../../store/access/insert-audit-log.ts';
import type { Orm } from '../../store/database.ts';
import type { AuthOptions } from './auth-options.ts';

/** What every access route shares: store, clock, key, options. */
export interface AuthContext {
  orm: Orm;
  now: () => Date;
  jwtKey: Uint8Array;
  options: AuthOptions;
  loginStates: LoginStateStore;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
}

/** Builds the shared access context from the app's dependencies. */
export const createAuthContext = (
  orm: Orm,
  options: AuthOptions,
  now: () => Date,
): AuthContext => ({
  orm,
  now,
  jwtKey: toJwtKey(options.jwtSecret),
  options,
  loginStates: options.loginStates ?? createMemoryLoginStateStore(),
  secureCookies: new URL(options.publicUrl).protocol === 'https:',
});

/** The caller's address and user agent, as audit rows and sessions record them. */
export const toClientInfo = (request: FastifyRequest) => ({
  ipAddress: request.ip || null,
  userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
});

/** Writes an audit row for `request` (actor, action, details; address and agent added). */
export const audit = (
  context: AuthContext,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'ipAddress' | 'userAgent' | 'timestamp'>,
): Promise<void> =>
  insertAuditLog(context.orm, { ...entry, ...toClientInfo(request), timestamp: context.now() });
