import { describe, expect, it } from 'vitest';
import { optOutMember } from '../store/privacy/opt-out-member.ts';
import { scanTables } from '../store/privacy/testing/scan-tables.ts';
import { seedIds, seedMemberData } from '../store/privacy/testing/seed-member-data.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { runPrivacyMaintenance } from './run-privacy-maintenance.ts';

const member = '100000000000000042';
const now = new Date('2026-11-25T12:00:00Z');

for (const backend of testBackends()) {
  describe(`the opt-out sweep on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('erases rows that arrived after an opt-out, but keeps a dashboard account made since', async () => {
      await optOutMember(db(), member, now);
      // Rows another ingest process stored before re-reading the opt-outs, and a new login.
      const { userId } = await seedMemberData(db(), {
        discordId: member,
        otherDiscordId: '100000000000000077',
        guildId: seedIds.guildA,
        at: now,
      });
      const report = await runPrivacyMaintenance(db(), { now });
      expect(report.sweptMembers).toBe(1);
      // Left: the marker, the account (User, Session, RefreshToken, ApiKey, ManagedGuild), its
      // audit rows and staff actions (an IP block); every row the bot collected is gone.
      expect(Object.keys(await scanTables(db(), [member, userId])).sort()).toEqual([
        'ApiKey',
        'AuditLog',
        'AuditLogArchive',
        'IpBlock',
        'ManagedGuild',
        'OptOut',
        'RefreshToken',
        'Session',
        'User',
      ]);
      const again = await runPrivacyMaintenance(db(), { now });
      expect(again.sweptMembers).toBe(0);
    });
  });
}
