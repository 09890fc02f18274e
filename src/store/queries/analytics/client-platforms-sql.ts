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

/** Presence's "platforms" column `platformsSql` (see the schema): the platforms not offline, as a mask. */
export const onlineMaskOfSql = (platformsSql: string): string => `(${platformsSql} & 15)`;

/** Presence's "platforms" column `platformsSql`: the platforms listed (any status), as a mask. */
export const listedMaskOfSql = (platformsSql: string): string => `(${platformsSql} >> 4)`;

/** How many platforms the mask `maskSql` holds. */
export const platformCountSql = (maskSql: string): string =>
  `(${clientPlatforms.map((_, bit) => `((${maskSql} >> ${bit}) & 1)`).join(' + ')})`;

/** The platforms of the mask `maskSql` as a text[] in Discord's order. */
export const platformsArraySql = (maskSql: string): string =>
  `array_remove(ARRAY[${clientPlatforms
    .map((name, bit) => `CASE WHEN (${maskSql} >> ${bit}) & 1 = 1 THEN '${name}' END`)
    .join(', ')}]::text[], NULL)`;

/** The platforms of the mask `maskSql` joined as `desktop+mobile`, in Discord's order. */
export const platformsComboSql = (maskSql: string): string =>
  `concat_ws('+', ${clientPlatforms
    .map((name, bit) => `CASE WHEN (${maskSql} >> ${bit}) & 1 = 1 THEN '${name}' END`)
    .join(', ')})`;
