import { fitModel } from '../../../src/forecasting/models/forecaster-registry';
import type { ForecastResult, ModelSelection, SeriesInput } from '../../../src/forecasting/forecast.types';
import { contactCentreSeries } from '../../../src/forecasting/synthetic-series-generator';
import { airPassengers } from './airpassengers.fixture';

const hourly = contactCentreSeries({ weeks: 4, seed: 7 });
const hourlySeries: SeriesInput = { values: hourly.values, periods: [24, 168], open: hourly.open };
const monthlySeries: SeriesInput = { values: airPassengers(), periods: [12] };
const SELECTIONS: ModelSelection[] = ['SNAIVE', 'MSTL', 'ARIMA', 'THETA', 'PROPHET', 'ENSEMBLE', 'AUTO'];
const H = 48;

function expectContract(f: ForecastResult, h: number): void {
  for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
    expect(f[key]).toHaveLength(h);
    expect(f[key].every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  }
  for (let i = 0; i < h; i++) {
    expect(f.lo95[i]).toBeLessThanOrEqual(f.lo80[i]);
    expect(f.lo80[i]).toBeLessThanOrEqual(f.mean[i]);
    expect(f.mean[i]).toBeLessThanOrEqual(f.hi80[i]);
    expect(f.hi80[i]).toBeLessThanOrEqual(f.hi95[i]);
  }
}

describe.each(SELECTIONS)('forecaster contract: %s', (selection) => {
  const closed = Array.from({ length: H }, (_, i) => i % 24 < 7 || i % 24 >= 21);
  const futureOpen = closed.map((c) => !c);

  it('hourly: lengths, ordered intervals, no NaN, closed intervals exactly zero', () => {
    const f = fitModel(selection, hourlySeries).forecast(H, { futureOpen });
    expectContract(f, H);
    closed.forEach((isClosed, i) => {
      if (!isClosed) return;
      expect([f.mean[i], f.lo80[i], f.hi80[i], f.lo95[i], f.hi95[i]]).toEqual([0, 0, 0, 0, 0]);
    });
    expect(f.mean.some((v) => v > 0)).toBe(true);
  });

  it('infers closed hours from the history mask when futureOpen is not given', () => {
    const f = fitModel(selection, hourlySeries).forecast(24);
    expect(f.mean.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('monthly: contract holds and params are JSON-serializable', () => {
    const model = fitModel(selection, monthlySeries);
    expectContract(model.forecast(12), 12);
    expect(JSON.parse(JSON.stringify(model.params))).toEqual(model.params);
    expect(model.params.kind).toBe(model.kind);
  });

  it('is deterministic: same input, identical output', () => {
    const a = fitModel(selection, monthlySeries);
    const b = fitModel(selection, monthlySeries);
    expect(b.forecast(24)).toEqual(a.forecast(24));
    expect(b.params).toEqual(a.params);
  });
});
