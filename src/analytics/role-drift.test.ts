import { describe, expect, it } from 'vitest';
import type { IngestRows } from '../ingest/ingest-rows.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { at, guildRows, optOut, writeScenario } from './analytics-scenario.ts';
import { getRoleDrift } from './role-drift.ts';

const G1 = '900000000000000001';
const G2 = '900000000000000002';
const ANN = '100000000000000001';
const BEN = '100000000000000002';
const CAT = '100000000000000003';
const DAN = '100000000000000004';
const EVE = '100000000000000005';
const FAY = '100000000000000006';
const GUS = '100000000000000007';
const BOSS = '100000000000000009';
const ADMIN = '600000000000000001';
const HARMLESS = '600000000000000002';
/** 2^64 + 32: Manage Server, in a value too large for a bigint. */
const HUGE_MANAGER = '600000000000000003';
/** 2^64 + 1024: no watched bit below 2^64, one above. */
const HUGE_HARMLESS = '600000000000000004';
const G2_BAN = '600000000000000005';

const query = (guildId: string, from = at(0), to = at(100), limit = 50): AnalyticsQuery => ({
  guildId,
  window: { from, to },
  limit,
  timeZone: 'UTC',
  now: at(100),
});

const roles = (
  guildId: string,
  discordId: string,
  roleIds: string[],
  minute: number,
  baseline = false,
): IngestRows['memberRoles'][number] => ({
  guildId,
  userDiscordId: discordId,
  roleIds,
  timestamp: at(minute),
  baseline,
});

const actor = (
  guildId: string,
  target: string,
  actorDiscordId: string,
  roleIds: string[],
  minute: number,
): IngestRows['auditActors'][number] => ({
  guildId,
  kind: 'role',
  targetDiscordId: target,
  actorDiscordId,
  roleIds,
  reason: null,
  timestamp: at(minute),
});

const role = (guildId: string, id: string, name: string, permissions: string) => ({
  id,
  guildId,
  name,
  permissions,
  position: 1,
  managed: false,
});

const change = (
  roleId: string,
  roleName: string,
  action: 'added' | 'removed',
  minute: number,
  escalationPermissions: string[],
  actorId: string | null = null,
  actorName: string | null = null,
) => ({
  roleId,
  roleName,
  action,
  actorId,
  actorName,
  timestamp: at(minute).toISOString(),
  escalationPermissions,
});

for (const backend of testBackends()) {
  describe(`getRoleDrift on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const plant = async () => {
      const g1Members = [ANN, BEN, CAT, DAN, EVE, FAY, BOSS];
      await writeScenario(db(), {
        ...guildRows(
          G1,
          g1Members.map((discordId) => ({ discordId, username: `u${discordId.slice(-1)}` })),
        ),
        roles: [
          role(G1, ADMIN, 'Admin', '8'),
          role(G1, HARMLESS, 'Friends', '1024'),
          role(G1, HUGE_MANAGER, 'Manager', '18446744073709551648'),
          role(G1, HUGE_HARMLESS, 'Future', '18446744073709552640'),
        ],
        memberRoles: [
          ...g1Members.map((d) => roles(G1, d, d === ANN ? [HARMLESS] : [], -10, true)),
        ],
      });
      await writeScenario(db(), {
        ...guildRows(G2, [{ discordId: GUS, username: 'u7' }]),
        roles: [role(G2, G2_BAN, 'Banner', '4')],
        memberRoles: [roles(G2, GUS, [], -10, true)],
      });
      await writeScenario(db(), {
        memberRoles: [
          roles(G1, DAN, [ADMIN], -1),
          roles(G1, ANN, [ADMIN], 10),
          roles(G1, BEN, [HARMLESS, HUGE_HARMLESS], 20),
          roles(G1, CAT, [HUGE_MANAGER], 30),
          roles(G1, EVE, [ADMIN], 30),
          roles(G1, CAT, [], 99),
          roles(G1, DAN, [], 100),
          roles(G2, GUS, [G2_BAN], 50),
        ],
        auditActors: [
          actor(G1, ANN, BOSS, [ADMIN, HARMLESS], 10),
          actor(G1, BEN, FAY, [HARMLESS, HUGE_HARMLESS], 20),
          actor(G1, CAT, BOSS, [HUGE_MANAGER], 99),
        ],
      });
      await optOut(db(), EVE, G1);
      await optOut(db(), FAY, G1);
    };

    it('lists role changes per member with actors, escalations first', async () => {
      await plant();
      expect(await getRoleDrift(db(), query(G1))).toEqual({
        guildId: G1,
        window: { from: at(0).toISOString(), to: at(100).toISOString() },
        items: [
          {
            userId: ANN,
            username: 'u1',
            displayName: 'u1',
            addedCount: 1,
            removedCount: 1,
            escalation: true,
            changes: [
              change(ADMIN, 'Admin', 'added', 10, ['ADMINISTRATOR'], BOSS, 'u9'),
              change(HARMLESS, 'Friends', 'removed', 10, [], BOSS, 'u9'),
            ],
          },
          {
            userId: CAT,
            username: 'u3',
            displayName: 'u3',
            addedCount: 1,
            removedCount: 1,
            escalation: true,
            changes: [
              change(HUGE_MANAGER, 'Manager', 'added', 30, ['MANAGE_GUILD']),
              change(HUGE_MANAGER, 'Manager', 'removed', 99, ['MANAGE_GUILD'], BOSS, 'u9'),
            ],
          },
          {
            userId: BEN,
            username: 'u2',
            displayName: 'u2',
            addedCount: 2,
            removedCount: 0,
            escalation: false,
            changes: [
              change(HARMLESS, 'Friends', 'added', 20, []),
              change(HUGE_HARMLESS, 'Future', 'added', 20, []),
            ],
          },
        ],
      });
    });

    it('keeps guilds apart and honours the limit', async () => {
      await plant();
      const g2 = await getRoleDrift(db(), query(G2));
      expect(g2.items.map((m) => [m.userId, m.escalation])).toEqual([[GUS, true]]);
      const limited = await getRoleDrift(db(), query(G1, at(0), at(100), 1));
      expect(limited.items.map((m) => m.userId)).toEqual([ANN]);
    });

    it('answers an empty window with no items', async () => {
      await plant();
      expect((await getRoleDrift(db(), query(G1, at(200), at(300)))).items).toEqual([]);
    });
  });
}
