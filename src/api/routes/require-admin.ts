import type { Principal } from '../../access/principal.ts';
import { AppError } from '../../errors/app-error.ts';

/** The caller when an instance ADMIN; 403 FORBIDDEN otherwise. */
export const requireAdmin = <P extends Principal>(principal: P): P => {
  if (principal.role !== 'ADMIN')
    throw new AppError('FORBIDDEN', 'Only instance admins may do this.');
  return principal;
};
