import { afterEach, describe, expect, it } from 'vitest';
import { simUser, smallGuild } from '../ingest/testing/sim-guild.ts';
import { startTestBot, type TestBot } from '../ingest/testing/start-test-bot.ts';
import { waitUntil } from '../ingest/testing/wait-until.ts';
import { createDiscordSimulator, type DiscordSimulator } from '../simulator/discord-simulator.ts';
import { toMemberAdd } from '../simulator/scenario/member-payloads.ts';
import { toMessageCreate, toTypingStart } from '../simulator/scenario/message-payloads.ts';
import { toPresenceUpdate } from '../simulator/scenario/presence-payloads.ts';
import { toMember } from '../simulator/scenario/user-factory.ts';
import { toSnowflake } from '../simulator/snowflake.ts';
import type { Database } from '../store/database.ts';
import { optOutMember } from '../store/privacy/opt-out-member.ts';
import { scanTables } from '../store/privacy/testing/scan-tables.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { createPolicySignal } from './policy-signal.ts';

const count = async (db: Database, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? 0;

for (const backend of testBackends()) {
  describe(`a member who opted out, at the gateway, on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    let sim: DiscordSimulator | undefined;
    let running: TestBot | undefined;
    afterEach(async () => {
      await running?.bot.stop();
      await sim?.close();
      running = undefined;
      sim = undefined;
    });

    it('is dropped at once when the opt-out signals the bot of the same process', async () => {
      const one = smallGuild(1);
      sim = await createDiscordSimulator({ guilds: [one.guild] });
      running = await startTestBot(sim, db());
      await waitUntil('members', async () => (await count(db(), 'GuildMember')) >= 3);
      const [, quitter, stayer] = one.members;
      if (!quitter || !stayer) throw new Error('no members');
      const signal = createPolicySignal();
      const bot = running.bot;
      signal.subscribe(() => bot.refreshPolicy());

      await optOutMember(db(), quitter.user.id, new Date());
      // Events sent right after: the bot's 5 s refresh has not come yet, only the signal helps.
      await signal.notify();

      const now = Date.now();
      const about = (member: typeof quitter, n: number): [string, unknown][] => [
        [
          'PRESENCE_UPDATE',
          toPresenceUpdate({
            guildId: one.guildId,
            userId: member.user.id,
            status: 'online',
            platforms: ['web'],
          }),
        ],
        [
          'TYPING_START',
          toTypingStart({ guildId: one.guildId, channelId: one.textChannel, member, atMs: now }),
        ],
        [
          'MESSAGE_CREATE',
          toMessageCreate({
            id: toSnowflake(now, n),
            guildId: one.guildId,
            channelId: one.textChannel,
            author: member,
            content: 'hi',
            atMs: now,
          }),
        ],
      ];
      const rejoin = toMember(simUser(1_001), now);
      for (const [type, payload] of [
        ...about(quitter, 1),
        ['GUILD_MEMBER_ADD', toMemberAdd(one.guildId, rejoin)] as [string, unknown],
        ...about(stayer, 2),
      ]) {
        sim.dispatch(one.guildId, type, payload);
      }
      // The stayer's message is the last event: once stored, everything before it was handled.
      await waitUntil(
        'the other member’s message',
        async () => (await count(db(), 'Message')) === 1,
      );
      expect(await scanTables(db(), [quitter.user.id])).toEqual({ OptOut: 1 });
      expect(await count(db(), 'TypingEvent')).toBe(1);
    });
  });
}
