import type { TimelineAnchorRow } from '../store/queries/analytics/list-timeline-anchors.ts';

export type AnomalyMark = 'rapidMessage' | 'messageSoonAfterJoin';

/** PRODUCT.md's examples of adjacent-event anomalies. */
export const anomalyThresholds = { rapidMessageMs: 1_000, afterJoinMs: 10_000 } as const;

const isBefore = (a: TimelineAnchorRow, b: { timestamp: Date; id: string }) =>
  a.timestamp.getTime() < b.timestamp.getTime() ||
  (a.timestamp.getTime() === b.timestamp.getTime() && a.id < b.id);

/**
 * The marks of one timeline event: a message less than 1 s after the member's previous message
 * (`rapidMessage`), a message less than 10 s after their latest join (`messageSoonAfterJoin`).
 * "Previous" is among `anchors` (the member's messages and joins, whatever the timeline's
 * filters), so the marks do not depend on the page or on which kinds are shown.
 */
export const toAnomalyMarks = (
  event: { kind: string; id: string; timestamp: Date },
  anchors: readonly TimelineAnchorRow[],
): AnomalyMark[] => {
  if (event.kind !== 'message') return [];
  let previousMessage: TimelineAnchorRow | undefined;
  let lastJoin: TimelineAnchorRow | undefined;
  for (const anchor of anchors) {
    if (anchor.kind === 'message' && isBefore(anchor, event)) {
      if (!previousMessage || isBefore(previousMessage, anchor)) previousMessage = anchor;
    }
    if (anchor.kind === 'join' && anchor.timestamp.getTime() <= event.timestamp.getTime()) {
      if (!lastJoin || lastJoin.timestamp < anchor.timestamp) lastJoin = anchor;
    }
  }
  const at = event.timestamp.getTime();
  const marks: AnomalyMark[] = [];
  if (
    previousMessage &&
    at - previousMessage.timestamp.getTime() < anomalyThresholds.rapidMessageMs
  ) {
    marks.push('rapidMessage');
  }
  if (lastJoin && at - lastJoin.timestamp.getTime() < anomalyThresholds.afterJoinMs) {
    marks.push('messageSoonAfterJoin');
  }
  return marks;
};
