import { describe, expect, it } from 'vitest';
import { ids } from './fixtures/discord-ids.ts';
import { snowflakeToDate } from './snowflake-to-date.ts';

describe('snowflakeToDate', () => {
  it.each([
    // The example in Discord's docs: https://discord.com/developers/docs/reference#snowflakes
    { id: '175928847299117063', iso: '2016-04-30T11:18:25.796Z' },
    { id: '0', iso: '2015-01-01T00:00:00.000Z' },
    { id: '4194303', iso: '2015-01-01T00:00:00.000Z' },
    { id: '4194304', iso: '2015-01-01T00:00:00.001Z' },
    { id: ids.newbie, iso: '2024-04-30T09:00:00.000Z' },
    { id: ids.alice, iso: '2019-02-03T04:05:06.789Z' },
    { id: '18446744073709551615', iso: '2154-05-15T07:35:11.103Z' },
  ])('$id was created at $iso', ({ id, iso }) => {
    expect(snowflakeToDate(id).toISOString()).toBe(iso);
  });

  it.each(['', 'abc', '-1', '1.5', '123456789012345678901'])('refuses %j', (id) => {
    expect(() => snowflakeToDate(id)).toThrow(RangeError);
  });
});
