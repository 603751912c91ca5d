import { ModelFitError } from '../forecast-errors';
import { gaussianIntervals } from '../forecast-postprocess';
import type { FitOptions, FittedModel, Forecaster, ForecastResult, SeriesInput } from '../forecast.types';
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

interface ProphetFit {
  /** Prophet's point forecast for the h steps after the training window. */
  predictMean: (h: number) => number[];
  /** Standard deviation of the in-sample residuals on the open intervals. */
  sigma: number;
}

/** Fits trend plus one Fourier seasonality per period (MAP); any failure is a ModelFitError. */
function fitProphet(values: number[], open: boolean[], periods: number[]): ProphetFit {
  const n = values.length;
  const Prophet = loadProphet();
  const off = { type: 'manual', enabled: false } as const;
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
    const sigma = Math.sqrt(sse / Math.max(idx.length - 1, 1));
    return { sigma, predictMean: (h) => model.predict({ ds: ds(n, h) }).yhat.point };
  } catch (e) {
    throw new ModelFitError('PROPHET', messageOf(e));
  }
}

/** Intervals of ± z·σ around Prophet's mean; a failing prediction is a ModelFitError. */
function prophetPredictor({ predictMean, sigma }: ProphetFit): (h: number) => ForecastResult {
  return (h) => {
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
  };
}

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
    const periods = series.periods.filter((p) => 2 * p <= values.length);
    const fitted = fitProphet(values, open, periods);
    return makeFittedModel(
      'PROPHET',
      series,
      {
        trainingLength: values.length,
        periods,
        details: { sigma: fitted.sigma, fourierOrders: periods.map(fourierOrder), estimation: 'MAP' },
      },
      prophetPredictor(fitted),
      options,
    );
  },
};
