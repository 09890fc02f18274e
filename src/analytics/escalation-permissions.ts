/**
 * The permissions whose grant makes a role change an escalation (PRODUCT.md analytic 6), with
 * their bits: https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags
 */
export const escalationPermissions = {
  KICK_MEMBERS: 0x2,
  BAN_MEMBERS: 0x4,
  ADMINISTRATOR: 0x8,
  MANAGE_GUILD: 0x20,
  MANAGE_ROLES: 0x1000_0000,
} as const;

export type EscalationPermission = keyof typeof escalationPermissions;

/** Every escalation bit in one mask, for the query. */
export const escalationMask: number = Object.values(escalationPermissions).reduce(
  (mask, bit) => mask | bit,
  0,
);

/** The names of the escalation permissions set in `bits`, in a fixed order. */
export const toEscalationPermissions = (bits: number): EscalationPermission[] =>
  (Object.keys(escalationPermissions) as EscalationPermission[]).filter(
    (name) => (bits & escalationPermissions[name]) !== 0,
  );
