/**
 * AUTO's backtest: every candidate (each base model, raw and with Box-Cox) over more rolling
 * origins, newest first so that clearly losing candidates stop early, then an inverse-error
 * weighted combination of the best three. On the worker pool the two steps (newest origin,
 * then the survivors on the older ones) run in parts over the threads, the pruning bar taken
 * from all candidates between them, and the parts are joined with `combineAndChoose`
 * (candidate-choice.ts).
 */
import {
  forecastOrigins,
  planOrigins,
  summarise,
  type ModelBacktest,
  type OriginData,
} from './backtest-runner';
import { isModelFitError } from './forecast-errors';
import type { BaseModelKind, BoxCoxOption, FitOptions, ForecastResult, SeriesInput } from './forecast.types';
import { weightedScore } from './selection.core';
import { errorPower } from './interval-calibration';
import { longestUsablePeriod } from './series.validation';

export interface CandidateSpec {
  kind: BaseModelKind;
  boxCox?: 'auto';
}

export interface AutoBacktestOptions {
  /** Steps ahead per origin (default: a week of intervals with stepMinutes, else the longest period). */
  horizon?: number;
  stepMinutes?: number;
  /** Rolling origins (default 8), weighted to recent ones. */
  origins?: number;
  /** Distance between origins (default min(horizon, longest period)). */
  step?: number;
  /** Base models (default all). SNAIVE is always a candidate. */
  kinds?: BaseModelKind[];
  /** Also try each model except SNAIVE on Box-Cox transformed values (default true). */
  boxCox?: boolean;
  /** After the newest origin, candidates worse than this multiple of the best stop (default 1.6). */
  prune?: number;
  /** Members of the combination candidate (default 3; below 2 disables). */
  combine?: number;
  fit?: FitOptions;
}

/** One backtested candidate; `members` and `weights` describe a combination. */
export interface CandidateBacktest extends ModelBacktest {
  label: string;
  spec?: CandidateSpec;
  specs?: CandidateSpec[];
  weights?: number[];
  /** Recency-weighted mean MASE over the origins (AUTO's ranking score). */
  score?: number;
  /** Set when the candidate stopped after the newest origin. */
  pruned?: boolean;
  /** Per-origin forecasts, kept for the combination; dropped before storing. */
  forecasts?: ForecastResult[];
}

export interface AutoBacktestResult {
  horizon: number;
  origins: number[];
  scalePeriod: number;
  candidates: CandidateBacktest[];
  /** Index into `candidates` of AUTO's choice. */
  chosen: number;
}

/** AUTO's rolling origins by default: more than the registry's plain backtest, weighted to recent ones. */
export const AUTO_ORIGINS = 8;
/** After the newest origin, candidates worse than this multiple of the best stop. */
export const DEFAULT_PRUNE = 1.6;

/** Simpler first: the order in which ties are broken. */
export const CANDIDATE_COMPLEXITY: Record<BaseModelKind | 'ENSEMBLE', number> = {
  SNAIVE: 0,
  THETA: 1,
  MSTL: 2,
  ARIMA: 3,
  PROPHET: 4,
  ENSEMBLE: 5,
};

export const specLabel = (s: CandidateSpec): string => (s.boxCox ? `${s.kind}+BOXCOX` : s.kind);

/**
 * Candidates for a series: the kinds, each also with Box-Cox when the values are
 * non-negative. On intraday data the costliest fits are left out (time budget): ARIMA and
 * Prophet run on raw values only (hourly and finer: thousands of points per fit), and below
 * hourly there is no ARIMA at all (a season of 48+ intervals costs seconds per fit).
 */
export function autoSpecs(input: SeriesInput, options: AutoBacktestOptions = {}): CandidateSpec[] {
  const intraday = options.stepMinutes !== undefined && options.stepMinutes <= 60;
  const subHourly = options.stepMinutes !== undefined && options.stepMinutes < 60;
  const kinds =
    options.kinds ??
    (['SNAIVE', 'THETA', 'MSTL', ...(subHourly ? [] : ['ARIMA']), 'PROPHET'] as BaseModelKind[]);
  const all: BaseModelKind[] = ['SNAIVE', ...kinds.filter((k) => k !== 'SNAIVE')];
  const transformable = options.boxCox !== false && input.values.every((v) => v >= 0);
  const costly = (kind: BaseModelKind): boolean => intraday && (kind === 'ARIMA' || kind === 'PROPHET');
  const withBoxCox = (kind: BaseModelKind): boolean => transformable && kind !== 'SNAIVE' && !costly(kind);
  return all.flatMap((kind) =>
    withBoxCox(kind) ? [{ kind }, { kind, boxCox: 'auto' as const }] : [{ kind }],
  );
}

/** AUTO's backtest plan: horizon, rolling origins, MASE scale period and calibration buckets. */
export interface AutoOrigins {
  h: number;
  origins: OriginData[];
  scalePeriod: number;
  bucketSlots: number;
  power?: number;
}

/** The horizon and rolling origins of AUTO's backtest, oldest first. */
export function autoOrigins(input: SeriesInput, options: AutoBacktestOptions = {}): AutoOrigins {
  const { series, h, origins } = planOrigins(input, options, {
    count: AUTO_ORIGINS,
    step: (horizon, periods) => Math.min(horizon, Math.max(...periods)),
  });
  const last = origins[origins.length - 1].train.values.length;
  const scalePeriod = longestUsablePeriod(series.periods, last);
  // one calibration bucket per cycle of the shortest period (a day of intervals), as backtest()
  return {
    h,
    origins,
    scalePeriod,
    bucketSlots: series.periods[0],
    power: errorPower(series.values, scalePeriod),
  };
}

function forecastAt(
  spec: CandidateSpec,
  origins: OriginData[],
  h: number,
  fit: FitOptions,
): ForecastResult[] {
  const boxCox: BoxCoxOption = spec.boxCox ?? 'none';
  return forecastOrigins(spec.kind, origins, h, { ...fit, boxCox });
}

/** A candidate's forecast at the newest origin, or why it could not be fitted there. */
export type NewestRun =
  | { spec: CandidateSpec; f: ForecastResult; ms: number; mase: number; failure?: undefined }
  | { spec: CandidateSpec; failure: string; f?: undefined; mase?: undefined; ms?: undefined };

function runOnNewest(spec: CandidateSpec, newest: OriginData, h: number, fit: FitOptions): NewestRun {
  const t0 = performance.now();
  try {
    const [f] = forecastAt(spec, [newest], h, fit);
    return {
      spec,
      f,
      ms: performance.now() - t0,
      mase: summarise(spec.kind, [newest], [f], 0).metrics.mase,
    };
  } catch (e) {
    if (!isModelFitError(e)) throw e;
    return { spec, failure: e.message };
  }
}

/** The best newest-origin MASE among the runs: the pruning bar is a multiple of it. */
export const bestNewestMase = (first: NewestRun[]): number =>
  Math.min(...first.map((r) => (r.mase !== undefined && Number.isFinite(r.mase) ? r.mase : Infinity)));

/** Whether a run goes on to the older origins: fitted, and seasonal naive or within `prune` × `best`. */
export const survives = (r: NewestRun, best: number, prune = DEFAULT_PRUNE): boolean =>
  r.failure === undefined && (r.spec.kind === 'SNAIVE' || !(r.mase > prune * best));

/** What the older origins of the backtest need: the plan, the fit options and the pruning bar. */
interface OlderOrigins extends AutoOrigins {
  fit: FitOptions;
  prune: number;
  best: number;
}

/** Runs a surviving candidate on the older origins too and summarises it; a pruned one keeps its newest. */
function runOnOlder(
  r: NewestRun,
  { h, origins, bucketSlots, power, fit, prune, best }: OlderOrigins,
): CandidateBacktest {
  const label = specLabel(r.spec);
  if (r.failure !== undefined || r.f === undefined)
    return { kind: r.spec.kind, label, spec: r.spec, ok: false, failure: r.failure };
  const newest = origins[origins.length - 1];
  const keep = survives(r, best, prune);
  const used = keep ? origins : [newest];
  const t0 = performance.now();
  try {
    const fs = keep ? [...forecastAt(r.spec, origins.slice(0, -1), h, fit), r.f] : [r.f];
    const summary = summarise(r.spec.kind, used, fs, r.ms + performance.now() - t0, bucketSlots, power);
    const perOrigin = summary.perOrigin.map((m) => m.mase);
    return {
      ...summary,
      label,
      spec: r.spec,
      forecasts: fs,
      score: weightedScore(perOrigin),
      ...(keep ? {} : { pruned: true }),
    };
  } catch (e) {
    if (!isModelFitError(e)) throw e;
    return { kind: r.spec.kind, label, spec: r.spec, ok: false, failure: e.message };
  }
}

/** The first step of the backtest: each candidate on the newest origin. */
export function newestOriginRuns(
  input: SeriesInput,
  specs: CandidateSpec[],
  options: AutoBacktestOptions = {},
): NewestRun[] {
  const plan = autoOrigins(input, options);
  const newest = plan.origins[plan.origins.length - 1];
  return specs.map((spec) => runOnNewest(spec, newest, plan.h, options.fit ?? {}));
}

/**
 * The second step: the runs that survive against `best` (the best newest-origin MASE of ALL
 * candidates, wherever they ran) on the older origins too; the others keep their newest.
 */
export function olderOriginRuns(
  input: SeriesInput,
  runs: NewestRun[],
  best: number,
  options: AutoBacktestOptions = {},
): CandidateBacktest[] {
  const older: OlderOrigins = {
    ...autoOrigins(input, options),
    fit: options.fit ?? {},
    prune: options.prune ?? DEFAULT_PRUNE,
    best,
  };
  return runs.map((r) => runOnOlder(r, older));
}

/**
 * Backtests the given candidates: first all on the newest origin, then the survivors (within
 * `prune` × the best newest-origin MASE; seasonal naive always survives) on the older ones.
 * Run in parts on the pool (auto-pool-runner.ts), the two steps give the same result.
 */
export function backtestCandidates(
  input: SeriesInput,
  specs: CandidateSpec[],
  options: AutoBacktestOptions = {},
): CandidateBacktest[] {
  const first = newestOriginRuns(input, specs, options);
  return olderOriginRuns(input, first, bestNewestMase(first), options);
}
