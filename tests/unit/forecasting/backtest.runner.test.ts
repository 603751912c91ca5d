import { backtest, defaultHorizon } from '../../../src/forecasting/backtest-runner';
import { selectAuto } from '../../../src/forecasting/auto-selector';
import { AUTO_ORIGINS, autoOrigins, autoSpecs } from '../../../src/forecasting/candidate-backtest';
import { contactCentreSeries } from '../../../src/forecasting/synthetic-series-generator';
import { airPassengers } from './airpassengers.fixture';

describe('rolling-origin backtest', () => {
  const monthly = { values: airPassengers(), periods: [12] };

  it('uses non-overlapping origins one horizon apart and reports every candidate', () => {
    const report = backtest(monthly, { horizon: 12, origins: 3 });
    expect(report.origins).toEqual([108, 120, 132]);
    expect(report.scalePeriod).toBe(12);
    expect(report.models.map((m) => m.kind)).toEqual(['SNAIVE', 'MSTL', 'ARIMA', 'ENSEMBLE']);
    for (const m of report.models) {
      expect(m.ok).toBe(true);
      expect(m.perOrigin).toHaveLength(3);
      expect(m.metrics!.n).toBe(36);
      expect(m.metrics!.coverage95).toBeGreaterThanOrEqual(0);
    }
  });

  it('seasonal naive MASE equals its own hand computation at one origin', () => {
    const v = monthly.values;
    const report = backtest(monthly, { horizon: 12, origins: 1, kinds: ['SNAIVE'], ensembleSize: 0 });
    const train = v.slice(0, 132);
    let scale = 0;
    for (let t = 12; t < 132; t++) scale += Math.abs(train[t] - train[t - 12]);
    scale /= 120;
    const mae = v.slice(132).reduce((s, y, k) => s + Math.abs(y - train[120 + k]), 0) / 12;
    expect(report.models[0].metrics!.mase).toBeCloseTo(mae / scale, 10);
  });

  it('defaults the horizon to one week of intervals', () => {
    expect(defaultHorizon([24, 168], 60)).toBe(168);
    expect(defaultHorizon([96, 672], 15)).toBe(672);
    expect(defaultHorizon([12])).toBe(12);
  });
});

describe('selectAuto', () => {
  it.each([
    ['monthly', { values: airPassengers(), periods: [12] }],
    ['hourly', { ...contactCentreSeries({ weeks: 6, seed: 3 }), periods: [24, 168] }],
  ])('%s: keeps seasonal naive as a candidate, never loses to it, calibrates intervals', (_, series) => {
    const result = selectAuto(series, { origins: 3, kinds: ['SNAIVE', 'THETA', 'MSTL'] });
    const scored = result.report.candidates.filter((m) => m.ok);
    const snaive = scored.find((m) => m.label === 'SNAIVE')!;
    const chosen = result.report.candidates[result.report.chosen];
    expect(chosen.label).toBe(result.label);
    expect(chosen.score!).toBeLessThanOrEqual(snaive.score!);
    expect(result.report.candidates.map((c) => c.label)).toEqual(
      expect.arrayContaining(['SNAIVE', 'THETA', 'THETA+BOXCOX', 'MSTL', 'MSTL+BOXCOX']),
    );
    expect(result.model.params.calibration).toEqual(chosen.calibration);
  });

  it('scores every candidate that fits on every origin, however it did on the newest', () => {
    // one origin is too noisy to drop a candidate on (co2 lost ARIMA and MSTL to a lucky Prophet origin)
    const result = selectAuto(
      { values: airPassengers(), periods: [12] },
      { origins: 4, kinds: ['SNAIVE', 'THETA', 'MSTL'] },
    );
    const fitted = result.report.candidates.filter((c) => c.ok);
    expect(fitted.length).toBeGreaterThanOrEqual(5);
    for (const c of fitted) expect(c.perOrigin).toHaveLength(result.report.origins.length);
    const newest = fitted.map((c) => c.perOrigin!.at(-1)!.mase);
    expect(Math.max(...newest)).toBeGreaterThan(1.6 * Math.min(...newest)); // the old bar would have dropped some
  });

  it('adds an inverse-error weighted combination of the best variant of the three best kinds', () => {
    const result = selectAuto(
      { values: airPassengers(), periods: [12] },
      { origins: 3, kinds: ['THETA', 'MSTL'] },
    );
    const combo = result.report.candidates.find((c) => c.specs)!;
    expect(combo.specs).toHaveLength(3);
    expect(combo.weights!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const ranked = result.report.candidates
      .filter((c) => c.spec && c.ok)
      .sort((a, b) => a.score! - b.score!)
      .filter((c, i, all) => all.findIndex((d) => d.kind === c.kind) === i)
      .slice(0, 3);
    expect(combo.specs!.map((s) => s.kind)).toEqual(ranked.map((c) => c.spec!.kind));
    const inv = ranked.map((c) => 1 / c.score!);
    combo.weights!.forEach((w, i) => expect(w).toBeCloseTo(inv[i] / inv.reduce((a, b) => a + b, 0), 12));
  });

  it('calibrates every candidate per lead day and reports the same honest coverage as the backtest', () => {
    const series = { ...contactCentreSeries({ weeks: 6, seed: 3 }), periods: [24, 168] };
    const result = selectAuto(series, { origins: 3, kinds: ['SNAIVE', 'THETA'], boxCox: false });
    const complete = result.report.candidates.filter((c) => c.ok);
    expect(complete.map((c) => c.label)).toEqual(expect.arrayContaining(['SNAIVE', 'THETA']));
    expect(complete.some((c) => c.specs)).toBe(true);
    for (const c of complete) expect(c.calibration!.lead?.bucketSlots).toBe(24);
    // seasonal naive is deterministic: AUTO's figures equal the plain backtest's (leave-one-origin-out)
    const plain = backtest(series, { origins: 3, kinds: ['SNAIVE'], ensembleSize: 0 }).models[0]!;
    const auto = complete.find((c) => c.label === 'SNAIVE')!;
    expect(auto.metrics!.coverage80).toBe(plain.metrics!.coverage80);
    expect(auto.metrics!.coverage95).toBe(plain.metrics!.coverage95);
    expect(auto.calibration).toEqual(plain.calibration);
  });
});

describe('AUTO candidates and origins', () => {
  const input = { values: airPassengers(), periods: [12] };
  const labels = (specs: { kind: string; boxCox?: string }[]): string[] =>
    specs.map((s) => (s.boxCox ? `${s.kind}+BOXCOX` : s.kind));

  it('intraday data: ARIMA and Prophet on raw values only, no ARIMA below hourly (time budget)', () => {
    expect(labels(autoSpecs(input, { stepMinutes: 30 }))).toEqual([
      'SNAIVE',
      'THETA',
      'THETA+BOXCOX',
      'MSTL',
      'MSTL+BOXCOX',
      'PROPHET',
    ]);
    expect(labels(autoSpecs(input, { stepMinutes: 60 }))).toEqual([
      'SNAIVE',
      'THETA',
      'THETA+BOXCOX',
      'MSTL',
      'MSTL+BOXCOX',
      'ARIMA',
      'PROPHET',
    ]);
    expect(labels(autoSpecs(input, {}))).toContain('ARIMA+BOXCOX');
  });

  it('backtests at 8 origins a step of min(horizon, longest period) apart, newest ending at the series end', () => {
    const { origins, h } = autoOrigins(input, { horizon: 24 });
    expect(h).toBe(24);
    expect(origins.map((o) => o.train.values.length)).toEqual([36, 48, 60, 72, 84, 96, 108, 120]);
    expect(origins).toHaveLength(AUTO_ORIGINS);
  });
});
