import type { Queryable } from '../store/database.ts';
import { listJoinBursts } from '../store/queries/analytics/list-join-bursts.ts';
import {
  listSuspicionInputs,
  type SuspicionInputRow,
} from '../store/queries/analytics/list-suspicion-inputs.ts';
import { listSuspicionTop } from '../store/queries/analytics/list-suspicion-top.ts';
import { type AnalyticsQuery, analyticsDefaults } from './analytics-query.ts';
import { burstDefaults } from './joins.ts';
import { type SuspicionWeights, scoreSuspicion, suspicionWeights } from './score-suspicion.ts';
import { suspicionThresholds, toSuspicionFactors } from './to-suspicion-factors.ts';
import { toWindowJson } from './to-window-json.ts';

/** Said in every suspicion response: the score informs a human, it never acts. */
export const suspicionNotice =
  'Advisory only: a weighted sum of explainable signals to help staff decide where to look. It is not proof and never bans anyone.';

/** Every member's inputs (or only `userDiscordId`'s) and whether they joined in a raid burst. */
const loadMembers = async (db: Queryable, query: AnalyticsQuery, userDiscordId: string | null) => {
  const [inputs, bursts] = await Promise.all([
    listSuspicionInputs(db, query, userDiscordId, suspicionThresholds.minMessageGaps),
    listJoinBursts(db, { ...query, limit: analyticsDefaults.maxLimit }, burstDefaults),
  ]);
  const raiders = new Set(bursts.flatMap((b) => b.memberIds));
  return inputs.map((input) => ({ input, inRaidBurst: raiders.has(input.userId) }));
};

const toScoredMember = (
  { input, inRaidBurst }: { input: SuspicionInputRow; inRaidBurst: boolean },
  weights: SuspicionWeights,
) => ({
  userId: input.userId,
  username: input.username,
  displayName: input.displayName,
  ...scoreSuspicion(toSuspicionFactors(input, inRaidBurst), weights),
});

/**
 * PRODUCT.md analytic 11 for every member of the guild: the `limit` highest totals (ties by
 * Discord id), each with all eight factors (weight, value 0–100, reason). Window-based factors
 * use the query's window (behaviour shift compares with the previous one); new account uses
 * the latest join before the window's end; raid join uses the joins analytic's default burst.
 * Every member is ranked in the database by the factor values alone (listSuspicionTop computes
 * them as toSuspicionFactorValues does); the listed ones are scored here, with their reasons.
 */
export const getSuspicion = async (
  db: Queryable,
  query: AnalyticsQuery,
  weights: SuspicionWeights = suspicionWeights,
) => {
  // The raid bursts are read while the ranking reads its plans (two connections on a pool).
  const ranking = listJoinBursts(
    db,
    { ...query, limit: analyticsDefaults.maxLimit },
    burstDefaults,
  ).then((bursts) => ({
    ...suspicionThresholds,
    weights,
    raiderIds: [...new Set(bursts.flatMap((b) => b.memberIds))],
  }));
  const top = await listSuspicionTop(db, query, ranking);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    advisory: suspicionNotice,
    items: top.map(({ inRaidBurst, total: _, ...input }) =>
      toScoredMember({ input, inRaidBurst }, weights),
    ),
  };
};

/** One member's suspicion score; `undefined` when they are not a member or opted out. */
export const getMemberSuspicion = async (
  db: Queryable,
  query: AnalyticsQuery,
  userDiscordId: string,
  weights: SuspicionWeights = suspicionWeights,
) => {
  const [loaded] = await loadMembers(db, query, userDiscordId);
  if (!loaded) return undefined;
  const member = toScoredMember(loaded, weights);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    advisory: suspicionNotice,
    ...member,
  };
};
