import { fitAutoEts, fitEts } from '../../../src/forecasting/models/ets-fit.core';
import { etsForecast } from '../../../src/forecasting/models/ets';
import { etsFilter, specName } from '../../../src/forecasting/models/ets-recursion.core';
import { rootsInsideUnitCircle } from '../../../src/forecasting/models/ets-start.core';
import { minRootModulus } from '../../../src/forecasting/arima-roots.core';
import { nelderMead } from '../../../src/forecasting/nelder-mead.core';
import { mulberry32 } from '../../../src/common/random';
import { R_ETS, rStart, specOf } from './ets-reference.fixture';

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('Nelder–Mead (R optim)', () => {
  it("takes R's steps on optim's Rosenbrock example: 195 evaluations to (1.00026, 1.00051)", () => {
    const rosenbrock = ([x, y]: number[]): number => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1]);
    expect(r.evaluations).toBe(195);
    expect(r.x[0]).toBeCloseTo(1.00026013873, 9);
    expect(r.x[1]).toBeCloseTo(1.0005059993, 9);
    expect(r.value).toBeCloseTo(8.82524109672e-8, 15);
  });
});

describe('admissibility roots (Schur–Cohn)', () => {
  it('agrees with Durand–Kerner root moduli on random polynomials', () => {
    const uniform = mulberry32(7);
    let checked = 0;
    for (let t = 0; t < 500; t++) {
      const k = 1 + Math.floor(uniform() * 13);
      const c = Array.from({ length: k }, () => (uniform() - 0.5) * (uniform() < 0.5 ? 0.6 : 2));
      const largest = 1 / minRootModulus([...c].reverse());
      if (Math.abs(largest - 1) < 1e-4) continue;
      checked++;
      expect(rootsInsideUnitCircle([...c, 1])).toBe(largest < 1);
    }
    expect(checked).toBeGreaterThan(450);
  });
});

describe.each(Object.keys(R_ETS))('ETS against R forecast::ets on %s', (name) => {
  const s = R_ETS[name]!;
  it("reproduces R's log-likelihood at R's parameters, for every model R compares", () => {
    for (const model of s.models) {
      const { params, initial } = rStart(model, s.frequency);
      const run = etsFilter(s.values, specOf(model.code), params, initial);
      expect(relative(-0.5 * run.lik, model.loglik)).toBeLessThan(1e-9);
    }
  });

  it("fits every model to R's optimum (log-likelihood within 0.01) and picks R's model by AICc", () => {
    for (const model of s.models) {
      const fit = fitEts(s.values, specOf(model.code), s.frequency);
      expect(fit).not.toBeNull();
      expect(fit!.loglik).toBeGreaterThan(model.loglik - 0.01);
    }
    const auto = fitAutoEts(s.values, s.frequency);
    expect(specName(auto!.spec)).toBe(s.auto.method);
    expect(auto!.aicc).toBeCloseTo(s.auto.aicc, 1);
    expect(relative(auto!.sigma2, s.auto.sigma2)).toBeLessThan(1e-3);
  });
});

describe('ETS forecasts against R', () => {
  it("class 1 (WWWusage, ETS(A,Ad,N)): R's means and exact intervals", () => {
    const s = R_ETS.WWWusage!;
    const f = etsForecast(fitAutoEts(s.values, 1)!, s.forecast.mean.length);
    for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const)
      f[key].forEach((v, i) => expect(relative(v, s.forecast[key][i]!)).toBeLessThan(1e-4));
  });

  it.each(['AirPassengers', 'a10', 'ldeaths', 'usmelec', 'hyndsight'])(
    "multiplicative models (%s): R's means; 80 %% and 95 %% bounds within 3 %% and 5 %% of R's simulated ones",
    (name) => {
      const s = R_ETS[name]!;
      const h = s.forecast.mean.length;
      const f = etsForecast(fitAutoEts(s.values, s.frequency)!, h);
      f.mean.forEach((v, i) => expect(relative(v, s.forecast.mean[i]!)).toBeLessThan(5e-3));
      for (const key of ['lo80', 'hi80', 'lo95', 'hi95'] as const) {
        const tolerance = key.endsWith('80') ? 0.03 : 0.05;
        f[key].forEach((v, i) => expect(relative(v, s.simulated[key][i]!)).toBeLessThan(tolerance));
      }
    },
  );
});
