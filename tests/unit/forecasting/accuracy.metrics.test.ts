import { accuracy, isDrift, seasonalNaiveScale } from '../../../src/forecasting/accuracy-metrics';
import { calibrateIntervals } from '../../../src/forecasting/interval-calibration';

describe('seasonalNaiveScale', () => {
  it('is the in-sample MAE of y_t − y_{t−m}', () => {
    // diffs with m = 2: |3−1|, |2−2|, |6−3|, |1−2| → (2 + 0 + 3 + 1) / 4 = 1.5
    expect(seasonalNaiveScale([1, 2, 3, 2, 6, 1], 2)).toBe(1.5);
  });

  it('skips pairs with a closed interval', () => {
    // open mask drops t = 4 (closed): pairs t=2,3,5 → (2 + 0 + 1) / 3 = 1
    expect(seasonalNaiveScale([1, 2, 3, 2, 6, 1], 2, [true, true, true, true, false, true])).toBe(1);
  });

  it('names the parameter when the history is too short', () => {
    expect(() => seasonalNaiveScale([1, 2], 2)).toThrow('history must be longer than m (2), got 2 values');
  });
});

describe('accuracy', () => {
  const actual = [10, 20, 0, 40];
  const forecast = {
    mean: [12, 15, 0, 40],
    lo80: [11, 16, 0, 35],
    hi80: [13, 18, 0, 45],
    lo95: [9, 14, 0, 30],
    hi95: [14, 21, 0, 50],
  };

  it('scores the 95 % interval by its width and 40 × its misses (MSIS)', () => {
    // inside every interval: widths 5, 7, 0, 20 → 32 / 4 points / scale 2
    expect(accuracy(actual, forecast, 2).msis).toBeCloseTo(4, 12);
    // 5 lies 4 below [9, 14] and 25 lies 4 above [14, 21]: 2/0.05 · (4 + 4) = 320 more
    const missed = [5, 25, 0, 40];
    expect(accuracy(missed, forecast, 2).msis).toBeCloseTo((32 + 320) / 4 / 2, 12);
  });

  it('matches hand-computed MASE, sMAPE, WAPE, RMSE and coverage', () => {
    const m = accuracy(actual, forecast, 2);
    // errors: −2, 5, 0, 0 → MAE 7/4 = 1.75; MASE = 1.75 / 2
    expect(m.mase).toBeCloseTo(0.875, 12);
    // sMAPE terms: 2·2/22, 2·5/35, 0 (0/0 counts as 0), 0 → 100 · (0.181818… + 0.285714…) / 4
    expect(m.smape).toBeCloseTo((100 * (4 / 22 + 10 / 35)) / 4, 12);
    // WAPE: 7 / 70
    expect(m.wape).toBeCloseTo(10, 12);
    // RMSE: sqrt((4 + 25) / 4)
    expect(m.rmse).toBeCloseTo(Math.sqrt(29 / 4), 12);
    // 80%: 10 ∉ [11,13], 20 ∉ [16,18], 0 ∈ [0,0], 40 ∈ [35,45] → 2/4
    expect(m.coverage80).toBe(0.5);
    // 95%: 10 ∈ [9,14], 20 ∈ [14,21], 0 ∈ [0,0], 40 ∈ [30,50] → 4/4
    expect(m.coverage95).toBe(1);
    expect(m.n).toBe(4);
  });

  it('scores open intervals only', () => {
    const m = accuracy(actual, forecast, 2, [true, true, false, false]);
    // errors −2, 5 → MAE 3.5; WAPE 7/30; coverage80 0/2; coverage95 2/2
    expect(m.mase).toBeCloseTo(1.75, 12);
    expect(m.wape).toBeCloseTo((100 * 7) / 30, 12);
    expect(m.coverage80).toBe(0);
    expect(m.coverage95).toBe(1);
    expect(m.n).toBe(2);
  });

  it('reports MASE as NaN when the scale is zero', () => {
    expect(accuracy(actual, forecast, 0).mase).toBeNaN();
  });

  it('rejects a forecast of the wrong length', () => {
    expect(() => accuracy([1], forecast, 1)).toThrow('forecast length 4 must equal actual length 1');
  });
});

describe('calibrateIntervals', () => {
  it('takes the 80% / 95% quantiles of error / half-width', () => {
    // 41 points, mean 0, half-widths 1 (80%) and 2 (95%), errors 0, 0.1, …, 4.0
    const n = 41;
    const actual = Array.from({ length: n }, (_, i) => i / 10);
    const zeros = new Array<number>(n).fill(0);
    const forecast = {
      mean: zeros,
      lo80: zeros.map(() => -1),
      hi80: zeros.map(() => 1),
      lo95: zeros.map(() => -2),
      hi95: zeros.map(() => 2),
    };
    const c = calibrateIntervals([{ actual, forecast, open: actual.map(() => true) }]);
    // 80% quantile of 0..4.0 step 0.1 is 3.2 (÷1); 95% quantile is 3.8 (÷2) = 1.9
    expect(c.c80).toBeCloseTo(3.2, 12);
    expect(c.c95).toBeCloseTo(1.9, 12);
  });

  it('keeps factors at 1 with fewer than 30 points', () => {
    const f = { mean: [0], lo80: [-1], hi80: [1], lo95: [-2], hi95: [2] };
    expect(calibrateIntervals([{ actual: [5], forecast: f, open: [true] }])).toEqual({ c80: 1, c95: 1 });
  });
});

describe('isDrift', () => {
  const backtest = { wape: 20, mase: 0.8 };

  it('fires on |bias| above 10 % of the actual total even when WAPE and MASE are as in the backtest', () => {
    expect(isDrift({ wape: 15, mase: 0.7, biasPercent: -12 }, backtest, 1.5)).toBe(true);
    expect(isDrift({ wape: 15, mase: 0.7, biasPercent: 10.5 }, backtest, 1.5)).toBe(true);
    expect(isDrift({ wape: 15, mase: 0.7, biasPercent: -10 }, backtest, 1.5)).toBe(false);
  });

  it('fires on WAPE or MASE above the backtest × factor; not without a backtest figure', () => {
    expect(isDrift({ wape: 31, mase: 0.7, biasPercent: 0 }, backtest, 1.5)).toBe(true);
    expect(isDrift({ wape: 15, mase: 1.3, biasPercent: 0 }, backtest, 1.5)).toBe(true);
    expect(isDrift({ wape: 99, mase: 9, biasPercent: 0 }, { wape: null, mase: null }, 1.5)).toBe(false);
    expect(isDrift({ wape: 15, mase: 0.7, biasPercent: NaN }, backtest, 1.5)).toBe(false);
  });
});
