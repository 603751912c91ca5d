/**
 * Worker-thread entry for piscina: `pool.run(input, { name: 'fitAndForecast' })`.
 * Inputs and outputs are plain JSON-serializable objects. Expected failures (bad input, a
 * model that cannot be fitted) come back as `{ ok: false, error }` because class instances
 * do not survive the thread boundary; anything else rejects.
 */
import { isAppError } from '../errors';
import { fitChosen, type AutoOptions } from './auto-selector';
import { backtest, type BacktestOptions, type BacktestReport } from './backtest-runner';
import type { AutoBacktestOptions, AutoBacktestResult, CandidateSpec } from './candidate-backtest';
import {
  assembleCandidates,
  newestOriginRuns,
  olderOriginForecasts,
  type NewestRun,
  type OlderForecasts,
  type OlderWork,
} from './candidate-backtest-steps';
import { combineAndChoose } from './candidate-choice';
import { packOlder, packRun, unpackOlder, unpackRun, type PackedForecast } from './forecast-wire';
import { isModelFitError, MODEL_FIT_FAILED } from './forecast-errors';
import { fitModel, type FitModelOptions } from './models/forecaster-registry';
import type { ForecastResult, ModelKind, ModelParams, ModelSelection, SeriesInput } from './forecast.types';

export interface TaskError {
  code: 'BAD_USER_INPUT' | typeof MODEL_FIT_FAILED;
  message: string;
  kind?: ModelKind;
}

export type TaskResult<T> = ({ ok: true } & T) | { ok: false; error: TaskError };

export interface FitAndForecastInput {
  series: SeriesInput;
  /** Default AUTO. */
  model?: ModelSelection;
  horizon: number;
  futureOpen?: boolean[];
  options?: FitModelOptions;
}

export type FitAndForecastOutput = TaskResult<{
  kind: ModelKind;
  params: ModelParams;
  forecast: ForecastResult;
}>;

export interface BacktestModelsInput {
  series: SeriesInput;
  options?: BacktestOptions;
}

export type BacktestModelsOutput = TaskResult<{ report: BacktestReport }>;

function asTaskError(e: unknown): TaskError {
  if (isModelFitError(e)) return { code: MODEL_FIT_FAILED, message: e.message, kind: e.kind };
  if (isAppError(e) && e.code === 'BAD_USER_INPUT') return { code: 'BAD_USER_INPUT', message: e.message };
  throw e;
}

/** A task's work as its result: what `work` returns, or the expected failure it threw. */
function taskResult<T>(work: () => T): TaskResult<T> {
  try {
    return { ok: true, ...work() };
  } catch (e) {
    return { ok: false, error: asTaskError(e) };
  }
}

/** Fits the requested model (AUTO by default) and forecasts `horizon` steps. */
export async function fitAndForecast(input: FitAndForecastInput): Promise<FitAndForecastOutput> {
  return taskResult(() => {
    const model = fitModel(input.model ?? 'AUTO', input.series, input.options);
    const forecast = model.forecast(input.horizon, input.futureOpen ? { futureOpen: input.futureOpen } : {});
    return { kind: model.kind, params: JSON.parse(JSON.stringify(model.params)) as ModelParams, forecast };
  });
}

/** Rolling-origin backtest of every candidate model (metrics, calibration factors, timings). */
export async function backtestModels(input: BacktestModelsInput): Promise<BacktestModelsOutput> {
  return taskResult(() => ({ report: backtest(input.series, input.options) }));
}

export interface NewestGroupInput {
  series: SeriesInput;
  specs: CandidateSpec[];
  options?: AutoBacktestOptions;
}

export type NewestGroupOutput = TaskResult<{ runs: NewestRun<PackedForecast>[]; originCount: number }>;

/** AUTO's first backtest step for one group of candidates: the newest origin (see auto-pool-runner.ts). */
export async function backtestNewestGroup(input: NewestGroupInput): Promise<NewestGroupOutput> {
  return taskResult(() => {
    const { runs, originCount } = newestOriginRuns(input.series, input.specs, input.options);
    return { runs: runs.map(packRun), originCount };
  });
}

export interface OlderGroupInput {
  series: SeriesInput;
  work: OlderWork[];
  options?: AutoBacktestOptions;
}

export type OlderGroupOutput = TaskResult<{ older: OlderForecasts<PackedForecast>[] }>;

/** AUTO's second backtest step for one group: candidates at some older origins. */
export async function backtestOlderGroup(input: OlderGroupInput): Promise<OlderGroupOutput> {
  return taskResult(() => ({
    older: olderOriginForecasts(input.series, input.work, input.options).map(packOlder),
  }));
}

export interface FitChosenInput {
  series: SeriesInput;
  /** Every candidate's newest-origin run, and the older-origin forecasts of those that fitted (packed). */
  runs: NewestRun<PackedForecast>[];
  older: OlderForecasts<PackedForecast>[];
  horizon: number;
  futureOpen?: boolean[];
  options?: AutoOptions;
}

export type FitChosenOutput = TaskResult<{
  kind: ModelKind;
  label: string;
  report: AutoBacktestResult;
  params: ModelParams;
  forecast: ForecastResult;
}>;

/**
 * Joins AUTO's backtest parts into candidates, adds the combination, chooses, fits the
 * choice (falling back down the ranking, seasonal naive last) and forecasts.
 */
export async function fitChosenCandidate(input: FitChosenInput): Promise<FitChosenOutput> {
  return taskResult(() => {
    const options = input.options ?? {};
    const results = assembleCandidates(
      input.series,
      input.runs.map(unpackRun),
      input.older.map(unpackOlder),
      options,
    );
    const report = combineAndChoose(input.series, results, options);
    const chosen = fitChosen(input.series, report, options);
    const forecast = chosen.model.forecast(
      input.horizon,
      input.futureOpen ? { futureOpen: input.futureOpen } : {},
    );
    return {
      kind: chosen.model.kind,
      label: chosen.label,
      report,
      params: JSON.parse(JSON.stringify(chosen.model.params)) as ModelParams,
      forecast,
    };
  });
}
