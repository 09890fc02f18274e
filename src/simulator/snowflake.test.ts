import { describe, expect, it } from 'vitest';
import { DISCORD_EPOCH_MS, toShardId, toSnowflake, toSnowflakeTimestampMs } from './snowflake.ts';

describe('snowflakes', () => {
  it('encodes the creation time as Discord does', () => {
    // Discord's documented example: 175928847299117063 was created at 2016-04-30T11:18:25.796Z.
    expect(toSnowflakeTimestampMs('175928847299117063')).toBe(
      Date.parse('2016-04-30T11:18:25.796Z'),
    );
    const at = Date.UTC(2024, 5, 1, 12);
    expect(toSnowflakeTimestampMs(toSnowflake(at, 77))).toBe(at);
    expect(toSnowflake(at, 1)).not.toBe(toSnowflake(at, 2));
  });

  it('refuses times before the Discord epoch', () => {
    expect(() => toSnowflake(DISCORD_EPOCH_MS - 1)).toThrow(RangeError);
  });

  it('routes a guild to (id >> 22) % shard count', () => {
    expect(toShardId('175928847299117063', 1)).toBe(0);
    const ms = 41_944_705_796; // 175928847299117063 >> 22
    expect(toShardId('175928847299117063', 7)).toBe(ms % 7);
  });
});
