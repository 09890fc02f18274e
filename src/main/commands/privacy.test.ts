import { describe, expect, it } from 'vitest';
import { scanTables } from '../../store/privacy/testing/scan-tables.ts';
import { seedIds, seedMemberData } from '../../store/privacy/testing/seed-member-data.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { parsePrivacyArgs, runPrivacyCommand } from './privacy.ts';
import { captureOutput } from './testing-output.ts';

const member = '100000000000000042';

describe('privacy arguments', () => {
  it('parses export and delete, and names what is wrong', () => {
    expect(parsePrivacyArgs(['export', '--discord-id', member])).toEqual({
      action: 'export',
      discordId: member,
      out: undefined,
    });
    expect(parsePrivacyArgs(['delete', '--discord-id', member, '--opt-out', '--yes'])).toEqual({
      action: 'delete',
      discordId: member,
      optOut: true,
      confirmed: true,
    });
    expect(() => parsePrivacyArgs(['delete', '--discord-id', 'bob'])).toThrow(
      /--discord-id must be a Discord user id/,
    );
    expect(() => parsePrivacyArgs(['erase', '--discord-id', member])).toThrow(/Usage/);
  });
});

for (const backend of testBackends()) {
  describe(`spywatcher privacy on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const seed = () =>
      seedMemberData(db(), {
        discordId: member,
        otherDiscordId: '100000000000000077',
        guildId: seedIds.guildA,
        at: new Date('2026-11-20T00:00:00Z'),
      });

    it('exports the member as JSON without secrets', async () => {
      await seed();
      const output = captureOutput();
      await runPrivacyCommand(
        db(),
        { action: 'export', discordId: member, out: undefined },
        output,
      );
      const document = JSON.parse(output.text.join(''));
      expect(document.tables.Presence).toHaveLength(1);
      expect(document.tables.Session[0]).not.toHaveProperty('token');
      expect(document.tables.ApiKey[0]).not.toHaveProperty('key');
    });

    it('lists without --yes, erases with it, and audits the erasure', async () => {
      const { userId } = await seed();
      const dry = captureOutput();
      await expect(
        runPrivacyCommand(
          db(),
          { action: 'delete', discordId: member, optOut: false, confirmed: false },
          dry,
        ),
      ).rejects.toThrow(/add --yes/);
      expect(dry.text.join('')).toMatch(/^ {2}Presence +1$/m);
      const output = captureOutput();
      await runPrivacyCommand(
        db(),
        { action: 'delete', discordId: member, optOut: true, confirmed: true },
        output,
      );
      expect(output.text.join('')).toContain('opted them out in every guild');
      expect(await scanTables(db(), [member, userId])).toEqual({ OptOut: 1, AuditLog: 1 });
    });
  });
}
