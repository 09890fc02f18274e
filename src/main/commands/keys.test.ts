import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyHeader, useAccessHarness } from '../../api/testing/access-harness.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { createKeyForUser, runKeys } from './keys.ts';
import { promoteUser, runUsers } from './users.ts';

const discordId = '123456789012345678';

for (const backend of testBackends()) {
  describe(`keys and users commands on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);

    it('creates the user, makes them admin, and prints a key that works at once', async () => {
      const created = await createKeyForUser(db(), {
        discordId,
        name: 'automation',
        tier: 'ENTERPRISE',
        admin: true,
        expiresAt: null,
        now: new Date(harness().clock.nowMs),
      });
      const me = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: keyHeader(created.key),
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().user).toMatchObject({ discordId, role: 'ADMIN', username: discordId });
      const [row] = await db().query<{ key: string; tier: string }>(
        `SELECT key, tier FROM "ApiKey"`,
      );
      expect(row).toEqual({
        key: createHash('sha256').update(created.key).digest('hex'),
        tier: 'ENTERPRISE',
      });
      const audits = await db().query(
        `SELECT action, details->>'via' AS via, details->>'promotedTo' AS promoted FROM "AuditLog"`,
      );
      expect(audits).toEqual([{ action: 'api_key_create', via: 'cli', promoted: 'ADMIN' }]);
    });

    it('promotes and demotes, audited with the old and new role', async () => {
      const now = new Date();
      expect(await promoteUser(db(), { discordId, role: 'MODERATOR', now })).toMatchObject({
        from: 'USER',
        to: 'MODERATOR',
      });
      expect(await promoteUser(db(), { discordId, role: 'USER', now })).toMatchObject({
        from: 'MODERATOR',
        to: 'USER',
      });
      const audits = await db().query(
        `SELECT details->>'from' AS "from", details->>'to' AS "to" FROM "AuditLog" WHERE action = 'role_change' ORDER BY details->>'to'`,
      );
      expect(audits).toEqual([
        { from: 'USER', to: 'MODERATOR' },
        { from: 'MODERATOR', to: 'USER' },
      ]);
    });
  });
}

describe('keys and users commands from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spw-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { SPYWATCHER_DATA_DIR: dir };

  it('prints {"id","key"} with --json, and refuses bad arguments with the usage', async () => {
    const lines: string[] = [];
    await runUsers(env, ['promote', discordId, '--role', 'admin'], (line) => lines.push(line));
    await runKeys(env, ['create', '--discord-id', discordId, '--tier', 'PRO', '--json'], (line) =>
      lines.push(line),
    );
    expect(lines[0]).toBe(`User ${discordId} is now ADMIN (was USER).`);
    const printed = JSON.parse(lines[1] ?? '');
    expect(printed).toEqual({
      id: expect.any(String),
      key: expect.stringMatching(/^spw_[A-Za-z0-9_-]{43}$/),
      tier: 'PRO',
      userId: expect.any(String),
      expiresAt: null,
    });
    await expect(runKeys(env, ['create', '--user', '42'])).rejects.toThrow(/--user <discordId>/);
    await expect(runKeys(env, ['create', '--user', discordId, '--tier', 'GOLD'])).rejects.toThrow(
      /--tier FREE, PRO or ENTERPRISE/,
    );
    await expect(runUsers(env, ['promote', discordId, '--role', 'BANNED'])).rejects.toThrow(
      /--role ADMIN, MODERATOR or USER/,
    );
  });
});
