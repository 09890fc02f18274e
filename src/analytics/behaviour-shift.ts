import type { BehaviourShiftRow } from '../store/queries/analytics/list-behaviour-shifts.ts';

export type ShiftFlag = 'messageDrop' | 'messageSpike' | 'typingSpike' | 'newPlatform';

/** A figure in the previous window and in the current one. */
export interface Change<T> {
  before: T;
  now: T;
}

export interface BehaviourShift {
  userId: string;
  username: string;
  displayName: string;
  /** The number of flags raised. */
  score: number;
  flags: ShiftFlag[];
  messages: Change<number>;
  typing: Change<number>;
  onlineSeconds: Change<number>;
  platforms: Change<string[]>;
  /** Platforms seen now and not in the previous window (empty unless `newPlatform`). */
  newPlatforms: string[];
}

const flagOrder: readonly ShiftFlag[] = [
  'messageDrop',
  'messageSpike',
  'typingSpike',
  'newPlatform',
];

/** Shapes one member's figures of both windows into a result item. */
export const toBehaviourShift = (row: BehaviourShiftRow): BehaviourShift => {
  const flags = flagOrder.filter((flag) => row[flag]);
  const before = new Set(row.platformsBefore);
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    score: flags.length,
    flags,
    messages: { before: row.messagesBefore, now: row.messagesNow },
    typing: { before: row.typingBefore, now: row.typingNow },
    onlineSeconds: { before: row.onlineSecondsBefore, now: row.onlineSecondsNow },
    platforms: { before: row.platformsBefore, now: row.platformsNow },
    newPlatforms: row.newPlatform ? row.platformsNow.filter((p) => !before.has(p)) : [],
  };
};
