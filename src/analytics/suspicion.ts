import type { Queryable } from '../store/database.ts';
import { listJoinBursts } from '../store/queries/analytics/list-join-bursts.ts';
import {
  listSuspicionInputs,
  type SuspicionInputRow,
} from '../store/queries/analytics/list-suspicion-inputs.ts';
import { type AnalyticsQuery, analyticsDefaults } from './analytics-query.ts';
import { burstDefaults } from './joins.ts';
import { type SuspicionWeights, scoreSuspicion, suspicionWeights } from './score-suspicion.ts';
import { suspicionThresholds, toSuspicionFactors } from './to-suspicion-factors.ts';
import { toWindowJson } from './to-window-json.ts';

/** Said in every suspicion response: the score informs a human, it never acts. */
export const suspicionNotice =
  'Advisory only: a weighted sum of explainable signals to help staff decide where to look. It is not proof and never bans anyone.';

const scoreMembers = async (
  db: Queryable,
  query: AnalyticsQuery,
  userDiscordId: string | null,
  weights: SuspicionWeights,
) => {
  const [inputs, bursts] = await Promise.all([
    listSuspicionInputs(db, query, userDiscordId, suspicionThresholds.minMessageGaps),
    listJoinBursts(db, { ...query, limit: analyticsDefaults.maxLimit }, burstDefaults),
  ]);
  const raiders = new Set(bursts.flatMap((b) => b.memberIds));
  return inputs.map((input: SuspicionInputRow) => ({
    userId: input.userId,
    username: input.username,
    displayName: input.displayName,
    ...scoreSuspicion(toSuspicionFactors(input, raiders.has(input.userId)), weights),
  }));
};

/**
 * PRODUCT.md analytic 11 for every member of the guild: the `limit` highest totals (ties by
 * Discord id), each with all eight factors (weight, value 0–100, reason). Window-based factors
 * use the query's window (behaviour shift compares with the previous one); new account uses
 * the latest join before the window's end; raid join uses the joins analytic's default burst.
 */
export const getSuspicion = async (
  db: Queryable,
  query: AnalyticsQuery,
  weights: SuspicionWeights = suspicionWeights,
) => {
  const scored = await scoreMembers(db, query, null, weights);
  scored.sort((a, b) => b.total - a.total || (a.userId < b.userId ? -1 : 1));
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    advisory: suspicionNotice,
    items: scored.slice(0, query.limit),
  };
};

/** One member's suspicion score; `undefined` when they are not a member or opted out. */
export const getMemberSuspicion = async (
  db: Queryable,
  query: AnalyticsQuery,
  userDiscordId: string,
  weights: SuspicionWeights = suspicionWeights,
) => {
  const [member] = await scoreMembers(db, query, userDiscordId, weights);
  if (!member) return undefined;
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    advisory: suspicionNotice,
    ...member,
  };
};
