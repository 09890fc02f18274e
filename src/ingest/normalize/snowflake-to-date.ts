/** Discord's epoch, the first second of 2015 UTC, in Unix milliseconds. */
const discordEpochMs = 1_420_070_400_000;

const snowflakePattern = /^\d{1,20}$/;

/**
 * The time a Discord id was created: its top 42 bits are milliseconds since Discord's epoch.
 * @see https://discord.com/developers/docs/reference#snowflakes
 * @throws RangeError when `id` is not a snowflake (callers pass ids their parser checked).
 */
export const snowflakeToDate = (id: string): Date => {
  if (!snowflakePattern.test(id)) throw new RangeError(`Not a snowflake: ${id.slice(0, 32)}`);
  return new Date(Number(BigInt(id) >> 22n) + discordEpochMs);
};
