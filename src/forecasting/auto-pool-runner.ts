/**
 * AUTO on the worker pool: the candidates are split into one group per pool thread (heaviest
 * models spread first), the groups are backtested in parallel, and one more task joins them
 * (combination and choice) and fits the choice.
 */
import { AppError } from '../errors';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import type { AutoOptions } from './auto-selector';
import {
  autoSpecs,
  CANDIDATE_COMPLEXITY,
  type AutoBacktestResult,
  type CandidateSpec,
} from './candidate-backtest';
import type {
  CandidateGroupInput,
  CandidateGroupOutput,
  FitChosenInput,
  FitChosenOutput,
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

/** Splits candidates into `parts` groups of similar cost (round-robin, most complex first). */
export function splitCandidates(specs: CandidateSpec[], parts: number): CandidateSpec[][] {
  const cost = (s: CandidateSpec): number => CANDIDATE_COMPLEXITY[s.kind] + (s.boxCox ? 0.5 : 0);
  const sorted = [...specs].sort((a, b) => cost(b) - cost(a));
  const groups: CandidateSpec[][] = Array.from(
    { length: Math.max(1, Math.min(parts, specs.length)) },
    () => [],
  );
  sorted.forEach((s, i) => groups[i % groups.length].push(s));
  return groups;
}

export class AutoTaskError extends AppError {
  constructor(readonly task: TaskError) {
    super(task.code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'FAILED_PRECONDITION', task.message);
  }
}

/**
 * AUTO end to end on the pool: the candidate groups are backtested in parallel, then one
 * task joins them, chooses, fits the choice and forecasts. Nothing but message passing
 * happens on the calling thread.
 */
export async function autoOnPool(
  pool: TaskRunner,
  series: SeriesInput,
  horizon: number,
  options: AutoOptions = {},
  futureOpen?: boolean[],
): Promise<PooledAuto> {
  const file = taskFile(FORECAST_TASK_FILE);
  const groups = splitCandidates(autoSpecs(series, options), pool.parallelism);
  const outputs = await Promise.all(
    groups.map((specs) =>
      pool.run<CandidateGroupInput, CandidateGroupOutput>(file, 'backtestCandidateGroup', {
        series,
        specs,
        options,
      }),
    ),
  );
  const results = outputs.flatMap((o) => {
    if (!o.ok) throw new AutoTaskError(o.error);
    return o.results;
  });
  const out = await pool.run<FitChosenInput, FitChosenOutput>(file, 'fitChosenCandidate', {
    series,
    results,
    horizon,
    options,
    ...(futureOpen ? { futureOpen } : {}),
  });
  if (!out.ok) throw new AutoTaskError(out.error);
  return { kind: out.kind, label: out.label, params: out.params, forecast: out.forecast, report: out.report };
}
