import { badInput } from '../../errors';
import { loadArima, type ArimaInstance } from './arima-init';
import { continueDifferenced } from './arima-differences.core';
import { searchOrders, type ArimaConfig } from './arima-search';
import { parseArimaSummary, type ArimaSummary } from './arima-summary';
import { isModelFitError, ModelFitError } from '../forecast-errors';
import { assertValidForecast, gaussianIntervals, maxAbs, Z80, Z95 } from '../forecast-postprocess';
import type {
  ArimaOptions,
  FitOptions,
  FittedModel,
  Forecaster,
  ForecastResult,
  ModelParams,
  SeriesInput,
} from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { validateSeries, type ValidSeries } from '../series.validation';

const DEFAULT_ORDER: [number, number, number] = [1, 0, 1];
const DEFAULT_SEASONAL: [number, number, number] = [0, 1, 1];
/** The airline model, the order search's last fallback. */
const AIRLINE = { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1 };
const BFGS = 5;
const LBFGS = 6;
const NELDER_MEAD = 0;
const EXACT_LIKELIHOOD = 0;

/**
 * The optimizers a configuration is fitted with, in turn, until one ends usable. BFGS
 * converges first on most series; on sparse counts with near-cancelling AR and MA terms it
 * can overflow ("the function value exceeds the maximum double value") on one window and not
 * on the next, where L-BFGS or Nelder-Mead converge to the same coefficients.
 */
const OPTIMIZERS = [BFGS, LBFGS, NELDER_MEAD] as const;

/** A configuration fitted with each optimizer in turn. */
const withEachOptimizer = (config: ArimaConfig): ArimaConfig[] =>
  OPTIMIZERS.map((optimizer) => ({ ...config, optimizer }));

interface RawArima {
  points: number[];
  variances: number[];
  summary: ArimaSummary;
}

/** The first configuration that fitted, its raw output and its validated `prefetch`-step forecast. */
interface UsableArima {
  config: ArimaConfig;
  raw: RawArima;
  cached: ForecastResult;
}

function checkOrder(name: string, order: number[] | undefined): void {
  if (order === undefined) return;
  if (order.length !== 3 || order.some((v) => !Number.isInteger(v) || v < 0 || v > 5)) {
    throw badInput(`${name} must be three integers in [0, 5], got ${JSON.stringify(order)}`);
  }
}

/** The drift regressor: the time index 1…n, and n+1…n+h ahead (R's `include.drift`). */
const timeIndex = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => from + i);

/**
 * Trains a fresh WASM model of `config` (exact likelihood; its optimizer, BFGS by default) on
 * `ts`, with the drift regressor when the config has one, runs fn on it and always destroys it.
 */
function withTrained<T>(
  config: ArimaConfig,
  ts: number[],
  fn: (model: ArimaInstance) => T,
): { result: T; output: string[] } {
  const { ARIMA, capture } = loadArima();
  const { p, d, q, P, D, Q, s } = config;
  const optimizer = config.optimizer ?? BFGS;
  const model = new ARIMA({ p, d, q, P, D, Q, s, optimizer, method: EXACT_LIKELIHOOD, verbose: true });
  try {
    return capture(() => fn(model.train(ts, config.drift ? timeIndex(1, ts.length) : undefined)));
  } finally {
    model.destroy();
  }
}

/** A series whose differences are constant: continued exactly, with no uncertainty. */
function continuedArima(config: ArimaConfig & { constant: number }, ts: number[], h: number): RawArima {
  const { d, D, s, constant } = config;
  return {
    points: continueDifferenced(ts, d, D, s, constant, h),
    variances: Array.from({ length: h }, () => 0),
    summary: { order: [0, d, 0], seasonalOrder: [0, D, 0], coefficients: {}, failures: [] },
  };
}

/** Trains, predicts h steps and always destroys the WASM model. */
function runArima(config: ArimaConfig, ts: number[], h: number): RawArima {
  if (config.constant !== undefined) return continuedArima({ ...config, constant: config.constant }, ts, h);
  try {
    const { result, output } = withTrained(config, ts, (model) =>
      model.predict(h, config.drift ? timeIndex(ts.length + 1, h) : undefined),
    );
    return { points: result[0], variances: result[1], summary: parseArimaSummary(output) };
  } catch (e) {
    throw new ModelFitError('ARIMA', e instanceof Error ? e.message : String(e));
  }
}

/** The summary of one fit for the order search; null when the library refused it. */
function fitSummary(ts: number[]): (config: ArimaConfig) => ArimaSummary | null {
  return (config) => {
    try {
      const { output } = withTrained(config, ts, () => undefined);
      return parseArimaSummary(output);
    } catch {
      return null;
    }
  };
}

function toForecast(raw: RawArima, log: boolean, h: number): ForecastResult {
  if (raw.summary.failures.length > 0) throw new ModelFitError('ARIMA', raw.summary.failures[0]);
  const points = raw.points.slice(0, h);
  const variances = raw.variances.slice(0, h);
  if (variances.some((v) => !Number.isFinite(v) || v < 0))
    throw new ModelFitError('ARIMA', 'invalid forecast variance');
  const sd = variances.map(Math.sqrt);
  if (!log) return gaussianIntervals(points, sd);
  const at = (z: number): number[] => points.map((p, i) => Math.exp(p + z * sd[i]));
  return { mean: points.map(Math.exp), lo80: at(-Z80), hi80: at(Z80), lo95: at(-Z95), hi95: at(Z95) };
}

/**
 * Fits the configurations in order (each with every optimizer in turn) and keeps the first
 * usable one. The order search can find nothing usable, and the default orders can have a
 * non-stationary AR part on a trending series: the airline model (0,1,1)(0,1,1) is then the
 * last resort.
 */
function firstUsable(
  configs: ArimaConfig[],
  y: number[],
  log: boolean,
  prefetch: number,
  limit: number,
): UsableArima {
  let error: unknown;
  for (const config of configs) {
    try {
      const raw = runArima(config, y, prefetch);
      const cached = toForecast(raw, log, prefetch);
      assertValidForecast('ARIMA', cached, prefetch, limit);
      return { config, raw, cached };
    } catch (e) {
      if (!isModelFitError(e)) throw e;
      error = e;
    }
  }
  throw error;
}

/** What one fit works with: the validated settings and the configurations to try in order. */
interface ArimaPlan {
  /** The most recent `maxLength` values, untransformed. */
  ts: number[];
  /** The values the model is trained on (log-transformed when asked). */
  y: number[];
  log: boolean;
  s: number;
  fixed: ArimaConfig;
  attempts: ArimaConfig[];
  prefetch: number;
  limit: number;
}

/**
 * Checks the options against the series and derives the training values and the
 * configurations to try: the order search's choice first when it runs (20–94 fits).
 */
function arimaPlan(series: ValidSeries, o: ArimaOptions): ArimaPlan {
  checkOrder('arima.order', o.order);
  checkOrder('arima.seasonalOrder', o.seasonalOrder);
  const s = o.period ?? series.periods[0];
  if (!Number.isInteger(s) || s < 2) throw badInput(`arima.period must be an integer >= 2, got ${s}`);
  const maxLength = o.maxLength ?? 2000;
  if (!Number.isInteger(maxLength) || maxLength < 2 * s || maxLength > 8000) {
    throw badInput(`arima.maxLength must be an integer in [${2 * s}, 8000], got ${maxLength}`);
  }
  const ts = series.values.slice(-maxLength);
  const log = o.transform === 'log';
  if (log && ts.some((v) => v <= 0)) throw badInput('arima.transform log needs strictly positive values');
  const auto = o.auto ?? (ts.length <= (o.autoMaxLength ?? 600) && s <= 12);
  const [p, d, q] = o.order ?? DEFAULT_ORDER;
  const [P, D, Q] = o.seasonalOrder ?? DEFAULT_SEASONAL;
  if (o.drift && d + D > 1) throw badInput(`arima.drift needs d + D <= 1, got d = ${d}, D = ${D}`);
  const fixed: ArimaConfig = { p, d, q, P, D, Q, s, ...(o.drift ? { drift: true } : {}) };
  const y = log ? ts.map(Math.log) : ts;
  const searched = auto ? searchOrders(y, s, fitSummary(y)) : null;
  return {
    ts,
    y,
    log,
    s,
    fixed,
    attempts: (auto
      ? [...(searched ? [{ ...searched.config, searched: true }] : []), fixed, { ...AIRLINE, s }]
      : [fixed]
    ).flatMap(withEachOptimizer),
    prefetch: Math.max(2 * Math.max(...series.periods), 48),
    limit: (o.explosionRatio ?? 10) * Math.max(maxAbs(series.values), 1),
  };
}

/** Serves horizons up to `prefetch` from the first fit's forecast; longer ones refit. */
function cachedPredictor(plan: ArimaPlan, { config, cached }: UsableArima): (h: number) => ForecastResult {
  const { y, log, prefetch } = plan;
  return (h: number): ForecastResult => {
    if (h <= prefetch) {
      const cut = (values: number[]): number[] => values.slice(0, h);
      const { mean, lo80, hi80, lo95, hi95 } = cached;
      return { mean: cut(mean), lo80: cut(lo80), hi80: cut(hi80), lo95: cut(lo95), hi95: cut(hi95) };
    }
    return toForecast(runArima(config, y, h), log, h);
  };
}

/** The stored parameters: the orders the fit ended on (or the asked ones) and its summary. */
function arimaParams(
  plan: ArimaPlan,
  { config, raw }: UsableArima,
): Omit<ModelParams, 'kind' | 'calibration'> {
  const { summary } = raw;
  const { p, d, q, P, D, Q } = plan.fixed;
  return {
    trainingLength: plan.ts.length,
    periods: [plan.s],
    details: {
      auto: config.searched === true,
      drift: config.drift === true,
      ...(config.constant !== undefined ? { constantDifference: config.constant } : {}),
      order: summary.order ?? [p, d, q],
      seasonalOrder: summary.seasonalOrder ?? [P, D, Q],
      coefficients: {
        ...summary.coefficients,
        ...(config.drift && summary.drift !== undefined ? { drift: summary.drift } : {}),
      },
      sigma2: summary.sigma2 ?? null,
      aic: summary.aic ?? null,
      transform: plan.log ? 'log' : 'none',
    },
  };
}

/**
 * SARIMA with one seasonal period via the `arima` package (ctsa, WASM), BFGS optimizer.
 * Fits on the most recent `maxLength` values; on short series (by default at most 600
 * values and a period of at most 12) the orders, differences and drift are chosen as R's
 * `auto.arima` chooses them (arima-search.ts).
 * Every output is validated: optimizer aborts, non-finite or exploding values and unordered
 * intervals raise ModelFitError (code MODEL_FIT_FAILED) instead of returning a forecast.
 */
export const arimaForecaster: Forecaster = {
  kind: 'ARIMA',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const plan = arimaPlan(series, options.arima ?? {});
    const usable = firstUsable(plan.attempts, plan.y, plan.log, plan.prefetch, plan.limit);
    return makeFittedModel(
      'ARIMA',
      series,
      arimaParams(plan, usable),
      cachedPredictor(plan, usable),
      options,
    );
  },
};
