import type { SuspicionInputRow } from '../store/queries/analytics/list-suspicion-inputs.ts';
import { shiftRules } from './behaviour-shifts.ts';
import {
  type FactorValue,
  type SuspicionFactorName,
  suspicionFactorNames,
  suspicionWeights,
} from './score-suspicion.ts';

/** The thresholds the factors use; ghost and lurker thresholds are PRODUCT.md's defaults. */
export const suspicionThresholds = {
  ghostMinPresence: 30,
  ghostMaxMessages: 10,
  lurkerMinPresence: 5,
  /** Regularity needs at least this many gaps (10 messages) to mean anything. */
  minMessageGaps: 9,
  /** Behaviour shift: the shifts analytic's own thresholds (PRODUCT.md analytic 5). */
  ...shiftRules,
} as const;

/**
 * The scoring every suspicion call uses unless given other weights: the thresholds above and
 * the default weights. The rollup job scores each member under it ahead of requests.
 */
export const defaultSuspicionScoring = { ...suspicionThresholds, weights: suspicionWeights };

const DAY_MS = 86_400_000;
const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

/**
 * One factor as two pure functions of the member's inputs: its value (all members are scored)
 * and the reason for that value (built only for the members listed).
 */
interface Factor {
  value(i: SuspicionInputRow, inRaidBurst: boolean): number;
  reason(i: SuspicionInputRow, inRaidBurst: boolean): string;
}

const isGhost = (i: SuspicionInputRow) =>
  i.presenceCount >= suspicionThresholds.ghostMinPresence &&
  i.messages <= suspicionThresholds.ghostMaxMessages;
const ghostScore = (i: SuspicionInputRow) => i.presenceCount / (i.messages + 1);

const isLurker = (i: SuspicionInputRow) =>
  i.presenceCount >= suspicionThresholds.lurkerMinPresence &&
  i.messages + i.typing + i.reactions === 0;

const accountDays = (i: SuspicionInputRow) => (i.accountAgeAtJoinMs ?? 0) / DAY_MS;

const t = suspicionThresholds;
const messagesDropped = (i: SuspicionInputRow) =>
  i.previousMessages >= t.dropMinMessages && i.messages === 0;
const messagesSpiked = (i: SuspicionInputRow) =>
  i.messages >= t.spikeRatio * i.previousMessages &&
  i.messages >= i.previousMessages + t.spikeMinIncrease;
const typingSpiked = (i: SuspicionInputRow) =>
  i.previousTyping >= t.typingMinBefore && i.typing > t.typingRatio * i.previousTyping;

const shiftFlags = (i: SuspicionInputRow): string[] =>
  [
    messagesDropped(i) ? 'messages dropped to 0' : '',
    messagesSpiked(i) ? 'messages spiked' : '',
    typingSpiked(i) ? 'typing spiked' : '',
  ].filter((f) => f !== '');

const canJudgeTiming = (i: SuspicionInputRow): i is SuspicionInputRow & { gapVariation: number } =>
  i.messageGaps >= suspicionThresholds.minMessageGaps && i.gapVariation !== null;

const factors: Record<SuspicionFactorName, Factor> = {
  ghost: {
    value: (i) => (isGhost(i) ? clamp(ghostScore(i)) : 0),
    reason: (i) =>
      `${i.presenceCount} online snapshots, ${i.messages} messages: ${
        isGhost(i) ? `ghost score ${ghostScore(i).toFixed(1)}` : 'not a ghost'
      }`,
  },
  lurker: {
    value: (i) => (isLurker(i) ? 100 : 0),
    reason: (i) =>
      isLurker(i)
        ? `online in ${i.presenceCount} snapshots, never wrote, typed or reacted`
        : 'not a lurker',
  },
  multiClient: {
    value: (i) => (i.snapshots === 0 ? 0 : clamp((100 * i.multiClientSnapshots) / i.snapshots)),
    reason: (i) =>
      i.snapshots === 0
        ? 'no presence snapshots'
        : `${i.multiClientSnapshots} of ${i.snapshots} snapshots on several clients`,
  },
  newAccount: {
    value: (i) => {
      if (i.accountAgeAtJoinMs === null) return 0;
      const days = accountDays(i);
      return days < 1 ? 100 : days < 7 ? 70 : days < 30 ? 30 : 0;
    },
    reason: (i) =>
      i.accountAgeAtJoinMs === null
        ? 'no join recorded'
        : `account was ${accountDays(i).toFixed(1)} days old at join`,
  },
  roleEscalation: {
    value: (i) => (i.escalatedRoleIds.length > 0 ? 100 : 0),
    reason: (i) =>
      i.escalatedRoleIds.length > 0
        ? `gained a powerful role: ${i.escalatedRoleIds.join(', ')}`
        : 'no powerful role gained',
  },
  behaviourShift: {
    value: (i) => clamp((100 * shiftFlags(i).length) / 3),
    reason: (i) => {
      const flags = shiftFlags(i);
      const change = `messages ${i.previousMessages} → ${i.messages}, typing ${i.previousTyping} → ${i.typing}`;
      return flags.length > 0 ? `${flags.join(', ')} (${change})` : `no shift (${change})`;
    },
  },
  timingRegularity: {
    value: (i) => (canJudgeTiming(i) ? clamp(((1 - i.gapVariation) / 0.9) * 100) : 0),
    reason: (i) =>
      canJudgeTiming(i)
        ? `gaps between ${i.messages} messages vary by ${(i.gapVariation * 100).toFixed(0)}% (bots are regular)`
        : `too few messages to judge timing (${i.messages})`,
  },
  raidJoin: {
    value: (_, inRaidBurst) => (inRaidBurst ? 100 : 0),
    reason: (_, inRaidBurst) =>
      inRaidBurst ? 'joined during a raid burst' : 'not part of a join burst',
  },
};

/**
 * The eight factors' values (0–100) of one member, without their reasons: what ranking every
 * member of a guild needs.
 */
export const toSuspicionFactorValues = (
  input: SuspicionInputRow,
  inRaidBurst: boolean,
): Record<SuspicionFactorName, number> => {
  const values = {} as Record<SuspicionFactorName, number>;
  for (const name of suspicionFactorNames) values[name] = factors[name].value(input, inRaidBurst);
  return values;
};

/**
 * Turns one member's inputs into the eight factors, each 0–100 with its reason. Behaviour shift
 * counts PRODUCT.md's message drop, message spike and typing spike (a third each); timing
 * regularity is 100 when the gaps' coefficient of variation is ≤ 0.1 and 0 when ≥ 1.
 */
export const toSuspicionFactors = (
  input: SuspicionInputRow,
  inRaidBurst: boolean,
): Record<SuspicionFactorName, FactorValue> => {
  const result = {} as Record<SuspicionFactorName, FactorValue>;
  for (const name of suspicionFactorNames) {
    result[name] = {
      value: factors[name].value(input, inRaidBurst),
      reason: factors[name].reason(input, inRaidBurst),
    };
  }
  return result;
};
