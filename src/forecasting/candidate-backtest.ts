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
import { AppError } from '../errors';
import { at } from '../common/indexed';
import { sum } from '../common/sum';
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

/** The first step of the backtest (or a part of it): each candidate on the newest origin. */
export function newestOriginRuns(
  input: SeriesInput,
  specs: CandidateSpec[],
  options: AutoBacktestOptions = {},
): { runs: NewestRun[]; originCount: number } {
  const plan = autoOrigins(input, options);
  const newest = plan.origins[plan.origins.length - 1];
  const runs = specs.map((spec) => runOnNewest(spec, newest, plan.h, options.fit ?? {}));
  return { runs, originCount: plan.origins.length };
}

/** Older origins (indices into the plan's origins, oldest 0) a surviving candidate is forecast at. */
export interface OlderWork {
  spec: CandidateSpec;
  origins: number[];
}

/** A candidate's forecasts at some older origins, or why one of them could not be fitted. */
export interface OlderForecasts {
  label: string;
  origins: number[];
  forecasts: ForecastResult[];
  ms: number;
  failure?: string;
}

/** The older-origin work of the runs that survive the bar (`prune` × `best`): every older origin. */
export function olderWork(
  runs: NewestRun[],
  best: number,
  originCount: number,
  prune = DEFAULT_PRUNE,
): OlderWork[] {
  const origins = Array.from({ length: Math.max(originCount - 1, 0) }, (_, i) => i);
  return runs.filter((r) => survives(r, best, prune)).map((r) => ({ spec: r.spec, origins }));
}

function forecastWork(work: OlderWork[], plan: AutoOrigins, fit: FitOptions): OlderForecasts[] {
  return work.map(({ spec, origins }) => {
    const label = specLabel(spec);
    const t0 = performance.now();
    try {
      const data = origins.map((i) => at(plan.origins, i));
      return { label, origins, forecasts: forecastAt(spec, data, plan.h, fit), ms: performance.now() - t0 };
    } catch (e) {
      if (!isModelFitError(e)) throw e;
      return { label, origins, forecasts: [], ms: performance.now() - t0, failure: e.message };
    }
  });
}

/** The second step (or a part of it): the given candidates at the given older origins. */
export function olderOriginForecasts(
  input: SeriesInput,
  work: OlderWork[],
  options: AutoBacktestOptions = {},
): OlderForecasts[] {
  return forecastWork(work, autoOrigins(input, options), options.fit ?? {});
}

const failed = (spec: CandidateSpec, failure: string): CandidateBacktest => ({
  kind: spec.kind,
  label: specLabel(spec),
  spec,
  ok: false,
  failure,
});

/** One candidate's backtest from its newest run and its older forecasts (a pruned one: the newest only). */
function assemble(
  r: NewestRun,
  parts: OlderForecasts[],
  plan: AutoOrigins,
  keep: boolean,
): CandidateBacktest {
  if (r.failure !== undefined) return failed(r.spec, r.failure);
  const failure = parts.find((p) => p.failure !== undefined)?.failure;
  if (failure !== undefined) return failed(r.spec, failure);
  const { origins, bucketSlots, power } = plan;
  const newest = origins.length - 1;
  const byOrigin = new Map<number, ForecastResult>([[newest, r.f]]);
  for (const part of parts) part.origins.forEach((o, k) => byOrigin.set(o, at(part.forecasts, k)));
  const used = keep ? origins.map((_, i) => i) : [newest];
  const fs = used.map((i) => {
    const f = byOrigin.get(i);
    if (!f) throw new AppError('INTERNAL', `candidate ${specLabel(r.spec)} has no forecast at origin ${i}`);
    return f;
  });
  const ms = r.ms + sum(parts, (p) => p.ms);
  const summary = summarise(
    r.spec.kind,
    used.map((i) => at(origins, i)),
    fs,
    ms,
    bucketSlots,
    power,
  );
  return {
    ...summary,
    label: specLabel(r.spec),
    spec: r.spec,
    forecasts: fs,
    score: weightedScore(summary.perOrigin.map((m) => m.mase)),
    ...(keep ? {} : { pruned: true }),
  };
}

function assembleAll(
  runs: NewestRun[],
  older: OlderForecasts[],
  best: number,
  plan: AutoOrigins,
  prune: number,
): CandidateBacktest[] {
  return runs.map((r) =>
    assemble(
      r,
      older.filter((o) => o.label === specLabel(r.spec)),
      plan,
      survives(r, best, prune),
    ),
  );
}

/**
 * The join: every candidate's backtest from its newest run and its older forecasts, wherever
 * they ran (`best`: the best newest-origin MASE of ALL candidates).
 */
export function assembleCandidates(
  input: SeriesInput,
  runs: NewestRun[],
  older: OlderForecasts[],
  best: number,
  options: AutoBacktestOptions = {},
): CandidateBacktest[] {
  return assembleAll(runs, older, best, autoOrigins(input, options), options.prune ?? DEFAULT_PRUNE);
}

/**
 * Backtests the given candidates: first all on the newest origin, then the survivors (within
 * `prune` × the best newest-origin MASE; seasonal naive always survives) on the older ones.
 * Run in parts on the pool (auto-pool-runner.ts: newestOriginRuns, olderOriginForecasts and
 * assembleCandidates), the steps give the same result.
 */
export function backtestCandidates(
  input: SeriesInput,
  specs: CandidateSpec[],
  options: AutoBacktestOptions = {},
): CandidateBacktest[] {
  const plan = autoOrigins(input, options);
  const fit = options.fit ?? {};
  const prune = options.prune ?? DEFAULT_PRUNE;
  const newest = plan.origins[plan.origins.length - 1];
  const runs = specs.map((spec) => runOnNewest(spec, newest, plan.h, fit));
  const best = bestNewestMase(runs);
  const older = forecastWork(olderWork(runs, best, plan.origins.length, prune), plan, fit);
  return assembleAll(runs, older, best, plan, prune);
}
