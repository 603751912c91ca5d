import { ModelFitError } from '../forecast-errors';
import { gaussianIntervals } from '../forecast-postprocess';
import type {
  FitOptions,
  FittedModel,
  Forecaster,
  ForecastResult,
  SeriesInput,
  StepSpan,
} from '../forecast.types';
import { holidayWindows } from '../holiday-effects.core';
import { makeFittedModel } from '../fitted-model-factory';
import { loadProphet, prophetOptimizer } from './prophet-init';
import { validateSeries } from '../series.validation';

/** Each step is one unit of Prophet's time (a synthetic "day"); seasonal periods are given in steps. */
const UNIT_SECONDS = 86_400;
const EPOCH = 1_600_000_000;
/** Longest history Prophet is fitted on (its Stan fit grows with the length). */
export const PROPHET_MAX_LENGTH = 4_500;

/** Prior scale of the holiday-window features: Prophet's default for holidays. */
const HOLIDAY_PRIOR_SCALE = 10;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const fourierOrder = (period: number): number => Math.max(1, Math.min(10, Math.floor(period / 2)));
/** Prophet's timestamp of a step. */
const stamp = (step: number): number => EPOCH + step * UNIT_SECONDS;
const ds = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => stamp(from + i));

interface ProphetHolidayFeature {
  occurrences: { start: number; end: number }[];
  priorScale: number;
}

/**
 * The holiday calendar as Prophet features: one for the day before a holiday and one for the
 * day after, each with its occurrences in the history and ahead (Prophet's holiday windows,
 * shared by all holidays). The holidays themselves are not features: the history masks them
 * and their effect ahead is the calendar's. A feature with no open step in the history has
 * nothing to learn from and is left out.
 */
export function holidayFeatures(
  holidays: readonly StepSpan[],
  open: readonly boolean[],
): Map<string, ProphetHolidayFeature> {
  const { before, after } = holidayWindows(holidays);
  const learnable = (spans: StepSpan[]): boolean =>
    spans.some((w) => open.slice(w.start, Math.min(w.end, open.length)).some(Boolean));
  const features = new Map<string, ProphetHolidayFeature>();
  for (const [name, spans] of [
    ['dayBeforeHoliday', before],
    ['dayAfterHoliday', after],
  ] as const) {
    if (!learnable(spans)) continue;
    const occurrences = spans.map((w) => ({ start: stamp(w.start), end: stamp(w.end) }));
    features.set(name, { occurrences, priorScale: HOLIDAY_PRIOR_SCALE });
  }
  return features;
}

interface ProphetFit {
  /** Prophet's point forecast for the h steps after the training window. */
  predictMean: (h: number) => number[];
  /** Standard deviation of the in-sample residuals on the open intervals. */
  sigma: number;
  /** The holiday features fitted (holidayFeatures). */
  holidayFeatures: string[];
}

/**
 * Fits trend plus one Fourier seasonality per period and the holiday windows (MAP); any
 * failure is a ModelFitError. Holiday spans count from the first of `values`.
 */
function fitProphet(
  values: number[],
  open: boolean[],
  periods: number[],
  holidays: readonly StepSpan[],
): ProphetFit {
  const n = values.length;
  const Prophet = loadProphet();
  const off = { type: 'manual', enabled: false } as const;
  const features = holidayFeatures(holidays, open);
  try {
    const model = new Prophet({
      ...(features.size > 0 ? { holidays: features } : {}),
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
    return {
      sigma,
      holidayFeatures: [...features.keys()],
      predictMean: (h) => model.predict({ ds: ds(n, h) }).yhat.point,
    };
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
 * since the series carries no timestamps. The site's holidays enter as Prophet holiday
 * features for the days before and after them (holidayFeatures). Intervals are ± z·σ of the
 * in-sample residuals, widened by backtest calibration like every model's.
 */
export const prophetForecaster: Forecaster = {
  kind: 'PROPHET',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const values = series.values.slice(-PROPHET_MAX_LENGTH);
    const open = series.open.slice(-PROPHET_MAX_LENGTH);
    const periods = series.periods.filter((p) => 2 * p <= values.length);
    const dropped = series.values.length - values.length;
    const holidays = series.holidays
      .map((h) => ({ start: h.start - dropped, end: h.end - dropped }))
      .filter((h) => h.start >= 0);
    const fitted = fitProphet(values, open, periods, holidays);
    return makeFittedModel(
      'PROPHET',
      series,
      {
        trainingLength: values.length,
        periods,
        details: {
          sigma: fitted.sigma,
          fourierOrders: periods.map(fourierOrder),
          estimation: 'MAP',
          holidayFeatures: fitted.holidayFeatures,
        },
      },
      prophetPredictor(fitted),
      options,
    );
  },
};
