import type { APIRole } from 'discord-api-types/v10';
import type { CastMember, ScenarioGuild } from './build-scenario-guild.ts';
import { type GeneratorContext, playMonologue } from './conversation-events.ts';
import {
  type Ban,
  playBan,
  playRaid,
  playRoleGrant,
  type Raid,
  type RoleGrant,
} from './incident-events.ts';
import { playPresences } from './presence-events.ts';

/** What the incidents planted, for tests and demos to point at. */
export interface Incidents {
  raid: Raid | undefined;
  raiders: string[];
  bans: Ban[];
  roleGrants: RoleGrant[];
}

const byBehaviour = (scenario: ScenarioGuild, behaviour: CastMember['behaviour']) =>
  scenario.cast.filter((cast) => cast.behaviour === behaviour);

/** Troublemakers post for a while, then a moderator bans them with a reason. */
const playTroublemakers = (
  context: GeneratorContext,
  scenario: ScenarioGuild,
  staff: CastMember[],
) =>
  byBehaviour(scenario, 'troublemaker').map((target, index) => {
    const atMs = context.startMs + context.durationMs * (0.3 + 0.05 * index);
    const before = { ...context, durationMs: atMs - context.startMs };
    playMonologue(before, target, scenario.textChannelIds, context.random.int(3, 6));
    playPresences(context, target, atMs);
    const actorId = context.random.pick(staff).member.user.id;
    return playBan(context, { target, atMs, actorId, reason: 'Spamming invite links' });
  });

/** Escalations: the owner hands regulars a dangerous role; a moderator also verifies someone. */
const playRoleGrants = (
  context: GeneratorContext,
  scenario: ScenarioGuild,
  input: { count: number; owner: CastMember; staff: CastMember[] },
): RoleGrant[] => {
  const { random, startMs, durationMs } = context;
  const { roles } = scenario;
  const regulars = byBehaviour(scenario, 'regular');
  const dangerous: APIRole[] = [roles.admin, roles.manager, roles.moderator];
  const grants = regulars.slice(0, input.count).map((target, index) => {
    const atMs = startMs + durationMs * (0.35 + 0.3 * random.next());
    const role = dangerous[index % dangerous.length] ?? roles.admin;
    const actorId = input.owner.member.user.id;
    return playRoleGrant(context, { target, role, actorId, atMs, escalation: true });
  });
  const unverified = regulars
    .slice(input.count)
    .find((cast) => !cast.member.roles.includes(roles.verified.id));
  const moderator = input.staff[0];
  if (unverified && moderator) {
    const atMs = startMs + durationMs * 0.2;
    const actorId = moderator.member.user.id;
    const target = unverified;
    grants.push(
      playRoleGrant(context, { target, role: roles.verified, actorId, atMs, escalation: false }),
    );
  }
  return grants;
};

/** The moderation story of a scenario: a troublemaker banned, a raid, role escalations. */
export const playIncidents = (
  context: GeneratorContext,
  scenario: ScenarioGuild,
  input: { raidSize: number; escalations: number },
): Incidents => {
  const [owner] = byBehaviour(scenario, 'owner');
  if (!owner) return { raid: undefined, raiders: [], bans: [], roleGrants: [] };
  const moderators = byBehaviour(scenario, 'moderator');
  const staff = moderators.length > 0 ? moderators : [owner];
  const bans = playTroublemakers(context, scenario, staff);
  const raidAt = context.startMs + context.durationMs * 0.55;
  const raid =
    input.raidSize > 0
      ? playRaid(context, { scenario, size: input.raidSize, atMs: raidAt, moderators: staff })
      : undefined;
  if (raid) bans.push(...raid.bans);
  const roleGrants = playRoleGrants(context, scenario, { count: input.escalations, owner, staff });
  return {
    raid: raid?.raid,
    raiders: raid ? raid.raiders.map((cast) => cast.member.user.id) : [],
    bans,
    roleGrants,
  };
};
