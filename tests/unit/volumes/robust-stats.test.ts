import { mad, median, robustScale } from '../../../src/volumes/robust-stats';

describe('robust statistics of the volume validator', () => {
  it('takes the median of unsorted, negative and fractional values without touching them', () => {
    const xs = [10, -2, 3.5, 100, 7];
    expect(median(xs)).toBe(7);
    expect(xs).toEqual([10, -2, 3.5, 100, 7]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // numeric order, not the string order of a default sort (10 < 9 as strings)
    expect(median([9, 10, 100])).toBe(10);
    expect(median([])).toBeNaN();
  });

  it('selects the same median as a full sort, on ties, runs and every length up to 60', () => {
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sorted = (xs: number[]): number => {
      const s = [...xs].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
    };
    for (let n = 1; n <= 60; n += 1) {
      const shapes = [
        Array.from({ length: n }, () => next() * 100 - 50),
        Array.from({ length: n }, () => Math.floor(next() * 3)),
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, (_, i) => n - i),
        Array.from({ length: n }, () => 4),
      ];
      for (const xs of shapes) expect(median(xs)).toBe(sorted(xs));
    }
    const large = Array.from({ length: 10_001 }, () => Math.round(next() * 1000));
    expect(median(large)).toBe(sorted(large));
  });

  it("gives R's mad() before scaling and falls back to the mean absolute deviation when the MAD is 0", () => {
    // R: mad(c(1, 2, 3, 4, 100), constant = 1) = 1
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(robustScale([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 10);
    // more than half tie: MAD 0, so 1.2533 · mean |x − 5| = 1.2533 · 10 / 5
    expect(robustScale([5, 5, 5, 5, 15])).toBeCloseTo(2.5066, 10);
  });
});
