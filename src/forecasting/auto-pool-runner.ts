/**
 * AUTO on the worker pool: the backtest's two steps run as parallel tasks, and one more task
 * assembles them (combination and choice) and fits the choice.
 */
import { AppError } from '../errors';
import { inLanes } from '../common/in-lanes';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import type { AutoOptions } from './auto-selector';
import {
  autoSpecs,
  specComplexity,
  specLabel,
  type AutoBacktestResult,
  type CandidateSpec,
} from './candidate-backtest';
import { olderWork, type NewestRun, type OlderForecasts, type OlderWork } from './candidate-backtest-steps';
import type { PackedForecast } from './forecast-wire';
import type {
  FitChosenInput,
  FitChosenOutput,
  NewestGroupInput,
  NewestGroupOutput,
  OlderGroupInput,
  OlderGroupOutput,
  TaskError,
} from './forecast.task';
import type { ForecastResult, ModelKind, ModelParams, SeriesInput } from './forecast.types';

export const FORECAST_TASK_FILE = 'forecasting/forecast.task';

export interface PooledAuto {
  kind: ModelKind;
  label: string;
  params: ModelParams;
  forecast: ForecastResult;
  report: AutoBacktestResult;
}

/**
 * A candidate whose newest-origin fit took at least this long has its older origins run as
 * separate tasks (so its origins share the threads); a cheaper one runs them in one task.
 */
const SPLIT_FIT_MS = 50;

/** The second step's tasks: costly candidates one origin each, cheap ones whole; costliest first. */
function olderUnits(work: OlderWork[], fitMs: (spec: CandidateSpec) => number): OlderWork[] {
  const units = work.flatMap((w) =>
    fitMs(w.spec) >= SPLIT_FIT_MS ? w.origins.map((o) => ({ ...w, origins: [o] })) : [w],
  );
  const cost = (u: OlderWork): number => fitMs(u.spec) * u.origins.length;
  return units.sort((a, b) => cost(b) - cost(a));
}

/** Before any fit, a candidate's cost is guessed from its complexity rank: costliest first. */
const byRank = (specs: CandidateSpec[]): CandidateSpec[] =>
  [...specs].sort((a, b) => specComplexity(b) - specComplexity(a));

/** Runs in the candidates' own order, as one thread would have produced them. */
const orderedLike = <R extends NewestRun<unknown>>(specs: CandidateSpec[], runs: R[]): R[] => {
  const position = new Map(specs.map((s, i) => [specLabel(s), i]));
  return [...runs].sort(
    (a, b) => (position.get(specLabel(a.spec)) ?? 0) - (position.get(specLabel(b.spec)) ?? 0),
  );
};

export class AutoTaskError extends AppError {
  constructor(readonly task: TaskError) {
    super(task.code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'FAILED_PRECONDITION', task.message);
  }
}

/** A task's output, or its error thrown as an AutoTaskError. */
function settled<T>(o: ({ ok: true } & T) | { ok: false; error: TaskError }): T {
  if (!o.ok) throw new AutoTaskError(o.error);
  return o;
}

/** What the backtest's two steps leave for the join: the newest-origin runs and the older forecasts. */
interface PooledBacktest {
  runs: NewestRun<PackedForecast>[];
  older: OlderForecasts<PackedForecast>[];
}

/**
 * The backtest's two steps, at most `parallelism` tasks in flight, each thread taking the
 * next task when its last one ends: every candidate on the newest origin (costliest kinds
 * first; its fit finds the structure the older origins refit, and times it), then every
 * candidate that fitted there on the older origins (a candidate slower than SPLIT_FIT_MS one
 * task per origin, so its origins share the threads).
 */
async function backtestOnPool(
  pool: TaskRunner,
  file: string,
  series: SeriesInput,
  options: AutoOptions,
): Promise<PooledBacktest> {
  const specs = autoSpecs(series, options);
  const newest = await inLanes(byRank(specs), pool.parallelism, async (spec) =>
    settled(
      await pool.run<NewestGroupInput, NewestGroupOutput>(file, 'backtestNewestGroup', {
        series,
        specs: [spec],
        options,
      }),
    ),
  );
  const runs = orderedLike(
    specs,
    newest.flatMap((o) => o.runs),
  );
  const fitMs = new Map(runs.map((r) => [specLabel(r.spec), r.ms ?? 0]));
  const work = olderWork(runs, newest[0]?.originCount ?? 0);
  const older = await inLanes(
    olderUnits(work, (spec) => fitMs.get(specLabel(spec)) ?? 0),
    pool.parallelism,
    async (unit) =>
      settled(
        await pool.run<OlderGroupInput, OlderGroupOutput>(file, 'backtestOlderGroup', {
          series,
          work: [unit],
          options,
        }),
      ).older,
  );
  return { runs, older: older.flat() };
}

/**
 * AUTO end to end on the pool: the backtest's two steps (backtestOnPool), then one task
 * assembles the candidates, chooses, fits the choice and forecasts. The result does not
 * depend on the number of threads. Nothing but message passing happens on the calling thread.
 */
export async function autoOnPool(
  pool: TaskRunner,
  series: SeriesInput,
  horizon: number,
  options: AutoOptions = {},
  futureOpen?: boolean[],
): Promise<PooledAuto> {
  const file = taskFile(FORECAST_TASK_FILE);
  const backtest = await backtestOnPool(pool, file, series, options);
  const out = settled(
    await pool.run<FitChosenInput, FitChosenOutput>(file, 'fitChosenCandidate', {
      series,
      ...backtest,
      horizon,
      options,
      ...(futureOpen ? { futureOpen } : {}),
    }),
  );
  return { kind: out.kind, label: out.label, params: out.params, forecast: out.forecast, report: out.report };
}
