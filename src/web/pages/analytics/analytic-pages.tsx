import {
  channelsPage,
  joinsPage,
  reactionLatencyPage,
  roleDriftPage,
  suspicionPage,
} from './activity-analytics.tsx';
import type { AnalyticPageDef } from './analytic-page-def.ts';
import {
  ghostsPage,
  heatmapPage,
  lurkersPage,
  multiClientPage,
  shiftsPage,
} from './presence-analytics.tsx';

/** Every analytic page, in navigation order. */
export const analyticPages: readonly AnalyticPageDef[] = [
  multiClientPage,
  ghostsPage,
  lurkersPage,
  shiftsPage,
  roleDriftPage,
  heatmapPage,
  channelsPage,
  reactionLatencyPage,
  joinsPage,
  suspicionPage,
];
