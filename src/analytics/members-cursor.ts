/**
 * Opaque cursors of the member list and a member's presences: base64url JSON of the last
 * row's position. Parsing is strict, since cursors come back from clients.
 */

import type { PresencePosition } from '../store/queries/members/list-member-presences.ts';
import type { MemberPosition, MemberSort } from '../store/queries/members/list-members.ts';

const MICRO_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const DISCORD_ID = /^\d{1,20}$/;

const encode = (value: unknown[]): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const decode = (cursor: string): unknown[] | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

/** The member-list cursor after `position`, for `sort` (a cursor of one sort is refused by another). */
export const toMemberCursor = (sort: MemberSort, position: MemberPosition): string =>
  encode([sort, position.value, position.userId]);

/** A member-list cursor from a client; undefined when it is not one of ours for `sort`. */
export const parseMemberCursor = (cursor: string, sort: MemberSort): MemberPosition | undefined => {
  const value = decode(cursor);
  if (value?.length !== 3) return undefined;
  const [cursorSort, position, userId] = value;
  if (cursorSort !== sort || typeof userId !== 'string' || !DISCORD_ID.test(userId))
    return undefined;
  if (sort === 'name' && typeof position === 'string' && position.length <= 200)
    return { value: position, userId };
  if (
    sort === 'recent' &&
    (position === null || (typeof position === 'string' && MICRO_ISO.test(position)))
  )
    return { value: position, userId };
  return undefined;
};

/** The presences cursor after `position`. */
export const toPresenceCursor = (position: PresencePosition): string =>
  encode([position.at, position.id]);

/** A presences cursor from a client; undefined when it is not one of ours. */
export const parsePresenceCursor = (cursor: string): PresencePosition | undefined => {
  const value = decode(cursor);
  if (value?.length !== 2) return undefined;
  const [at, id] = value;
  if (typeof at !== 'string' || !MICRO_ISO.test(at)) return undefined;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  return { at, id };
};
