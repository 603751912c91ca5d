import { badInput } from '../errors';
import { accuracy, seasonalNaiveScale, type AccuracyMetrics } from './accuracy-metrics';
import { BASE_FORECASTERS, combineForecasts } from './models/ensemble';
import { isModelFitError } from './forecast-errors';
import {
  BASE_MODEL_KINDS,
  type BaseModelKind,
  type FitOptions,
  type FittedModel,
  type ForecastResult,
  type IntervalCalibration,
  type ModelKind,
  type SeriesInput,
} from './forecast.types';
import {
  calibrateIntervals,
  crossValidatedCoverage,
  errorPower,
  type ScoredForecast,
} from './interval-calibration';
import { longestUsablePeriod, validateHorizon, validateSeries, type ValidSeries } from './series.validation';
import { closeSilent, silentPhases } from './silent-slots.core';
import { sum } from '../common/sum';

export interface BacktestOptions {
  /** Steps ahead per origin. Default: one week of intervals when stepMinutes is given, else the longest period. */
  horizon?: number;
  /** Interval length in minutes, used only for the default horizon. */
  stepMinutes?: number;
  /** Number of forecast origins (default 4). */
  origins?: number;
  /** Distance between origins (default: the horizon, so holdouts do not overlap). */
  step?: number;
  /** Base models to evaluate (default SNAIVE, MSTL, ARIMA). SNAIVE is always added. */
  kinds?: BaseModelKind[];
  /** Evaluate an ensemble of the best `ensembleSize` base models (default 2; 0 disables). */
  ensembleSize?: number;
  /** Options passed to every fit. */
  fit?: FitOptions;
  /** Options passed to the fits of one kind, over `fit` (e.g. Box-Cox for the model trained). */
  fitFor?: Partial<Record<BaseModelKind, FitOptions>>;
}

export interface ModelBacktest {
  kind: ModelKind;
  ok: boolean;
  /** Why the model failed at some origin (it is then excluded). */
  failure?: string;
  /** Ensemble members. */
  members?: BaseModelKind[];
  /** Mean over origins of MASE, sMAPE, WAPE and RMSE; coverage pooled over all open points. */
  metrics?: AccuracyMetrics;
  perOrigin?: AccuracyMetrics[];
  /** Interval factors estimated from this model's backtest residuals. */
  calibration?: IntervalCalibration;
  /** Mean fit + forecast time per origin, milliseconds. */
  fitMs?: number;
}

/** A model that ran on every origin, as `summarise` returns it: its metrics are present. */
export type SummarisedBacktest = ModelBacktest & Required<Pick<ModelBacktest, 'metrics' | 'perOrigin'>>;

export interface BacktestReport {
  horizon: number;
  /** Training lengths at each origin, oldest first. */
  origins: number[];
  /** Seasonal period of the MASE scale. */
  scalePeriod: number;
  models: ModelBacktest[];
}

export interface OriginData {
  train: SeriesInput;
  actual: number[];
  open: boolean[];
  /**
   * The open steps whose errors calibrate intervals: all but the series' silent slots
   * (silent-slots.core.ts), which every forecast gives as 0 and whose near-zero errors
   * would narrow the bounds of the busy ones.
   */
  calibrated: boolean[];
  scale: number;
}

/** Kinds backtested when none are named (AUTO's wider search lives in candidate-backtest.ts). */
export const DEFAULT_BACKTEST_KINDS: readonly BaseModelKind[] = ['SNAIVE', 'MSTL', 'ARIMA'];

/** Default horizon: a week of intervals when the interval length is known, else the longest period. */
export function defaultHorizon(periods: number[], stepMinutes?: number): number {
  if (stepMinutes !== undefined) {
    if (!(stepMinutes > 0)) throw badInput(`stepMinutes must be positive, got ${stepMinutes}`);
    return Math.max(1, Math.round(10080 / stepMinutes));
  }
  return Math.max(...periods);
}

export function buildOrigins(series: ValidSeries, h: number, count: number, step: number): OriginData[] {
  const n = series.values.length;
  const minTrain = 2 * series.periods[0];
  // the slots the whole history shows silent: those a forecast made now leaves at 0
  const silent = silentPhases(series.values, series.open, longestUsablePeriod(series.periods, n));
  const origins: OriginData[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const end = n - h - i * step;
    if (end < minTrain) continue;
    const values = series.values.slice(0, end);
    const open = series.open.slice(0, end);
    const m = longestUsablePeriod(series.periods, end);
    origins.push({
      // holidays after the origin stay: a calendar is known ahead
      train: {
        values,
        periods: series.periods,
        ...(series.hasMask ? { open } : {}),
        ...(series.holidays.length > 0 ? { holidays: series.holidays } : {}),
      },
      actual: series.values.slice(end, end + h),
      open: series.open.slice(end, end + h),
      calibrated: closeSilent(series.open.slice(end, end + h), end, silent),
      scale: seasonalNaiveScale(values, m, series.hasMask ? open : undefined),
    });
  }
  return origins;
}

export interface OriginPlan {
  series: ValidSeries;
  h: number;
  /** Oldest first. */
  origins: OriginData[];
}

/**
 * The horizon and rolling origins of a backtest (the default horizon from the interval
 * length, `count` origins `step` apart), validated; shared by backtest() and AUTO's.
 */
export function planOrigins(
  input: SeriesInput,
  options: Pick<BacktestOptions, 'horizon' | 'stepMinutes' | 'origins' | 'step'>,
  defaults: { count: number; step: (h: number, periods: number[]) => number },
): OriginPlan {
  const series = validateSeries(input);
  const h = options.horizon ?? defaultHorizon(series.periods, options.stepMinutes);
  validateHorizon(h);
  const count = options.origins ?? defaults.count;
  if (!Number.isInteger(count) || count < 1)
    throw badInput(`origins must be a positive integer, got ${count}`);
  const step = options.step ?? defaults.step(h, series.periods);
  if (!Number.isInteger(step) || step < 1) throw badInput(`step must be a positive integer, got ${step}`);
  const origins = buildOrigins(series, h, count, step);
  if (origins.length === 0)
    throw badInput(
      `horizon ${h} leaves no origin with two cycles of period ${series.periods[0]} to train on`,
    );
  return { series, h, origins };
}

/** One model fitted at every origin and forecasting its holdout (ModelFitError propagates). */
export function forecastOrigins(
  kind: BaseModelKind,
  origins: OriginData[],
  h: number,
  fit: FitOptions,
): ForecastResult[] {
  return origins.map((o) => fitAtOrigin(kind, o, h, fit).forecast);
}

/** A model fitted on an origin's training values, and its forecast of the origin's horizon. */
export function fitAtOrigin(
  kind: BaseModelKind,
  origin: OriginData,
  h: number,
  fit: FitOptions,
): { model: FittedModel; forecast: ForecastResult } {
  const model = BASE_FORECASTERS[kind].fit(origin.train, fit);
  return { model, forecast: model.forecast(h, { futureOpen: origin.open }) };
}

const mean = (xs: number[]): number => sum(xs) / xs.length;

export function summarise(
  kind: ModelKind,
  origins: OriginData[],
  forecasts: ForecastResult[],
  ms: number,
  bucketSlots?: number,
  /** Exponent of the conformal error scale (see IntervalCalibration.lead). */
  power?: number,
): SummarisedBacktest {
  const perOrigin = origins.map((o, i) => accuracy(o.actual, forecasts[i], o.scale, o.open));
  const scored: ScoredForecast[] = origins.map((o, i) => ({
    actual: o.actual,
    forecast: forecasts[i],
    open: o.calibrated,
  }));
  const total = sum(perOrigin, (m) => m.n);
  const pooled = (key: 'coverage80' | 'coverage95'): number =>
    total === 0 ? NaN : sum(perOrigin, (m) => (m.n > 0 ? m[key] * m.n : 0)) / total;
  const metrics: AccuracyMetrics = {
    mase: mean(perOrigin.map((m) => m.mase)),
    smape: mean(perOrigin.map((m) => m.smape)),
    wape: mean(perOrigin.map((m) => m.wape)),
    rmse: mean(perOrigin.map((m) => m.rmse)),
    msis: mean(perOrigin.map((m) => m.msis)),
    coverage80: pooled('coverage80'),
    coverage95: pooled('coverage95'),
    n: total,
    // coverage of the calibrated intervals, each origin calibrated on the others
    ...(bucketSlots ? crossValidatedCoverage(scored, bucketSlots, power) : null),
  };
  return {
    kind,
    ok: true,
    metrics,
    perOrigin,
    calibration: calibrateIntervals(scored, bucketSlots, power),
    fitMs: ms / origins.length,
  };
}

/** Lower mean MASE first; NaN last; ties keep the simpler model (input order). */
export function byMase(a: ModelBacktest, b: ModelBacktest): number {
  const score = (m: ModelBacktest): number =>
    m.metrics !== undefined && Number.isFinite(m.metrics.mase) ? m.metrics.mase : Infinity;
  const diff = score(a) - score(b);
  return Number.isNaN(diff) ? 0 : diff;
}

/**
 * Rolling-origin backtest: at each origin the models are fitted on the history up to the
 * origin and scored on the next `horizon` values (open intervals only). A model that fails
 * at any origin is reported with `ok: false` and excluded from ranking.
 */
export function backtest(input: SeriesInput, options: BacktestOptions = {}): BacktestReport {
  const { series, h, origins } = planOrigins(input, options, { count: 4, step: (horizon) => horizon });
  const last = origins[origins.length - 1].train.values.length;
  const power = errorPower(series.values, longestUsablePeriod(series.periods, last));
  const kinds = options.kinds ?? [...DEFAULT_BACKTEST_KINDS];
  if (kinds.some((k) => !BASE_MODEL_KINDS.includes(k))) {
    throw badInput(`kinds must be a subset of ${BASE_MODEL_KINDS.join(', ')}`);
  }
  const candidates = BASE_MODEL_KINDS.filter((k) => k === 'SNAIVE' || kinds.includes(k));
  const models: ModelBacktest[] = [];
  // the models that ran, with their per-origin forecasts for the ensemble
  const ran: { kind: BaseModelKind; model: ModelBacktest; forecasts: ForecastResult[] }[] = [];
  for (const kind of candidates) {
    const t0 = performance.now();
    try {
      const fs = forecastOrigins(kind, origins, h, { ...options.fit, ...options.fitFor?.[kind] });
      const model = summarise(kind, origins, fs, performance.now() - t0, series.periods[0], power);
      models.push(model);
      ran.push({ kind, model, forecasts: fs });
    } catch (e) {
      if (!isModelFitError(e)) throw e;
      models.push({ kind, ok: false, failure: e.message });
    }
  }
  const size = options.ensembleSize ?? 2;
  const ranked = ran.sort((a, b) => byMase(a.model, b.model));
  if (size >= 2 && ranked.length >= 2) {
    const top = ranked.slice(0, size);
    const members = top.map((r) => r.kind);
    const combined = origins.map((_, i) => combineForecasts(top.map((r) => r.forecasts[i])));
    const fitMs = sum(top, (r) => r.model.fitMs ?? 0);
    models.push({
      ...summarise('ENSEMBLE', origins, combined, fitMs * origins.length, series.periods[0], power),
      members,
    });
  }
  return {
    horizon: h,
    origins: origins.map((o) => o.train.values.length),
    scalePeriod: longestUsablePeriod(series.periods, last),
    models,
  };
}
