/**
 * The share (0–1, rounded to 4 decimals) of `part` in `whole`; 0 when `whole` is 0, so an
 * empty denominator never yields NaN in a response.
 */
export const toMultiClientShare = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
