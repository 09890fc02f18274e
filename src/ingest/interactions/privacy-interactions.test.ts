import { afterEach, describe, expect, it } from 'vitest';
import {
  createDiscordSimulator,
  type DiscordSimulator,
} from '../../simulator/discord-simulator.ts';
import { toMessageCreate } from '../../simulator/scenario/message-payloads.ts';
import { toPresenceUpdate } from '../../simulator/scenario/presence-payloads.ts';
import { toSnowflake } from '../../simulator/snowflake.ts';
import type { Database } from '../../store/database.ts';
import { scanTables } from '../../store/privacy/testing/scan-tables.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { smallGuild } from '../testing/sim-guild.ts';
import { startTestBot, type TestBot } from '../testing/start-test-bot.ts';
import { waitUntil } from '../testing/wait-until.ts';

const count = async (db: Database, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? 0;

const EPHEMERAL = 64;

for (const backend of testBackends()) {
  describe(`/privacy over the gateway, on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    let sim: DiscordSimulator | undefined;
    let running: TestBot | undefined;
    afterEach(async () => {
      await running?.bot.stop();
      await sim?.close();
      running = undefined;
      sim = undefined;
    });

    it('registers /privacy and answers each subcommand ephemerally, doing what it says', async () => {
      const one = smallGuild(1);
      sim = await createDiscordSimulator({ guilds: [one.guild] });
      running = await startTestBot(sim, db());
      const simulator = sim;
      await waitUntil('the command', async () => simulator.listCommands().length === 1);
      expect(simulator.listCommands()).toMatchObject([
        {
          name: 'privacy',
          options: [
            { name: 'opt-out' },
            { name: 'opt-in' },
            { name: 'export' },
            { name: 'delete' },
          ],
        },
      ]);
      await waitUntil('members', async () => (await count(db(), 'GuildMember')) >= 3);
      const [, member] = one.members;
      if (!member) throw new Error('no member');
      const now = Date.now();
      sim.dispatch(
        one.guildId,
        'MESSAGE_CREATE',
        toMessageCreate({
          id: toSnowflake(now, 1),
          guildId: one.guildId,
          channelId: one.textChannel,
          author: member,
          content: 'hi',
          atMs: now,
        }),
      );
      await waitUntil('the message', async () => (await count(db(), 'Message')) === 1);
      const use = (name: string, options?: unknown[]) =>
        simulator.interact({
          guildId: one.guildId,
          user: member.user,
          command: 'privacy',
          options: [{ type: 1, name, ...(options ? { options } : {}) }],
        });

      const optOut = await use('opt-out');
      expect(optOut).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
      expect(optOut.data?.content).toContain('You are opted out');
      expect(await scanTables(db(), [member.user.id])).toEqual({ OptOut: 1, AuditLog: 1 });
      const [, , other] = one.members;
      for (const userId of [member.user.id, other?.user.id ?? '']) {
        sim.dispatch(
          one.guildId,
          'PRESENCE_UPDATE',
          toPresenceUpdate({ guildId: one.guildId, userId, status: 'online', platforms: ['web'] }),
        );
      }
      // The other member's presence came last: once it is stored, the first was handled.
      await waitUntil('the other presence', async () => (await count(db(), 'Presence')) === 1);
      expect(await scanTables(db(), [member.user.id])).toEqual({ OptOut: 1, AuditLog: 1 });
      const exported = await use('export');
      expect(exported.data?.content).toContain('/api/v1/privacy/export');

      expect((await use('opt-in')).data?.content).toContain('opted in again');
      const unconfirmed = await use('delete', [{ type: 5, name: 'confirm', value: false }]);
      expect(unconfirmed.data?.content).toContain('Nothing was deleted');
      const deleted = await use('delete', [{ type: 5, name: 'confirm', value: true }]);
      expect(deleted.data?.content).toMatch(/^Deleted: \d+ records about you/);
      const actions = await db().query<{ action: string }>(
        `SELECT action FROM "AuditLog" WHERE "resourceId" = $1 ORDER BY timestamp`,
        [member.user.id],
      );
      expect(actions.map((a) => a.action)).toEqual(['privacy.erase']);
    });
  });
}
