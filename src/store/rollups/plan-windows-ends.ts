import type { RollupPlan, TimeRange } from './plan-rollup-ranges.ts';
import type { TotalsPlan } from './plan-totals.ts';

/** How a piece counts for one window: added (1), subtracted (-1) or not at all (0). */
export type EndSign = 1 | -1 | 0;

/** Pieces read once for several windows: what to read, and its sign for each window. */
export interface SharedEnds {
  plan: RollupPlan;
  /** One sign per window, in the order of the plans given; never all 0. */
  signs: EndSign[];
}

/** A source of pieces: raw rows, or rollup buckets of one width. */
type Kind = 'raw' | 1 | 24;

interface Signed extends TimeRange {
  kind: Kind;
  window: number;
  sign: 1 | -1;
}

const signedRanges = (plans: readonly TotalsPlan[]): Signed[] =>
  plans.flatMap((plan, window) =>
    (
      [
        [plan.rest, 1],
        [plan.minus, -1],
      ] as const
    ).flatMap(([part, sign]) => [
      ...part.raw.map((r) => ({ ...r, kind: 'raw' as Kind, window, sign })),
      ...part.rolled.map((r) => ({ from: r.from, to: r.to, kind: r.bucketHours, window, sign })),
    ]),
  );

/**
 * The ends of several windows' totals plans (what each adds to or subtracts from its running
 * totals), with every stretch of time read once for all the windows that need it. Adjacent
 * windows meet at one point in time: the previous window's end adds the hours of that day
 * before the point and the next window's start subtracts the same hours (or the reverse), so
 * read per window they would be read twice. Here each source (raw rows, hourly or daily
 * rollups) is cut at every range boundary; each stretch gets one sign per window (the sum of
 * the ranges covering it); stretches with the same signs are read together. A stretch whose
 * signs are all 0 is not read. Each window gets the same sums as from its own plan: rollup
 * buckets are summed whichever stretch reads them, and raw ranges are neither joined nor,
 * for windows that do not overlap, cut apart (each window's raw ranges lie inside it).
 */
export const planWindowsEnds = (plans: readonly TotalsPlan[]): SharedEnds[] => {
  const ranges = signedRanges(plans);
  const groups = new Map<string, SharedEnds>();
  for (const kind of ['raw', 1, 24] as const) {
    const ofKind = ranges.filter((r) => r.kind === kind);
    const cuts = [...new Set(ofKind.flatMap((r) => [r.from.getTime(), r.to.getTime()]))].sort(
      (a, b) => a - b,
    );
    let open: { signs: EndSign[]; from: number; to: number } | null = null;
    const close = () => {
      if (open === null) return;
      const key = open.signs.join(',');
      const group = groups.get(key) ?? { plan: { raw: [], rolled: [] }, signs: open.signs };
      groups.set(key, group);
      const range = { from: new Date(open.from), to: new Date(open.to) };
      if (kind === 'raw') group.plan.raw.push(range);
      else group.plan.rolled.push({ bucketHours: kind, ...range });
      open = null;
    };
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i] as number, cuts[i + 1] as number];
      const sums = plans.map(() => 0);
      for (const r of ofKind) {
        if (r.from.getTime() <= from && r.to.getTime() >= to) {
          sums[r.window] = (sums[r.window] ?? 0) + r.sign;
        }
      }
      if (sums.some((s) => s !== 1 && s !== -1 && s !== 0)) {
        throw new Error('A stretch is counted more than once for one window.');
      }
      const signs = sums as EndSign[];
      const key = signs.join(',');
      // Adjacent raw ranges stay apart: a raw piece's per-piece counts (a platform seen in it)
      // are not sums over its rows.
      if (kind !== 'raw' && open !== null && open.to === from && open.signs.join(',') === key) {
        open.to = to;
        continue;
      }
      close();
      if (signs.some((s) => s !== 0)) open = { signs, from, to };
    }
    close();
  }
  return [...groups.values()];
};
