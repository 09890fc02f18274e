/** Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/**
 * A valid Discord snowflake for `timestampMs`: the time since the Discord epoch shifted left by
 * 22 bits, then worker, process and increment bits.
 * @see https://discord.com/developers/docs/reference#snowflakes
 */
export const toSnowflake = (timestampMs: number, increment = 0, workerId = 1): string => {
  if (timestampMs < DISCORD_EPOCH_MS) {
    throw new RangeError(`A snowflake cannot predate the Discord epoch (${timestampMs}).`);
  }
  const time = BigInt(Math.floor(timestampMs - DISCORD_EPOCH_MS)) << 22n;
  const worker = BigInt(workerId & 0x1f) << 17n;
  const process = BigInt((increment >>> 12) & 0x1f) << 12n;
  return (time | worker | process | BigInt(increment & 0xfff)).toString();
};

/** The Unix time in milliseconds at which the snowflake `id` was created. */
export const toSnowflakeTimestampMs = (id: string): number =>
  Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`. */
export const toShardId = (guildId: string, shardCount: number): number =>
  Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
