export const suspicionFactorNames = [
  'ghost',
  'lurker',
  'multiClient',
  'newAccount',
  'roleEscalation',
  'behaviourShift',
  'timingRegularity',
  'raidJoin',
] as const;
export type SuspicionFactorName = (typeof suspicionFactorNames)[number];

/** One factor's value, 0–100, and why, in words a moderator reads. */
export interface FactorValue {
  value: number;
  reason: string;
}

export type SuspicionWeights = Record<SuspicionFactorName, number>;

/** Default weights (they sum to 100): a new account and a sudden powerful role weigh most. */
export const suspicionWeights: SuspicionWeights = {
  ghost: 15,
  lurker: 10,
  multiClient: 10,
  newAccount: 20,
  roleEscalation: 15,
  behaviourShift: 10,
  timingRegularity: 10,
  raidJoin: 10,
};

export interface SuspicionScore {
  /** 0–100: the weighted mean of the factor values. */
  total: number;
  factors: ({ name: SuspicionFactorName; weight: number } & FactorValue)[];
}

/**
 * The weighted sum of the factor values divided by the sum of the weights, rounded: always
 * 0–100 whatever the weights add up to (0 when they are all 0).
 */
export const suspicionTotal = (
  values: Record<SuspicionFactorName, number>,
  weights: SuspicionWeights = suspicionWeights,
): number => {
  let weightSum = 0;
  let weighted = 0;
  for (const name of suspicionFactorNames) {
    weightSum += weights[name];
    weighted += weights[name] * values[name];
  }
  return weightSum === 0 ? 0 : Math.round(weighted / weightSum);
};

/**
 * The total of {@link suspicionTotal} with every factor, in a fixed order, with its weight,
 * value and reason.
 */
export const scoreSuspicion = (
  factors: Record<SuspicionFactorName, FactorValue>,
  weights: SuspicionWeights = suspicionWeights,
): SuspicionScore => {
  const list = suspicionFactorNames.map((name) => ({
    name,
    weight: weights[name],
    ...factors[name],
  }));
  const values = Object.fromEntries(list.map((f) => [f.name, f.value])) as Record<
    SuspicionFactorName,
    number
  >;
  return { total: suspicionTotal(values, weights), factors: list };
};
