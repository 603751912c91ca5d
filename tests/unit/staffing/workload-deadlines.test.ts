/**
 * deadlineSlot lists a week's open slots once per `open` array instead of once per call (the
 * carry-in and the LP ask it for every slot: quadratic in the slots of a week). This pins it
 * to the direct scan it replaced.
 */
import { mulberry32 } from '../../../src/common/random';
import { deadlineSlot } from '../../../src/staffing/workload-flow.core';

/** The K-th open slot at or after i, found by scanning the repeating week slot by slot. */
function scanned(open: readonly boolean[], i: number, k: number): number {
  let seen = 0;
  for (let s = i; ; s++) {
    const t = open.length;
    if (open[((s % t) + t) % t]) seen += 1;
    if (seen === k) return s;
  }
}

describe('deadlineSlot', () => {
  it('finds the K-th open slot at or after an arrival, as a scan of the repeating week does', () => {
    const random = mulberry32(7);
    for (const t of [1, 7, 24, 168]) {
      for (const share of [0.05, 0.5, 1]) {
        const open = Array.from({ length: t }, () => random() < share);
        if (!open.includes(true)) open[t - 1] = true;
        for (let i = -2 * t; i < 2 * t; i++)
          for (const k of [1, 2, 5, 40])
            expect([t, i, k, deadlineSlot(open, i, k)]).toEqual([t, i, k, scanned(open, i, k)]);
      }
    }
  });

  it('refuses a week with no open slot', () => {
    expect(() => deadlineSlot([false, false], 0, 1)).toThrow(
      'open must have at least one open slot per week',
    );
  });
});
