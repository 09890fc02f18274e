import type { InstanceRole } from '../store/schema/user.ts';

/**
 * Who is calling, once authenticated. `via` says how; an API key (a later slice) adds its own
 * variant here and every route keeps working with the same principal.
 */
export interface Principal {
  via: 'session';
  userId: string;
  role: InstanceRole;
  sessionId: string;
}
