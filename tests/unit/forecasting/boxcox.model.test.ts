import { guerreroLambda } from '../../../src/forecasting/models/boxcox.core';
import { BASE_FORECASTERS } from '../../../src/forecasting/models/ensemble';
import { autoSpecs } from '../../../src/forecasting/candidate-backtest';
import { backtestCandidates } from '../../../src/forecasting/candidate-backtest-steps';
import { MODEL_FIT_FAILED } from '../../../src/forecasting/forecast-errors';
import { airPassengers } from './airpassengers.fixture';

/** AirPassengers (λ −0.29: it wants a log-like transform) with a two-month gap recorded as zeros. */
const withGap = (): number[] => airPassengers().map((v, i) => (i === 100 || i === 101 ? 0 : v));

/** Poisson counts whose mean grows year by year (variance = mean: λ near ½), zeros included. */
function growingCounts(): number[] {
  let seed = 7;
  const uniform = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: 144 }, (_, t) => {
    const mean = 0.5 + t / 12;
    // Poisson by inversion
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = uniform();
    while (u > cdf) {
      k += 1;
      p *= mean / k;
      cdf += p;
    }
    return k;
  });
}

describe('Box-Cox on a series with zeros', () => {
  it("fails the fit when Guerrero's λ stops at its floor 0.1: the zeros would become outliers", () => {
    expect(guerreroLambda(withGap(), { period: 12 })).toBeLessThan(0.101);
    for (const kind of ['THETA', 'MSTL'] as const) {
      expect(() =>
        BASE_FORECASTERS[kind].fit({ values: withGap(), periods: [12] }, { boxCox: 'auto' }),
      ).toThrow(
        expect.objectContaining({ code: MODEL_FIT_FAILED, message: expect.stringContaining('floor 0.1') }),
      );
    }
  });

  it('still transforms counts with zeros whose λ lies above the floor, and a fixed λ is taken as given', () => {
    const counts = growingCounts();
    expect(counts.filter((v) => v === 0).length).toBeGreaterThan(2);
    const lambda = guerreroLambda(counts, { period: 12 });
    expect(lambda).toBeGreaterThan(0.2);
    const fitted = BASE_FORECASTERS.MSTL.fit({ values: counts, periods: [12] }, { boxCox: 'auto' });
    expect(fitted.params.boxCoxLambda).toBeCloseTo(lambda, 6);
    const fixed = BASE_FORECASTERS.MSTL.fit({ values: withGap(), periods: [12] }, { boxCox: 0.1 });
    expect(fixed.params.boxCoxLambda).toBe(0.1);
  });

  it("lists AUTO's Box-Cox candidates as failed, with the reason, and backtests the rest", () => {
    const input = { values: withGap(), periods: [12] };
    const options = { kinds: ['SNAIVE', 'THETA', 'MSTL'] as const, origins: 3 };
    const results = backtestCandidates(input, autoSpecs(input, { ...options, kinds: [...options.kinds] }), {
      ...options,
      kinds: [...options.kinds],
    });
    const byLabel = Object.fromEntries(results.map((r) => [r.label, r]));
    expect(byLabel['MSTL+BOXCOX']).toMatchObject({ ok: false, failure: expect.stringContaining('floor') });
    expect(byLabel['THETA+BOXCOX']).toMatchObject({ ok: false });
    expect(byLabel.MSTL.ok && byLabel.THETA.ok && byLabel.SNAIVE.ok).toBe(true);
  });
});
