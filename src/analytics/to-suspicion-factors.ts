import type { SuspicionInputRow } from '../store/queries/analytics/list-suspicion-inputs.ts';
import type { FactorValue, SuspicionFactorName } from './score-suspicion.ts';

/** The thresholds the factors use; ghost and lurker thresholds are PRODUCT.md's defaults. */
export const suspicionThresholds = {
  ghostMinPresence: 30,
  ghostMaxMessages: 10,
  lurkerMinPresence: 5,
  /** Regularity needs at least this many gaps (10 messages) to mean anything. */
  minMessageGaps: 9,
} as const;

const DAY_MS = 86_400_000;
const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

const ghost = (i: SuspicionInputRow): FactorValue => {
  const score = i.presenceCount / (i.messages + 1);
  const counts = `${i.presenceCount} online snapshots, ${i.messages} messages`;
  return i.presenceCount >= suspicionThresholds.ghostMinPresence &&
    i.messages <= suspicionThresholds.ghostMaxMessages
    ? { value: clamp(score), reason: `${counts}: ghost score ${score.toFixed(1)}` }
    : { value: 0, reason: `${counts}: not a ghost` };
};

const lurker = (i: SuspicionInputRow): FactorValue =>
  i.presenceCount >= suspicionThresholds.lurkerMinPresence &&
  i.messages + i.typing + i.reactions === 0
    ? {
        value: 100,
        reason: `online in ${i.presenceCount} snapshots, never wrote, typed or reacted`,
      }
    : { value: 0, reason: 'not a lurker' };

const multiClient = (i: SuspicionInputRow): FactorValue => {
  if (i.snapshots === 0) return { value: 0, reason: 'no presence snapshots' };
  const value = clamp((100 * i.multiClientSnapshots) / i.snapshots);
  return {
    value,
    reason: `${i.multiClientSnapshots} of ${i.snapshots} snapshots on several clients`,
  };
};

const newAccount = (i: SuspicionInputRow): FactorValue => {
  if (i.accountAgeAtJoinMs === null) return { value: 0, reason: 'no join recorded' };
  const days = i.accountAgeAtJoinMs / DAY_MS;
  const value = days < 1 ? 100 : days < 7 ? 70 : days < 30 ? 30 : 0;
  return { value, reason: `account was ${days.toFixed(1)} days old at join` };
};

const roleEscalation = (i: SuspicionInputRow): FactorValue =>
  i.escalatedRoleIds.length > 0
    ? { value: 100, reason: `gained a powerful role: ${i.escalatedRoleIds.join(', ')}` }
    : { value: 0, reason: 'no powerful role gained' };

const behaviourShift = (i: SuspicionInputRow): FactorValue => {
  const flags = [
    i.previousMessages >= 3 && i.messages === 0 ? 'messages dropped to 0' : '',
    i.messages >= 3 * i.previousMessages && i.messages >= i.previousMessages + 10
      ? 'messages spiked'
      : '',
    i.previousTyping >= 5 && i.typing > 2 * i.previousTyping ? 'typing spiked' : '',
  ].filter((f) => f !== '');
  const change = `messages ${i.previousMessages} → ${i.messages}, typing ${i.previousTyping} → ${i.typing}`;
  return {
    value: clamp((100 * flags.length) / 3),
    reason: flags.length > 0 ? `${flags.join(', ')} (${change})` : `no shift (${change})`,
  };
};

const timingRegularity = (i: SuspicionInputRow): FactorValue => {
  if (i.messageGaps < suspicionThresholds.minMessageGaps || i.gapVariation === null) {
    return { value: 0, reason: `too few messages to judge timing (${i.messages})` };
  }
  const value = clamp(((1 - i.gapVariation) / 0.9) * 100);
  return {
    value,
    reason: `gaps between ${i.messages} messages vary by ${(i.gapVariation * 100).toFixed(0)}% (bots are regular)`,
  };
};

/**
 * Turns one member's inputs into the eight factors, each 0–100 with its reason. Behaviour shift
 * counts PRODUCT.md's message drop, message spike and typing spike (a third each); timing
 * regularity is 100 when the gaps' coefficient of variation is ≤ 0.1 and 0 when ≥ 1.
 */
export const toSuspicionFactors = (
  input: SuspicionInputRow,
  inRaidBurst: boolean,
): Record<SuspicionFactorName, FactorValue> => ({
  ghost: ghost(input),
  lurker: lurker(input),
  multiClient: multiClient(input),
  newAccount: newAccount(input),
  roleEscalation: roleEscalation(input),
  behaviourShift: behaviourShift(input),
  timingRegularity: timingRegularity(input),
  raidJoin: inRaidBurst
    ? { value: 100, reason: 'joined during a raid burst' }
    : { value: 0, reason: 'not part of a join burst' },
});
