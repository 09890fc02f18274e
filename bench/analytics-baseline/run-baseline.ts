import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import { escalationMask } from '../../src/analytics/escalation-permissions.ts';
import type { Queryable } from '../../src/store/database.ts';
import { getOverviewCounts } from './get-overview-counts.ts';
import { listBehaviourShifts } from './list-behaviour-shifts.ts';
import { listChannelActivity } from './list-channel-activity.ts';
import { listChannelDiversity } from './list-channel-diversity.ts';
import { listGhosts } from './list-ghosts.ts';
import { listHeatmapCells } from './list-heatmap-cells.ts';
import { listJoinBursts } from './list-join-bursts.ts';
import { listJoinsPerHour } from './list-joins-per-hour.ts';
import { listLurkers } from './list-lurkers.ts';
import { listMemberChannelActivity } from './list-member-channel-activity.ts';
import { listMultiClientMembers } from './list-multi-client-members.ts';
import { listReactionLatency } from './list-reaction-latency.ts';
import { listRoleDrift } from './list-role-drift.ts';
import { listSuspicionInputs } from './list-suspicion-inputs.ts';

type Run = (db: Queryable, q: AnalyticsQuery) => Promise<unknown>;

const burst = { size: 10, minutes: 5 };

/**
 * The queries each endpoint ran before rollups (copied unchanged from the store), with the
 * endpoint's default parameters: the straightforward aggregation over the raw event tables.
 */
export const baselineQueries: Record<string, Run> = {
  overview: (db, q) => getOverviewCounts(db, q),
  'analytics/multi-client': (db, q) => listMultiClientMembers(db, q),
  'analytics/ghosts': (db, q) => listGhosts(db, q, { minPresence: 30, maxMessages: 10 }),
  'analytics/lurkers': (db, q) => listLurkers(db, q, 5),
  'analytics/shifts': (db, q) =>
    listBehaviourShifts(db, q, {
      dropMinMessages: 3,
      spikeRatio: 3,
      spikeMinIncrease: 10,
      typingRatio: 2,
      typingMinBefore: 5,
    }),
  'analytics/role-drift': (db, q) => listRoleDrift(db, q, escalationMask),
  'analytics/heatmap': (db, q) =>
    Promise.all([listHeatmapCells(db, q, 'messages'), listMemberChannelActivity(db, q)]),
  'analytics/channels': (db, q) =>
    Promise.all([listChannelActivity(db, q), listChannelDiversity(db, q)]),
  'analytics/reaction-latency': (db, q) => listReactionLatency(db, q, 3_000),
  'analytics/joins': (db, q) =>
    Promise.all([listJoinsPerHour(db, q), listJoinBursts(db, q, burst)]),
  'analytics/suspicion': (db, q) =>
    Promise.all([
      listSuspicionInputs(db, q, null),
      listJoinBursts(db, { ...q, limit: 500 }, burst),
    ]),
};
