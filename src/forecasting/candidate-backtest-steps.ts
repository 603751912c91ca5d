/**
 * AUTO's backtest in steps: every candidate on the newest origin, then every candidate that
 * fitted there on the older origins, and the join into backtested candidates. In one
 * process `backtestCandidates` runs them in turn; on the worker pool (auto-pool-runner.ts)
 * each step runs as parallel tasks and the result is the same.
 */
import { AppError } from '../errors';
import { at } from '../common/indexed';
import { sum } from '../common/sum';
import { fitAtOrigin, forecastOrigins, summarise, type OriginData } from './backtest-runner';
import {
  autoOrigins,
  specLabel,
  type AutoBacktestOptions,
  type AutoOrigins,
  type CandidateBacktest,
  type CandidateSpec,
} from './candidate-backtest';
import { isModelFitError } from './forecast-errors';
import type { BoxCoxOption, FitOptions, ForecastResult, SeriesInput } from './forecast.types';
import { searchedStructure } from './searched-structure';
import { weightedScore } from './selection.core';

/** The fit options of a candidate: the shared ones with its Box-Cox choice. */
const specFit = (spec: CandidateSpec, fit: FitOptions): FitOptions => {
  const boxCox: BoxCoxOption = spec.boxCox ?? 'none';
  return { ...fit, boxCox };
};

/** One candidate fitted at each of the origins, forecasting its horizon there. */
const forecastAt = (
  spec: CandidateSpec,
  origins: OriginData[],
  h: number,
  fit: FitOptions,
): ForecastResult[] => forecastOrigins(spec.kind, origins, h, specFit(spec, fit));

/**
 * A candidate's forecast at the newest origin, or why it could not be fitted there. `F` is
 * the forecast's form: a ForecastResult, or packed for the trip between threads (forecast-wire.ts).
 */
export type NewestRun<F = ForecastResult> =
  | {
      spec: CandidateSpec;
      f: F;
      ms: number;
      /** What the fit searched for (ARIMA's orders), kept at the older origins. */
      structure?: FitOptions;
      failure?: undefined;
    }
  | {
      spec: CandidateSpec;
      failure: string;
      f?: undefined;
      ms?: undefined;
      structure?: undefined;
    };

function runOnNewest(spec: CandidateSpec, newest: OriginData, h: number, fit: FitOptions): NewestRun {
  const t0 = performance.now();
  try {
    const { model, forecast: f } = fitAtOrigin(spec.kind, newest, h, specFit(spec, fit));
    const structure = searchedStructure(model.params);
    return {
      spec,
      f,
      ms: performance.now() - t0,
      ...(structure ? { structure } : {}),
    };
  } catch (e) {
    if (!isModelFitError(e)) throw e;
    return { spec, failure: e.message };
  }
}

/** Every candidate on the plan's newest origin. */
const runsOnNewest = (specs: CandidateSpec[], plan: AutoOrigins, fit: FitOptions): NewestRun[] =>
  specs.map((spec) => runOnNewest(spec, at(plan.origins, plan.origins.length - 1), plan.h, fit));

/** The first step of the backtest (or a part of it): each candidate on the newest origin. */
export function newestOriginRuns(
  input: SeriesInput,
  specs: CandidateSpec[],
  options: AutoBacktestOptions = {},
): { runs: NewestRun[]; originCount: number } {
  const plan = autoOrigins(input, options);
  return { runs: runsOnNewest(specs, plan, options.fit ?? {}), originCount: plan.origins.length };
}

/** Older origins (indices into the plan's origins, oldest 0) a candidate is forecast at. */
export interface OlderWork {
  spec: CandidateSpec;
  origins: number[];
  /** The newest origin's searched structure, refitted here instead of searched again. */
  structure?: FitOptions;
}

/** A candidate's forecasts at some older origins, or why one of them could not be fitted (`F`: as NewestRun's). */
export interface OlderForecasts<F = ForecastResult> {
  label: string;
  origins: number[];
  forecasts: F[];
  ms: number;
  failure?: string;
}

/**
 * The older-origin work: every run that fitted on the newest origin, at every older origin.
 * None is dropped for its newest-origin score: one origin is too noisy to judge on (a bar of
 * 1.6 × the best there, dropped 2026-12-02, lost co2's ARIMA and MSTL to a lucky Prophet origin).
 */
export function olderWork(runs: NewestRun<unknown>[], originCount: number): OlderWork[] {
  const origins = Array.from({ length: Math.max(originCount - 1, 0) }, (_, i) => i);
  return runs
    .filter((r) => r.failure === undefined)
    .map((r) => ({ spec: r.spec, origins, ...(r.structure ? { structure: r.structure } : {}) }));
}

function forecastWork(work: OlderWork[], plan: AutoOrigins, fit: FitOptions): OlderForecasts[] {
  return work.map(({ spec, origins, structure }) => {
    const label = specLabel(spec);
    const t0 = performance.now();
    try {
      const data = origins.map((i) => at(plan.origins, i));
      const forecasts = forecastAt(spec, data, plan.h, { ...fit, ...structure });
      return { label, origins, forecasts, ms: performance.now() - t0 };
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

/** One candidate's backtest from its newest run and its older forecasts. */
function assemble(r: NewestRun, parts: OlderForecasts[], plan: AutoOrigins): CandidateBacktest {
  if (r.failure !== undefined) return failed(r.spec, r.failure);
  const failure = parts.find((p) => p.failure !== undefined)?.failure;
  if (failure !== undefined) return failed(r.spec, failure);
  const { origins, bucketSlots, power } = plan;
  const newest = origins.length - 1;
  const byOrigin = new Map<number, ForecastResult>([[newest, r.f]]);
  for (const part of parts) part.origins.forEach((o, k) => byOrigin.set(o, at(part.forecasts, k)));
  const fs = origins.map((_, i) => {
    const f = byOrigin.get(i);
    if (!f) throw new AppError('INTERNAL', `candidate ${specLabel(r.spec)} has no forecast at origin ${i}`);
    return f;
  });
  const ms = r.ms + sum(parts, (p) => p.ms);
  const summary = summarise(r.spec.kind, origins, fs, ms, bucketSlots, power);
  return {
    ...summary,
    label: specLabel(r.spec),
    spec: r.spec,
    forecasts: fs,
    score: weightedScore(summary.perOrigin.map((m) => m.mase)),
  };
}

const assembleAll = (runs: NewestRun[], older: OlderForecasts[], plan: AutoOrigins): CandidateBacktest[] =>
  runs.map((r) =>
    assemble(
      r,
      older.filter((o) => o.label === specLabel(r.spec)),
      plan,
    ),
  );

/** The join: every candidate's backtest from its newest run and its older forecasts, wherever they ran. */
export function assembleCandidates(
  input: SeriesInput,
  runs: NewestRun[],
  older: OlderForecasts[],
  options: AutoBacktestOptions = {},
): CandidateBacktest[] {
  return assembleAll(runs, older, autoOrigins(input, options));
}

/**
 * Backtests the given candidates: first all on the newest origin, then those that fitted
 * there on the older ones. Run in parts on the pool (auto-pool-runner.ts: newestOriginRuns,
 * olderOriginForecasts and assembleCandidates), the steps give the same result.
 */
export function backtestCandidates(
  input: SeriesInput,
  specs: CandidateSpec[],
  options: AutoBacktestOptions = {},
): CandidateBacktest[] {
  const plan = autoOrigins(input, options);
  const fit = options.fit ?? {};
  const runs = runsOnNewest(specs, plan, fit);
  const older = forecastWork(olderWork(runs, plan.origins.length), plan, fit);
  return assembleAll(runs, older, plan);
}
