import { describe, expect, it } from 'vitest';
import { planCountRanges } from './plan-count-ranges.ts';

const at = (iso: string) => new Date(iso);
const window = (from: string, to: string) => ({ from: at(from), to: at(to) });

describe('planCountRanges', () => {
  it('reads everything raw before the first count', () => {
    const w = window('2026-01-01T10:20:00Z', '2026-01-08T10:20:00Z');
    expect(planCountRanges(w, null)).toEqual({ raw: [w], counted: null });
  });

  it('counts whole quarter-hours up to the watermark, the partial quarter and the rest raw', () => {
    expect(
      planCountRanges(
        window('2026-01-01T10:20:00Z', '2026-01-08T10:50:00Z'),
        at('2026-01-08T09:00:00Z'),
      ),
    ).toEqual({
      raw: [
        window('2026-01-01T10:20:00Z', '2026-01-01T10:30:00Z'),
        window('2026-01-08T09:00:00Z', '2026-01-08T10:50:00Z'),
      ],
      counted: window('2026-01-01T10:30:00Z', '2026-01-08T09:00:00Z'),
    });
  });

  it('ends at the last whole quarter before `to` when the window ends before the watermark', () => {
    expect(
      planCountRanges(
        window('2026-01-01T10:15:00Z', '2026-01-01T12:59:59Z'),
        at('2026-02-01T00:00:00Z'),
      ),
    ).toEqual({
      raw: [window('2026-01-01T12:45:00Z', '2026-01-01T12:59:59Z')],
      counted: window('2026-01-01T10:15:00Z', '2026-01-01T12:45:00Z'),
    });
  });

  it('reads a window inside one quarter, or after the watermark, raw', () => {
    const inside = window('2026-01-01T10:16:00Z', '2026-01-01T10:29:00Z');
    expect(planCountRanges(inside, at('2026-02-01T00:00:00Z'))).toEqual({
      raw: [inside],
      counted: null,
    });
    const after = window('2026-01-01T10:00:00Z', '2026-01-01T14:00:00Z');
    expect(planCountRanges(after, at('2026-01-01T10:00:00Z'))).toEqual({
      raw: [after],
      counted: null,
    });
  });

  it('counts whole hours when the buckets are hours (the channel counts)', () => {
    expect(
      planCountRanges(
        window('2026-01-01T10:20:00Z', '2026-01-08T10:50:00Z'),
        at('2026-01-08T09:00:00Z'),
        3_600_000,
      ),
    ).toEqual({
      raw: [
        window('2026-01-01T10:20:00Z', '2026-01-01T11:00:00Z'),
        window('2026-01-08T09:00:00Z', '2026-01-08T10:50:00Z'),
      ],
      counted: window('2026-01-01T11:00:00Z', '2026-01-08T09:00:00Z'),
    });
    const inside = window('2026-01-01T10:16:00Z', '2026-01-01T10:59:00Z');
    expect(planCountRanges(inside, at('2026-02-01T00:00:00Z'), 3_600_000)).toEqual({
      raw: [inside],
      counted: null,
    });
  });
});
