import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { parseConfig } from './config.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
  } catch (error) {
    if (isAppError(error, 'CONFIG_INVALID'))
      return (error.details as { problems: string[] }).problems;
    throw error;
  }
  return [];
};

describe('parseConfig', () => {
  it('gives every default with an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      SPYWATCHER_DATA_DIR: './data',
      DISCORD_API_URL: 'https://discord.com/api',
      ADMIN_DISCORD_IDS: [],
      LOG_LEVEL: 'info',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://root@127.0.0.1:5432/test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ADMIN_DISCORD_IDS: '123456789012345678, 223456789012345678',
      LOG_LEVEL: 'debug',
      JWT_SECRET: 'x'.repeat(32),
    });
    expect(config.PORT).toBe(8080);
    expect(config.ADMIN_DISCORD_IDS).toEqual(['123456789012345678', '223456789012345678']);
    expect(config.LOG_LEVEL).toBe('debug');
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'nonsense',
      LOG_LEVEL: 'loud',
      ADMIN_DISCORD_IDS: 'me',
      JWT_SECRET: 'short',
    });
    expect(problems.map((line) => line.split(':')[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'JWT_SECRET',
      'ADMIN_DISCORD_IDS',
      'LOG_LEVEL',
    ]);
    expect(problems[0]).toBe('PORT: expected a port number (got "abc")');
  });

  it('never echoes a secret value', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      JWT_SECRET: 'hunter2',
    });
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 192.168.0.0/16,::1', ['10.0.0.1', '192.168.0.0/16', '::1']],
  ])('reads TRUST_PROXY=%j as %j', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it('refuses a TRUST_PROXY that is no address', () => {
    expect(problemsOf({ TRUST_PROXY: 'yes please' })).toEqual([
      'TRUST_PROXY: expected true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs (got "yes please")',
    ]);
  });

  it('refuses ports out of range', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual([
      'PORT: expected a port from 1 to 65535 (got "70000")',
    ]);
  });

  it('reads shard ranges and checks them against the shard count', () => {
    expect(
      parseConfig({ DISCORD_SHARD_IDS: '0,2-4', DISCORD_SHARD_COUNT: '6' }).DISCORD_SHARD_IDS,
    ).toEqual([0, 2, 3, 4]);
    expect(problemsOf({ DISCORD_SHARD_IDS: '0-3', DISCORD_SHARD_COUNT: '2' })).toEqual([
      'DISCORD_SHARD_IDS: shard 2, 3 is not below DISCORD_SHARD_COUNT (2)',
    ]);
    expect(problemsOf({ DISCORD_SHARD_IDS: '1' })[0]).toContain('needs DISCORD_SHARD_COUNT');
    expect(problemsOf({ DISCORD_SHARD_IDS: 'one' })[0]).toContain('expected shard ids');
  });
});
