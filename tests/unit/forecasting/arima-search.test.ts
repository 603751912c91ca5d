import { arimaForecaster } from '../../../src/forecasting/models/arima';
import { arimaAicc } from '../../../src/forecasting/models/arima-search';
import { searchedStructure } from '../../../src/forecasting/searched-structure';
import { refitOptions } from '../../../src/forecasting/model-refit-options';
import { R_ARIMA } from './arima-reference.fixture';
import { autoOrigins } from '../../../src/forecasting/candidate-backtest';
import {
  newestOriginRuns,
  olderOriginForecasts,
  olderWork,
} from '../../../src/forecasting/candidate-backtest-steps';

interface ArimaDetails {
  auto: boolean;
  order: number[];
  seasonalOrder: number[];
  drift: boolean;
  coefficients: Record<string, number>;
}

/**
 * R's auto.arima (forecast 8.20 with its defaults: orders ranked by CSS fits when n > 150 or
 * m > 12, then fitted exactly) on R's datasets and the benchmark's monthly and daily series:
 * the same differences, orders and drift, and the same forecasts. Sunspots (360 values, a flat
 * likelihood: the same model, forecasts within 6e-3) and WWWusage (no season) are left out.
 */
const PINNED = ['AirPassengersLog', 'a10', 'a10BoxCox', 'usmelec', 'hyndsight', 'ldeaths', 'austres'];

describe('ARIMA order search against R’s auto.arima', () => {
  it.each(PINNED)('%s: R’s model and forecasts (to 1e-4)', (name) => {
    const c = R_ARIMA[name];
    const model = arimaForecaster.fit(
      { values: c.values, periods: [c.period] },
      { arima: { auto: true }, nonNegative: false },
    );
    const details = model.params.details as unknown as ArimaDetails;
    expect(details.auto).toBe(true);
    expect([details.order, details.seasonalOrder, details.drift]).toEqual([
      c.defaultOrder,
      c.defaultSeasonalOrder,
      c.defaultDrift,
    ]);
    const mean = model.forecast(c.defaultForecast.length).mean;
    mean.forEach((v, i) =>
      expect(Math.abs(v - c.defaultForecast[i])).toBeLessThan(1e-4 * Math.abs(c.defaultForecast[i])),
    );
  });

  it('computes AICc as R does: coefficients, drift or mean and σ², on the differenced sample', () => {
    // R: a10 with Box-Cox, ARIMA(1,0,1)(0,1,2)[12] with drift, AICc −378.699 (n = 180)
    const c = R_ARIMA.a10BoxCox;
    const config = { p: 1, d: 0, q: 1, P: 0, D: 1, Q: 2, s: 12, drift: true };
    // loglik = −(AICc − 2k − 2k(k+1)/(n* − k − 1)) / 2 with k = 6, n* = 168
    const logLik = -(c.aicc - 12 - 84 / 161) / 2;
    expect(arimaAicc(config, logLik, 180)).toBeCloseTo(c.aicc, 9);
    // without differences the mean takes the drift's place and the sample is the whole series
    expect(arimaAicc({ ...config, drift: false, D: 0 }, logLik, 180)).toBeCloseTo(
      -2 * logLik + 12 + 84 / 173,
      9,
    );
  });

  it('keeps the searched orders and drift for refits, and fits a drift with fixed orders', () => {
    const c = R_ARIMA.a10BoxCox;
    const searched = arimaForecaster.fit({ values: c.values, periods: [12] }, { arima: { auto: true } });
    const structure = searchedStructure(searched.params);
    expect(structure?.arima).toMatchObject({
      auto: false,
      order: [2, 0, 1],
      seasonalOrder: [1, 1, 2],
      drift: true,
    });
    expect(refitOptions(searched.params).arima?.drift).toBe(true);
    const fixed = arimaForecaster.fit({ values: c.values, periods: [12] }, structure);
    const a = searched.forecast(24).mean;
    fixed.forecast(24).mean.forEach((v, i) => expect(v).toBeCloseTo(a[i], 9));
    const fixedDetails = fixed.params.details as unknown as ArimaDetails;
    expect(fixedDetails.auto).toBe(false);
    expect(fixedDetails.coefficients.drift).toBeCloseTo(0.0132, 3);
  });

  it('refuses a drift on a twice-differenced model', () => {
    expect(() =>
      arimaForecaster.fit(
        { values: R_ARIMA.a10.values, periods: [12] },
        { arima: { auto: false, order: [0, 1, 1], seasonalOrder: [0, 1, 1], drift: true } },
      ),
    ).toThrow(/arima.drift needs d \+ D <= 1/);
  });

  it('has no searched structure for fixed orders', () => {
    const fixed = arimaForecaster.fit(
      { values: R_ARIMA.a10.values, periods: [12] },
      { arima: { auto: false, order: [0, 1, 1], seasonalOrder: [0, 1, 1] } },
    );
    expect(searchedStructure(fixed.params)).toBeUndefined();
  });

  it('is searched once in AUTO’s backtest, at the newest origin, and refitted at the older ones', () => {
    const input = { values: R_ARIMA.a10BoxCox.values, periods: [12] };
    const options = { origins: 3, horizon: 12 };
    const { runs, originCount } = newestOriginRuns(input, [{ kind: 'ARIMA' }], options);
    const structure = runs[0].structure;
    expect(structure?.arima).toMatchObject({
      auto: false,
      order: expect.any(Array),
      drift: expect.any(Boolean),
    });
    const work = olderWork(runs, originCount);
    expect(work).toEqual([{ spec: { kind: 'ARIMA' }, origins: [0, 1], structure }]);
    const [older] = olderOriginForecasts(input, work, options);
    const { origins } = autoOrigins(input, options);
    older.forecasts.forEach((f, i) => {
      const refit = arimaForecaster.fit(origins[i].train, structure).forecast(12).mean;
      f.mean.forEach((v, j) => expect(v).toBeCloseTo(refit[j], 9));
    });
  });

  it('continues a series that differencing makes constant exactly, as R does', () => {
    const fit = (values: number[]) =>
      arimaForecaster.fit({ values, periods: [12] }, { arima: { auto: true } });
    const line = fit(Array.from({ length: 60 }, (_, t) => 2 * t + 1));
    expect(line.forecast(60).mean.slice(0, 3)).toEqual([121, 123, 125]);
    expect(line.forecast(60).mean[59]).toBe(239);
    const flat = fit(Array.from({ length: 48 }, () => 0)).forecast(12);
    expect([...flat.mean, ...flat.lo95, ...flat.hi95].every((v) => v === 0)).toBe(true);
    const season = [3, 9, 4, 7, 1, 2, 3, 4, 5, 6, 7, 8];
    const seasonal = fit(Array.from({ length: 48 }, (_, t) => season[t % 12]));
    expect(seasonal.forecast(12).mean).toEqual(season);
    // nothing was estimated, so a refit searches again rather than fixing (0,0,0)(0,1,0)
    expect(refitOptions(seasonal.params).arima).toEqual({ auto: true });
    expect(searchedStructure(seasonal.params)).toBeUndefined();
  });
});
