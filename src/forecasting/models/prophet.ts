import { ModelFitError } from '../forecast-errors';
import { gaussianIntervals } from '../forecast-postprocess';
import type { FitOptions, FittedModel, Forecaster, SeriesInput } from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { loadProphet, prophetOptimizer } from './prophet-init';
import { validateSeries } from '../series.validation';

/** Each step is one unit of Prophet's time (a synthetic "day"); seasonal periods are given in steps. */
const UNIT_SECONDS = 86_400;
const EPOCH = 1_600_000_000;
/** Longest history Prophet is fitted on (its Stan fit grows with the length). */
export const PROPHET_MAX_LENGTH = 4_500;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const fourierOrder = (period: number): number => Math.max(1, Math.min(10, Math.floor(period / 2)));
const ds = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => EPOCH + (from + i) * UNIT_SECONDS);

/**
 * Prophet (`@bsull/augurs` with the Stan optimizer of `@bsull/augurs-prophet-wasmstan`, MAP
 * estimate): piecewise-linear trend plus one Fourier seasonality per seasonal period of the
 * series (daily and weekly for intraday data). Its built-in calendar seasonalities are off,
 * since the series carries no timestamps. Intervals are ± z·σ of the in-sample residuals,
 * widened by backtest calibration like every model's.
 */
export const prophetForecaster: Forecaster = {
  kind: 'PROPHET',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const values = series.values.slice(-PROPHET_MAX_LENGTH);
    const open = series.open.slice(-PROPHET_MAX_LENGTH);
    const n = values.length;
    const periods = series.periods.filter((p) => 2 * p <= n);
    const Prophet = loadProphet();
    const off = { type: 'manual', enabled: false } as const;
    let predictMean: (h: number) => number[];
    let sigma: number;
    try {
      const model = new Prophet({
        optimizer: prophetOptimizer as never,
        yearlySeasonality: off,
        weeklySeasonality: off,
        dailySeasonality: off,
        uncertaintySamples: 0,
      });
      for (const p of periods) model.addSeasonality(`p${p}`, { period: p, fourierOrder: fourierOrder(p) });
      // Closed intervals are left out of the fit: Prophet handles gaps in time natively.
      const idx = values.map((_, i) => i).filter((i) => open[i]);
      const allDs = ds(0, n);
      model.fit({ ds: idx.map((i) => allDs[i]), y: idx.map((i) => values[i]) });
      const fitted = model.predict().yhat.point;
      let sse = 0;
      idx.forEach((i, k) => (sse += (values[i] - fitted[k]) ** 2));
      sigma = Math.sqrt(sse / Math.max(idx.length - 1, 1));
      predictMean = (h) => model.predict({ ds: ds(n, h) }).yhat.point;
    } catch (e) {
      throw new ModelFitError('PROPHET', messageOf(e));
    }
    return makeFittedModel(
      'PROPHET',
      series,
      {
        trainingLength: n,
        periods,
        details: { sigma, fourierOrders: periods.map(fourierOrder), estimation: 'MAP' },
      },
      (h) => {
        let mean: number[];
        try {
          mean = predictMean(h);
        } catch (e) {
          throw new ModelFitError('PROPHET', messageOf(e));
        }
        return gaussianIntervals(
          mean,
          mean.map(() => sigma),
        );
      },
      options,
    );
  },
};
