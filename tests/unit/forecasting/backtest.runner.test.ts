import { backtest, defaultHorizon } from '../../../src/forecasting/backtest.runner';
import { selectAuto } from '../../../src/forecasting/auto.selector';
import { contactCentreSeries } from '../../../src/forecasting/synthetic-series.generator';
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
  ])('%s: never loses to seasonal naive in backtest and calibrates intervals', (_, series) => {
    const result = selectAuto(series, { origins: 3 });
    const scored = result.report.models.filter((m) => m.ok);
    const snaive = scored.find((m) => m.kind === 'SNAIVE')!.metrics!.mase;
    const chosen = scored.find((m) => m.kind === result.selected)!;
    expect(chosen.metrics!.mase).toBeLessThanOrEqual(snaive);
    expect(chosen.metrics!.mase).toBe(Math.min(...scored.map((m) => m.metrics!.mase)));
    expect(result.model.params.calibration).toEqual(chosen.calibration);
  });
});
