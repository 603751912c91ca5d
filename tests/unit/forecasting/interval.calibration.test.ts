import { dailyTotals, periodTotal } from '../../../src/forecasting/forecast.service';
import { finalizeForecast } from '../../../src/forecasting/forecast-postprocess';
import {
  calibrateIntervals,
  crossValidatedCoverage,
  dailyQuantiles,
  errorPower,
  leadQuantiles,
  type ScoredForecast,
} from '../../../src/forecasting/interval-calibration';

const flat = (n: number, v: number): number[] => new Array<number>(n).fill(v);
/** A forecast of mean 0 everywhere: the scaled error (y − 0)/√(0 + 1) is y itself. */
const zeroForecast = (actual: number[]): ScoredForecast => ({
  actual,
  forecast: {
    mean: flat(actual.length, 0),
    lo80: flat(actual.length, 0),
    hi80: flat(actual.length, 0),
    lo95: flat(actual.length, 0),
    hi95: flat(actual.length, 0),
  },
  open: flat(actual.length, 1).map(Boolean),
});

describe('lead-time conformal calibration', () => {
  // errors 1…39: order statistics at ⌊40·0.025⌋ = 1, ⌊40·0.1⌋ = 4, ⌈40·0.9⌉ = 36, ⌈40·0.975⌉ = 39
  const scored = [zeroForecast(Array.from({ length: 39 }, (_, i) => i + 1))];

  it('takes conformal order statistics of the scaled errors per lead bucket', () => {
    const lead = leadQuantiles(scored, 39)!;
    expect(lead.bucketSlots).toBe(39);
    expect(lead.quantiles).toHaveLength(1);
    lead.quantiles[0]!.forEach((q, k) => expect(q).toBeCloseTo([1, 4, 36, 39][k]!, 6));
  });

  it('bounds a forecast at mean + q·√(mean + 1) of the step’s bucket', () => {
    const calibration = calibrateIntervals(scored, 39);
    const f = finalizeForecast(
      'SNAIVE',
      { mean: [3], lo80: [3], hi80: [3], lo95: [3], hi95: [3] },
      { open: [true], historyMaxAbs: 10, calibration },
    );
    expect(f.hi80[0]).toBeCloseTo(3 + 36 * 2, 6);
    expect(f.hi95[0]).toBeCloseTo(3 + 39 * 2, 6);
    // the lower quantiles are above the mean here: bounds never cross the mean
    expect(f.lo80[0]).toBe(3);
  });

  it('measures coverage leave-one-origin-out', () => {
    const a = zeroForecast(Array.from({ length: 40 }, (_, i) => i % 10));
    const b = zeroForecast(Array.from({ length: 40 }, (_, i) => (i % 10) + 100));
    // calibrated on a (errors 0…9), b's errors 100…109 all fall outside; calibrated on b the
    // band is [mean, mean + 109] (a lower bound never rises above the mean), so all of a is in
    expect(crossValidatedCoverage([a, b], 40)).toEqual({ coverage80: 0.5, coverage95: 0.5 });
    expect(crossValidatedCoverage([a], 40)).toBeNull();
  });

  it('daily totals get their own interval from backtested daily-total errors', () => {
    // 12 days of 2 slots: daily totals 1…12 against a mean of 0
    const actual = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? Math.floor(i / 2) + 1 : 0));
    const q = dailyQuantiles([zeroForecast(actual)], 2)!;
    q.forEach((v, k) => expect(v).toBeCloseTo([1, 1, 12, 12][k]!, 6));
    const t = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
    const points = [t(9), t(10)].map((at) => ({
      t: at,
      mean: 49.5,
      lo80: 0,
      hi80: 1000,
      lo95: 0,
      hi95: 1000,
    }));
    const [day] = dailyTotals(points, 'Europe/London', [-2, -1, 1, 2]);
    // M = 99, √(M + 1) = 10: never the sum of the interval bounds (2000)
    expect(day).toEqual({ date: '2026-12-07', mean: 99, lo95: 79, lo80: 89, hi80: 109, hi95: 119 });
    const total = periodTotal([day!, { ...day!, date: '2026-12-08' }]);
    expect(total.mean).toBe(198);
    expect(total.hi80).toBeCloseTo(198 + Math.sqrt(200), 9);
    expect(total.lo95).toBeCloseTo(198 - Math.sqrt(800), 9);
  });
});

describe('conformal error scale follows the series’ own variance (Guerrero)', () => {
  // 12 seasons of a period-4 pattern; level L_k = 10·2^(k/3)
  const pattern = [1, -1, 0.5, -0.5];
  const seasons = (sd: (level: number) => number): number[] =>
    Array.from({ length: 48 }, (_, i) => {
      const level = 10 * Math.pow(2, Math.floor(i / 4) / 3);
      return level + sd(level) * pattern[i % 4]!;
    });

  it('is about 1 when the spread grows with the level, about 0 when it is constant', () => {
    expect(
      errorPower(
        seasons((l) => 0.2 * l),
        4,
      ),
    ).toBeGreaterThan(0.95);
    expect(
      errorPower(
        seasons(() => 2),
        4,
      ),
    ).toBeLessThan(0.05);
    expect(errorPower([1, -1, 2, 3, 4, 5, 6, 7, 8, 9], 2)).toBeUndefined();
  });

  it('scales errors by (mean + 1)^power and bounds by the same', () => {
    // mean 9 everywhere, errors 10…390 (step 10): scaled by (9 + 1)^1 = 10 they are 1…39
    const actual = Array.from({ length: 39 }, (_, i) => 9 + 10 * (i + 1));
    const scored: ScoredForecast[] = [
      {
        actual,
        forecast: {
          mean: flat(39, 9),
          lo80: flat(39, 9),
          hi80: flat(39, 9),
          lo95: flat(39, 9),
          hi95: flat(39, 9),
        },
        open: flat(39, 1).map(Boolean),
      },
    ];
    const lead = leadQuantiles(scored, 39, 1)!;
    expect(lead.power).toBe(1);
    lead.quantiles[0]!.forEach((q, k) => expect(q).toBeCloseTo([1, 4, 36, 39][k]!, 6));
    const f = finalizeForecast(
      'SNAIVE',
      { mean: [19], lo80: [19], hi80: [19], lo95: [19], hi95: [19] },
      { open: [true], historyMaxAbs: 100, calibration: { c80: 1, c95: 1, lead } },
    );
    // at a mean of 19 the scale is (19 + 1)^1 = 20
    expect(f.hi95[0]).toBeCloseTo(19 + 39 * 20, 6);
  });
});
