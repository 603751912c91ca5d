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

  it("gives R's mad() before scaling and falls back to the mean absolute deviation when the MAD is 0", () => {
    // R: mad(c(1, 2, 3, 4, 100), constant = 1) = 1
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(robustScale([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 10);
    // more than half tie: MAD 0, so 1.2533 · mean |x − 5| = 1.2533 · 10 / 5
    expect(robustScale([5, 5, 5, 5, 15])).toBeCloseTo(2.5066, 10);
  });
});
