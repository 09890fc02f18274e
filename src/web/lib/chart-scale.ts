/** The smallest "round" number (1, 2, 2.5, 5 × 10^k) at or above `max`; 1 for an empty axis. */
export const toNiceMax = (max: number): number => {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= max) ?? 10;
  return step * power;
};

/** Ticks from 0 to `niceMax` at a round step (about five of them): 0, 10 … 50, never 12.5. */
export const toTicks = (niceMax: number): number[] => {
  const step = toNiceMax(niceMax / 5);
  const ticks: number[] = [];
  for (let index = 0; index * step <= niceMax * (1 + 1e-9); index++) ticks.push(index * step);
  return ticks;
};

/** A linear mapping of `[d0, d1]` onto `[r0, r1]`; a flat domain maps to the range's start. */
export const toLinearScale =
  (domain: readonly [number, number], range: readonly [number, number]) =>
  (value: number): number => {
    const [d0, d1] = domain;
    const [r0, r1] = range;
    if (d1 === d0) return r0;
    return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
  };
