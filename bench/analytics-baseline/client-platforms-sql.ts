/**
 * Discord's client platforms, in the order results name them:
 * https://discord.com/developers/docs/events/gateway-events#client-status-object
 */
export const clientPlatforms = ['desktop', 'mobile', 'web', 'embedded'] as const;

/**
 * A SQL condition true when `platform` is present and not offline in the clientStatus jsonb
 * `clientStatusSql`. Plain column expressions, cheaper per row than a jsonb set function.
 */
export const isPlatformOnlineSql = (
  clientStatusSql: string,
  platform: (typeof clientPlatforms)[number],
): string => `COALESCE(${clientStatusSql} ->> '${platform}', 'offline') <> 'offline'`;
