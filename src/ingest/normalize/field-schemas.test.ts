import { describe, expect, it } from 'vitest';
import { snowflakeSchema, timestampSchema } from './field-schemas.ts';
import { parsePayload } from './parse-payload.ts';

describe('timestampSchema', () => {
  it.each([
    { input: '2024-05-01T11:59:58.500000+00:00', iso: '2024-05-01T11:59:58.500Z' },
    { input: '2024-05-01T11:59:58+00:00', iso: '2024-05-01T11:59:58.000Z' },
    { input: '2024-05-01T11:59:58.5Z', iso: '2024-05-01T11:59:58.500Z' },
    { input: '2024-05-01T13:59:58.123+02:00', iso: '2024-05-01T11:59:58.123Z' },
  ])('reads $input as $iso', ({ input, iso }) => {
    expect(parsePayload(timestampSchema, input)).toEqual({ ok: true, value: new Date(iso) });
  });

  it.each([
    // Without a zone it would be read in the server's local time.
    { input: '2024-05-01T11:59:58', reason: 'expected an ISO 8601 timestamp' },
    { input: '2024-05-01', reason: 'expected an ISO 8601 timestamp' },
    { input: '2024-02-30T25:61:00Z', reason: 'expected an ISO 8601 timestamp' },
    { input: `2024-05-01T11:59:58.${'0'.repeat(60)}Z`, reason: 'expected an ISO 8601 timestamp' },
    { input: 1_714_564_798_500, reason: 'expected an ISO 8601 timestamp, received number' },
  ])('rejects $input', ({ input, reason }) => {
    expect(parsePayload(timestampSchema, input)).toEqual({ ok: false, reason });
  });
});

describe('snowflakeSchema', () => {
  it.each(['0', '175928847299117063', '18446744073709551615'])('accepts %s', (id) => {
    expect(parsePayload(snowflakeSchema, id)).toEqual({ ok: true, value: id });
  });

  it.each([
    { input: '', reason: 'expected a snowflake' },
    { input: ' 1', reason: 'expected a snowflake' },
    { input: '1e5', reason: 'expected a snowflake' },
    { input: '123456789012345678901', reason: 'expected a snowflake' },
    { input: 175_928_847_299_117_060, reason: 'expected a snowflake, received number' },
    { input: null, reason: 'expected a snowflake, received null' },
  ])('rejects $input', ({ input, reason }) => {
    expect(parsePayload(snowflakeSchema, input)).toEqual({ ok: false, reason });
  });
});
