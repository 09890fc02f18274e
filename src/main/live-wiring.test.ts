import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { createLiveWiring } from './live-wiring.ts';

const log = pino({ level: 'silent' });

describe('createLiveWiring', () => {
  it('caches for 30 s by default, and not at all with ANALYTICS_CACHE_TTL_SECONDS=0', async () => {
    const byDefault = await createLiveWiring(parseConfig({}), undefined, log);
    expect(byDefault.analyticsCache?.ttlSeconds).toBe(30);
    const off = await createLiveWiring(
      parseConfig({ ANALYTICS_CACHE_TTL_SECONDS: '0' }),
      undefined,
      log,
    );
    expect(off.analyticsCache).toBeUndefined();
    const events: string[] = [];
    off.bus.subscribe((event) => events.push(event.guildId));
    await off.bus.publish({
      type: 'alert',
      guildId: '9',
      at: '',
      alert: { kind: 'multiClient', userId: '1', platforms: [], at: '' },
    });
    expect(events).toEqual(['9']);
  });

  it('refuses a negative or fractional TTL', () => {
    expect(() => parseConfig({ ANALYTICS_CACHE_TTL_SECONDS: '-1' })).toThrow();
    expect(() => parseConfig({ ANALYTICS_CACHE_TTL_SECONDS: '1.5' })).toThrow();
  });
});
