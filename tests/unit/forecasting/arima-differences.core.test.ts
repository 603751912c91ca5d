import {
  arimaDifferences,
  difference,
  kpssLags,
  kpssStatistic,
  ndiffs,
  nsdiffs,
  seasonalStrength,
  constantAfterDifferences,
  continueDifferenced,
} from '../../../src/forecasting/models/arima-differences.core';
import { R_ARIMA } from './arima-reference.fixture';

const cases = Object.entries(R_ARIMA);
const seasonal = cases.filter(([, c]) => c.period > 1);

describe('KPSS and ndiffs against urca::ur.kpss and forecast::ndiffs', () => {
  it('uses R’s lag truncation ⌊3√n / 13⌋', () => {
    expect([kpssLags(144), kpssLags(180), kpssLags(462)]).toEqual([2, 3, 4]);
  });

  it.each(cases)('%s: the level-stationarity statistic to 1e-9', (_, c) => {
    expect(Math.abs(kpssStatistic(c.values) - c.kpss)).toBeLessThan(1e-9 * Math.max(1, c.kpss));
  });

  it.each(cases)('%s: the same number of differences', (_, c) => {
    expect(ndiffs(c.values)).toBe(c.ndiffs);
  });

  it('needs no difference for a constant series, and stops at two', () => {
    expect(ndiffs(Array.from({ length: 50 }, () => 7))).toBe(0);
    const cubic = Array.from({ length: 200 }, (_, t) => (t * t * t) / 1000);
    expect(ndiffs(cubic)).toBe(2);
  });
});

describe('seasonal strength and nsdiffs against forecast::nsdiffs(test = "seas")', () => {
  it.each(seasonal)('%s: the strength within 0.05 of R’s STL-based one', (_, c) => {
    expect(Math.abs(seasonalStrength(c.values, c.period) - (c.seasonalStrength ?? NaN))).toBeLessThan(0.05);
  });

  it.each(seasonal)('%s: the same seasonal and then ordinary differences', (_, c) => {
    expect(nsdiffs(c.values, c.period)).toBe(c.nsdiffs);
    expect(arimaDifferences(c.values, c.period)).toEqual({ d: c.ndiffsAfterSeasonal, D: c.nsdiffs });
  });

  it('takes no seasonal difference without more than two seasons, or without a season', () => {
    const wave = Array.from({ length: 24 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12));
    expect(seasonalStrength(wave, 12)).toBeGreaterThan(0.99);
    expect(nsdiffs(wave, 12)).toBe(0);
    expect(nsdiffs([...wave, ...wave], 12)).toBe(1);
    expect(nsdiffs([...wave, ...wave], 1)).toBe(0);
  });

  it('differences at a lag', () => {
    expect(difference([1, 4, 9, 16, 25], 1)).toEqual([3, 5, 7, 9]);
    expect(difference([1, 2, 3, 11, 12, 13], 3)).toEqual([10, 10, 10]);
  });
});

describe('series that differencing makes constant (R fits no ARMA terms to them)', () => {
  it('finds the constant, or none', () => {
    const line = Array.from({ length: 30 }, (_, t) => 2 * t + 1);
    expect(constantAfterDifferences(line, 1, 0, 12)).toBe(2);
    expect(
      constantAfterDifferences(
        Array.from({ length: 30 }, () => 5),
        0,
        0,
        12,
      ),
    ).toBe(5);
    expect(
      constantAfterDifferences(
        line.map((v, t) => v + (t % 2)),
        1,
        0,
        12,
      ),
    ).toBeNull();
  });

  it('continues a line, a repeating season and a season on a trend exactly', () => {
    const line = Array.from({ length: 30 }, (_, t) => 2 * t + 1);
    expect(continueDifferenced(line, 1, 0, 12, 2, 3)).toEqual([61, 63, 65]);
    const season = Array.from({ length: 24 }, (_, t) => [3, 9, 4, 7][t % 4]);
    expect(continueDifferenced(season, 0, 1, 4, 0, 5)).toEqual([3, 9, 4, 7, 3]);
    const both = season.map((v, t) => v + 10 * Math.floor(t / 4));
    // seasonally differenced: 10 each step (d = 0, D = 1): the season rises by 10 a cycle
    expect(continueDifferenced(both, 0, 1, 4, 10, 4)).toEqual([63, 69, 64, 67]);
  });
});
