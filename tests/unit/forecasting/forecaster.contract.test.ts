import { fitModel } from '../../../src/forecasting/models/forecaster-registry';
import {
  MODEL_KINDS,
  type ForecastResult,
  type ModelSelection,
  type SeriesInput,
} from '../../../src/forecasting/forecast.types';
import { contactCentreSeries } from '../../../src/forecasting/synthetic-series-generator';
import { airPassengers } from './airpassengers.fixture';

const hourly = contactCentreSeries({ weeks: 4, seed: 7 });
// a holiday in the history (day 9) and one ahead (day 29, the second forecast day)
const hourlySeries: SeriesInput = {
  values: hourly.values,
  periods: [24, 168],
  open: hourly.open,
  holidays: [
    { start: 9 * 24, end: 10 * 24 },
    { start: 29 * 24, end: 30 * 24 },
  ],
};
const monthlySeries: SeriesInput = { values: airPassengers(), periods: [12] };
/** Every model kind joins the contract, a new one included, and AUTO. */
const SELECTIONS: ModelSelection[] = [...MODEL_KINDS, 'AUTO'];
/** Kinds of one short season (at most 24 steps, as R's ets): daily data stands in for hourly. */
const SHORT_SEASON_KINDS: ModelSelection[] = ['ETS'];
// 20 weeks of daily volumes, closed on Sundays (day 6 of each week)
const dailyOpen = Array.from({ length: 140 }, (_, d) => d % 7 !== 6);
const dailySeries: SeriesInput = {
  values: dailyOpen.map((o, d) => (o ? 400 + 60 * Math.sin((2 * Math.PI * d) / 7) + ((d * 37) % 23) + d : 0)),
  periods: [7],
  open: dailyOpen,
};
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

/** `make()` on the first call, the same value after: one fit shared by the tests that only read it. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

describe.each(SELECTIONS)('forecaster contract: %s', (selection) => {
  const closed = Array.from({ length: H }, (_, i) => i % 24 < 7 || i % 24 >= 21);
  const futureOpen = closed.map((c) => !c);
  // a fit is the slow part (AUTO backtests every candidate): each series is fitted once per
  // selection and forecast by several tests; the determinism test fits a second time
  const shortSeason = SHORT_SEASON_KINDS.includes(selection);
  const hourlyModel = once(() => fitModel(selection, shortSeason ? dailySeries : hourlySeries));
  const monthlyModel = once(() => fitModel(selection, monthlySeries));

  // first on the fresh fit: nothing a previous forecast call left can supply the closed hours
  it('infers closed hours from the history mask when futureOpen is not given', () => {
    const f = hourlyModel().forecast(24);
    // the daily stand-in's next closed day is its 7th (a Sunday)
    if (shortSeason) expect([f.mean[6], f.mean[13]]).toEqual([0, 0]);
    else expect(f.mean.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('hourly: lengths, ordered intervals, no NaN, closed intervals exactly zero', () => {
    const f = hourlyModel().forecast(H, { futureOpen });
    if (shortSeason) expect(() => fitModel(selection, hourlySeries)).toThrow(/at most 24 steps.*use MSTL/);
    expectContract(f, H);
    closed.forEach((isClosed, i) => {
      if (!isClosed) return;
      expect([f.mean[i], f.lo80[i], f.hi80[i], f.lo95[i], f.hi95[i]]).toEqual([0, 0, 0, 0, 0]);
    });
    expect(f.mean.some((v) => v > 0)).toBe(true);
  });

  it('monthly: contract holds and params are JSON-serializable', () => {
    const model = monthlyModel();
    expectContract(model.forecast(12), 12);
    expect(JSON.parse(JSON.stringify(model.params))).toEqual(model.params);
    expect(model.params.kind).toBe(model.kind);
  });

  // a second, fresh fit against the shared one (already forecast from): the same output
  it('is deterministic: same input, identical output', () => {
    const a = monthlyModel();
    const b = fitModel(selection, monthlySeries);
    expect(b.forecast(24)).toEqual(a.forecast(24));
    expect(b.params).toEqual(a.params);
  });
});
