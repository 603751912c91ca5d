import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arimaForecaster } from '../../../src/forecasting/models/arima';
import { loadArima } from '../../../src/forecasting/models/arima-init';
import { parseArimaSummary } from '../../../src/forecasting/models/arima-summary';
import { MODEL_FIT_FAILED, ModelFitError } from '../../../src/forecasting/forecast-errors';
import { fitModel } from '../../../src/forecasting/models/forecaster-registry';
import type { ArimaOptions } from '../../../src/forecasting/forecast.types';
import { airPassengers } from './airpassengers.fixture';

describe('AirPassengers fixture', () => {
  it('is the classic series: 144 values, 112 … 432, total 40363', () => {
    const v = airPassengers();
    expect(v).toHaveLength(144);
    expect([v[0], v[143]]).toEqual([112, 432]);
    expect(v.reduce((s, x) => s + x, 0)).toBe(40363);
  });
});

describe('SARIMA airline model (0,1,1)(0,1,1)[12] on log AirPassengers', () => {
  // Reference: R `datasets::AirPassengers` help page example, full ML:
  //   arima(log10(AirPassengers), c(0,1,1), seasonal = list(order = c(0,1,1), period = 12))
  //   ma1 = -0.4018, sma1 = -0.5569, sigma^2 = 0.0002543 (log10 scale)
  // (Box, Jenkins & Reinsel, Time Series Analysis, series G). MA coefficients do not depend on
  // the log base; sigma^2 on the natural-log scale is 0.0002543 · ln(10)^2 = 0.001348.
  const model = arimaForecaster.fit(
    { values: airPassengers(), periods: [12] },
    { arima: { order: [0, 1, 1], seasonalOrder: [0, 1, 1], transform: 'log', auto: false } },
  );
  const details = model.params.details as { coefficients: Record<string, number>; sigma2: number };

  it('reproduces the published coefficients', () => {
    expect(Math.abs(details.coefficients.ma1 - -0.4018)).toBeLessThan(0.001);
    expect(Math.abs(details.coefficients.sma1 - -0.5569)).toBeLessThan(0.001);
    expect(details.sigma2 / (0.0002543 * Math.LN10 ** 2)).toBeCloseTo(1, 2);
  });

  it('forecasts 1961 with growing log-normal intervals', () => {
    const f = model.forecast(12);
    // 1961 continues the seasonal pattern: July is the peak, February the trough.
    expect(f.mean.indexOf(Math.max(...f.mean))).toBe(6);
    expect(f.mean.indexOf(Math.min(...f.mean))).toBe(1);
    expect(f.mean[0]).toBeGreaterThan(417);
    expect(f.hi95[11] - f.lo95[11]).toBeGreaterThan(f.hi95[0] - f.lo95[0]);
  });

  it('reports orders and a JSON-serializable summary in params', () => {
    expect(model.params.details).toMatchObject({ auto: false, order: [0, 1, 1], seasonalOrder: [0, 1, 1] });
    expect(model.params.periods).toEqual([12]);
  });
});

describe('an optimizer that aborts is followed by the next', () => {
  // Sparse hourly counts (mostly 0, at most 14) where AR and MA nearly cancel: BFGS overflows
  // on this window and converges on the next; the channel's stored model must refit on both.
  const { values, periods } = JSON.parse(
    readFileSync(join(__dirname, '../../fixtures/forecast/sparse-hourly-counts.json'), 'utf8'),
  ) as { values: number[]; periods: number[] };
  const arima: ArimaOptions = { auto: false, order: [1, 0, 1], seasonalOrder: [0, 1, 1], period: 24 };

  it('BFGS alone aborts on the fixture (the case this guards)', () => {
    const { ARIMA, capture } = loadArima();
    const model = new ARIMA({
      p: 1,
      d: 0,
      q: 1,
      P: 0,
      D: 1,
      Q: 1,
      s: 24,
      optimizer: 5,
      method: 0,
      verbose: true,
    });
    try {
      const { output } = capture(() => model.train(values));
      expect(parseArimaSummary(output).failures.join(' ')).toMatch(/exceeds the maximum double value/);
    } finally {
      model.destroy();
    }
  });

  it('fits the stored orders with the next optimizer and forecasts', () => {
    const model = arimaForecaster.fit({ values, periods }, { arima });
    const { mean, hi95 } = model.forecast(48);
    expect(mean.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(Math.max(...hi95)).toBeLessThan(Math.max(...values));
    expect(model.params.details?.coefficients).toMatchObject({
      ar1: expect.closeTo(-0.8, 1),
      ma1: expect.closeTo(0.77, 1),
      sma1: expect.closeTo(-0.95, 1),
    });
  });
});

describe('ARIMA failures are typed, never forecasts', () => {
  // Huge isolated spikes: ctsa's optimizer overflows ("function value exceeds the maximum
  // double value") yet returns a flat forecast with zero variance and no error.
  const spikes = Array.from({ length: 120 }, (_, i) => (i % 24 === 0 ? 1e6 : 0));

  it('an optimizer abort raises ModelFitError(MODEL_FIT_FAILED)', () => {
    let error: unknown;
    try {
      arimaForecaster.fit({ values: spikes, periods: [24] }, { arima: { auto: false } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelFitError);
    expect((error as ModelFitError).code).toBe(MODEL_FIT_FAILED);
    expect((error as ModelFitError).kind).toBe('ARIMA');
  });

  it('an exploding forecast raises ModelFitError (explosion guard injected via option)', () => {
    const fit = (): unknown =>
      arimaForecaster.fit({ values: airPassengers(), periods: [12] }, { arima: { explosionRatio: 0.5 } });
    expect(fit).toThrow(ModelFitError);
    expect(fit).toThrow(/ARIMA fit failed: forecast .* exceeds 311/);
  });

  it('AUTO and ENSEMBLE drop a failed ARIMA and still forecast', () => {
    const series = { values: spikes, periods: [24] };
    const ens = fitModel('ENSEMBLE', series, { arima: { auto: false } });
    expect((ens.params.details as { failed: { kind: string }[] }).failed.map((f) => f.kind)).toEqual([
      'ARIMA',
    ]);
    const auto = fitModel('AUTO', series, { arima: { auto: false } });
    const candidates = (auto.params.details as { selection: { candidates: { kind: string; ok: boolean }[] } })
      .selection.candidates;
    expect(candidates.find((c) => c.kind === 'ARIMA')?.ok).toBe(false);
    expect(auto.forecast(24).mean).toHaveLength(24);
  });

  it('names bad ARIMA options', () => {
    const fit =
      (arima: object, values = airPassengers()) =>
      () =>
        arimaForecaster.fit({ values, periods: [12] }, { arima });
    expect(fit({ order: [1, 1] })).toThrow('arima.order must be three integers in [0, 5], got [1,1]');
    expect(fit({ maxLength: 9000 })).toThrow('arima.maxLength must be an integer in [24, 8000], got 9000');
    expect(fit({ transform: 'log' }, [0, ...airPassengers()])).toThrow(
      'arima.transform log needs strictly positive values',
    );
  });
});

describe('parseArimaSummary', () => {
  it('reads orders and converts ctsa MA signs to the R convention', () => {
    const s = parseArimaSummary([
      'ARIMA Seasonal Order : ( 1, 0, 1) * (0, 1, 1) ',
      'AR1              0.666075            0.0503246            ',
      'MA1              0.401823            0.0896439            ',
      'SMA1             0.556936            0.073105             ',
      'SIGMA^2          0.0013481            ',
      'AIC criterion : -483.393 ',
    ]);
    expect(s).toEqual({
      order: [1, 0, 1],
      seasonalOrder: [0, 1, 1],
      coefficients: { ar1: 0.666075, ma1: -0.401823, sma1: -0.556936 },
      sigma2: 0.0013481,
      aic: -483.393,
      failures: [],
    });
  });

  it('collects optimizer aborts', () => {
    const s = parseArimaSummary([
      'Program Exiting as the function returns NaNProgram Exiting as the function returns NaN',
    ]);
    expect(s.failures).toEqual([
      'Program Exiting as the function returns NaN',
      'Program Exiting as the function returns NaN',
    ]);
  });

  it('reads the log-likelihood, the drift regressor’s coefficient and the exit code', () => {
    const s = parseArimaSummary([
      'Return Code : 1 ',
      'EXOG             0.0132642           -nan                 ',
      'MEAN             0                    ',
      'Log Likelihood : 199.813 ',
    ]);
    expect([s.logLikelihood, s.drift, s.returnCode]).toEqual([199.813, 0.0132642, 1]);
  });
});
