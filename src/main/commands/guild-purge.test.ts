import { describe, expect, it } from 'vitest';
import { seedIds, seedMemberData } from '../../store/privacy/testing/seed-member-data.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { parseGuildPurgeArgs, runGuildPurgeCommand } from './guild-purge.ts';
import { captureOutput } from './testing-output.ts';

describe('guild purge arguments', () => {
  it('takes a guild id and --yes', () => {
    expect(parseGuildPurgeArgs(['purge', seedIds.guildA, '--yes'])).toEqual({
      guildId: seedIds.guildA,
      confirmed: true,
    });
    expect(() => parseGuildPurgeArgs(['purge'])).toThrow(/Usage/);
    expect(() => parseGuildPurgeArgs(['purge', 'x1'])).toThrow(/must be a Discord id/);
  });
});

for (const backend of testBackends()) {
  describe(`spywatcher guild purge on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('refuses an unknown guild, asks for --yes, then purges and audits', async () => {
      await seedMemberData(db(), {
        discordId: '100000000000000042',
        otherDiscordId: '100000000000000077',
        guildId: seedIds.guildA,
        at: new Date('2026-11-20T00:00:00Z'),
      });
      const output = captureOutput();
      await expect(
        runGuildPurgeCommand(db(), { guildId: seedIds.guildB, confirmed: true }, output),
      ).rejects.toMatchObject({ code: 'GUILD_NOT_FOUND' });
      await expect(
        runGuildPurgeCommand(db(), { guildId: seedIds.guildA, confirmed: false }, output),
      ).rejects.toThrow(/the bot is still in it.*add --yes/);
      await runGuildPurgeCommand(db(), { guildId: seedIds.guildA, confirmed: true }, output);
      expect(output.text.join('')).toMatch(/^ {2}Presence +2$/m);
      expect(await db().query(`SELECT id FROM "Guild"`)).toEqual([]);
      expect(
        await db().query(`SELECT action, "guildId" FROM "AuditLog" WHERE "guildId" IS NOT NULL`),
      ).toEqual([{ action: 'guild.purge', guildId: seedIds.guildA }]);
    });
  });
}
