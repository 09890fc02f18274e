import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { instanceRoles } from '../store/schema/user.ts';

/** Access tokens live 15 minutes; the refresh token renews them. */
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;

/** What an access token says: user, session (`sid`, the Session's token) and role. */
export interface AccessClaims {
  sub: string;
  sid: string;
  role: (typeof instanceRoles)[number];
}

/** Verified claims, with the token's expiry. */
export interface VerifiedClaims extends AccessClaims {
  expiresAt: Date;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  jti: z.string().min(1),
  role: z.enum(instanceRoles),
  exp: z.number(),
});

/** The HMAC key of a JWT secret. */
export const toJwtKey = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** Signs an HS256 access token valid for {@link ACCESS_TOKEN_TTL_MS} from `now`. */
export const issueAccessToken = (claims: AccessClaims, key: Uint8Array, now: Date) => {
  const issuedAtS = Math.floor(now.getTime() / 1_000);
  return new SignJWT({ sid: claims.sid, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setJti(randomUUID())
    .setIssuedAt(issuedAtS)
    .setExpirationTime(issuedAtS + ACCESS_TOKEN_TTL_MS / 1_000)
    .sign(key);
};

/**
 * Verifies an access token at `now`: HS256 only (so `alg: none` and key confusion fail),
 * signature, expiry and claims. Throws TOKEN_EXPIRED or TOKEN_INVALID.
 */
export const verifyAccessToken = async (
  token: string,
  key: Uint8Array,
  now: Date,
): Promise<VerifiedClaims> => {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now });
    const claims = claimsSchema.parse(payload);
    return {
      sub: claims.sub,
      sid: claims.sid,
      role: claims.role,
      expiresAt: new Date(claims.exp * 1_000),
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED');
    throw new AppError('TOKEN_INVALID', undefined, undefined, { cause: error });
  }
};
