/**
 * Shared types of the forecasting core, and the forecast run other features read. Everything
 * here is plain data (JSON-serializable but for a run's dates) except `FittedModel`, which
 * holds a fitted model's closure.
 */
export const MODEL_KINDS = [
  'SNAIVE',
  'MSTL',
  'ARIMA',
  'THETA',
  'ETS',
  'HARMONIC',
  'PROPHET',
  'ENSEMBLE',
] as const;
/** A concrete model. */
export type ModelKind = (typeof MODEL_KINDS)[number];
/** A concrete model, or `AUTO`: pick by rolling-origin backtest (lowest mean MASE). */
export type ModelSelection = ModelKind | 'AUTO';
/** The models an ensemble can combine. */
export type BaseModelKind = Exclude<ModelKind, 'ENSEMBLE'>;
export const BASE_MODEL_KINDS: readonly BaseModelKind[] = MODEL_KINDS.filter(
  (k): k is BaseModelKind => k !== 'ENSEMBLE',
);

/** One equally spaced series. */
export interface SeriesInput {
  /** Observations, oldest first. Closed intervals should hold 0. */
  values: number[];
  /** Seasonal periods in intervals, e.g. `[24, 168]` for hourly data. */
  periods: number[];
  /** Opening mask, same length as `values`; `false` = closed (excluded from errors and scales). */
  open?: boolean[];
  /**
   * The site's holidays as spans of steps (one calendar day each), counted from the first
   * value; spans at or past `values.length` lie ahead. Models that can use them (Prophet)
   * learn the days around holidays from the history and carry them into the forecast.
   */
  holidays?: StepSpan[];
}

/** Steps [start, end) of a series, counted from its first value. */
export interface StepSpan {
  start: number;
  end: number;
}

/** Point forecasts and central prediction intervals, each of length h. */
export interface ForecastResult {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export interface ForecastRequest {
  /** Opening mask for the h future intervals. Default: the history's mask repeated with the longest usable period, else all open. */
  futureOpen?: boolean[];
}

/** Multiplies the interval half-widths, estimated from backtest residuals (see interval-calibration.ts). */
export interface IntervalCalibration {
  c80: number;
  c95: number;
  /**
   * Empirical (split-conformal) quantiles of the scaled backtest error (y − mean) / (mean + 1)^p
   * per lead-time bucket of `bucketSlots` steps: [q2.5, q10, q90, q97.5]. When present, the
   * bounds are mean + q·(mean + 1)^p of the step's bucket (the last bucket beyond) instead of
   * the model's half-widths scaled by c80 / c95.
   */
  lead?: {
    bucketSlots: number;
    quantiles: [number, number, number, number][];
    /**
     * Exponent p of the error scale (mean + 1)^p (default 0.5, the √ of counts). AUTO sets
     * 1 − λ with Guerrero's Box-Cox λ of the series: the spread grows with the level as the
     * series' own variance does (1 = multiplicative, 0 = additive).
     */
    power?: number;
  };
  /**
   * Quantiles [q2.5, q10, q90, q97.5] of the scaled error of backtested DAILY totals,
   * (Y − M) / √(M + 1): daily (and weekly) totals get intervals of their own from them.
   */
  daily?: [number, number, number, number];
}

export interface ArimaOptions {
  /** Non-seasonal order [p, d, q]. Default [1, 0, 1], or R’s auto.arima order search on short series. */
  order?: [number, number, number];
  /** Seasonal order [P, D, Q]. Default [0, 1, 1]. */
  seasonalOrder?: [number, number, number];
  /** Seasonal period. Default: the shortest period of the series. */
  period?: number;
  /**
   * `true` chooses the differences, orders and drift as R's `auto.arima` (stepwise, AICc),
   * `false` fits the given orders; default: the search only for s <= 12 and at most
   * `autoMaxLength` values.
   */
  auto?: boolean;
  /** The order search is used by default only up to this length (default 600). */
  autoMaxLength?: number;
  /** With fixed orders: a drift (linear trend) regressor, as R's `include.drift`; for d + D <= 1. */
  drift?: boolean;
  /** Fit on the most recent window of at most this many values (default 2000; the library throws above ~8000). */
  maxLength?: number;
  /** Fit on log values (positive series only); forecasts are transformed back (median forecast). */
  transform?: 'none' | 'log';
  /** A forecast whose absolute value exceeds this multiple of max |history| counts as failed (default 10). */
  explosionRatio?: number;
}

export interface EnsembleOptions {
  /** Members to average (default: SNAIVE, MSTL, ARIMA; failed members are dropped). */
  members?: BaseModelKind[];
  /** Combination weights, one per member (default equal). */
  weights?: number[];
  /** Box-Cox option per member (default none). */
  boxCox?: BoxCoxOption[];
}

/**
 * Box-Cox transformation of the series before fitting: `'auto'` chooses λ by Guerrero's
 * method, a number fixes λ, `'none'` (default) fits the raw values.
 */
export type BoxCoxOption = 'auto' | 'none' | number;

/** ETS options; default: the lowest-AICc model of R's fifteen. */
export interface EtsOptions {
  /** Fit only this model, as R codes it (`ANN`, `AAdA`, `MAM`…): a refit of a stored model. */
  model?: string;
  /** Compare only additive models (R does on Box-Cox transformed values). */
  additiveOnly?: boolean;
}

export interface FitOptions {
  arima?: ArimaOptions;
  ets?: EtsOptions;
  boxCox?: BoxCoxOption;
  ensemble?: EnsembleOptions;
  /** Interval calibration factors; default none (1, 1). */
  calibration?: IntervalCalibration;
  /** Clip forecasts and bounds at zero (default true). */
  nonNegative?: boolean;
}

/** JSON-serializable description of a fitted model, stored in the model registry. */
export interface ModelParams {
  kind: ModelKind;
  /** Number of values the model was trained on (after any window truncation). */
  trainingLength: number;
  /** Seasonal periods the model actually used. */
  periods: number[];
  calibration?: IntervalCalibration;
  /** The Box-Cox λ the model was fitted with (absent: raw values). */
  boxCoxLambda?: number;
  /** Model-specific details (orders, coefficients, members, residual sigma...). */
  details: Record<string, unknown>;
}

export interface FittedModel {
  readonly kind: ModelKind;
  readonly params: ModelParams;
  /** Forecasts h steps ahead; throws ModelFitError when the output fails validation. */
  forecast(h: number, request?: ForecastRequest): ForecastResult;
}

/** One model: fit a validated series. */
export interface Forecaster {
  readonly kind: ModelKind;
  fit(series: SeriesInput, options?: FitOptions): FittedModel;
}

/** A forecast figure (an interval's, a day's) with its 80 % and 95 % prediction intervals. */
export interface PredictionBands {
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** One interval of a forecast run, with its 80 % and 95 % prediction intervals. */
export interface ForecastPoint extends PredictionBands {
  /** Start of the interval (UTC instant). */
  t: Date;
}

/**
 * One forecast run of a channel, as other features read it (`ForecastService.covering`,
 * `require` …); stored as forecast.doc.ts's `ForecastDoc`.
 */
export interface ForecastRun {
  _id: string;
  channel: string;
  modelId: string;
  modelKind: ModelKind;
  /** First interval start (UTC instant). */
  start: Date;
  /** Exclusive end (UTC instant). */
  end: Date;
  intervalMinutes: number;
  horizonDays: number;
  points: ForecastPoint[];
  /** MASE denominator: in-sample seasonal-naive MAE of the history the run was fitted on. */
  scale?: { mase: number; period: number } | null;
  /** The model's daily-total error quantiles (IntervalCalibration.daily), when it has them. */
  totals?: [number, number, number, number] | null;
  createdAt: Date;
  createdBy: string | null;
}
