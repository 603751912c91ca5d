/**
 * AUTO on the worker pool: the candidates are split into one group per pool thread (heaviest
 * models spread first), the groups are backtested in parallel, joined on the calling thread
 * (combination and choice are a few array sums), and the choice is fitted in one more task.
 */
import { AppError } from '../errors';
import { taskFile, type WorkerPool } from '../workers/worker-pool';
import type { AutoOptions } from './auto.selector';
import {
  autoSpecs,
  CANDIDATE_COMPLEXITY,
  combineAndChoose,
  type AutoBacktestResult,
  type CandidateSpec,
} from './candidate.backtest';
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

/** Backtests AUTO's candidates in parallel on the pool and returns the joined result. */
export async function autoBacktestOnPool(
  pool: WorkerPool,
  series: SeriesInput,
  options: AutoOptions,
  parts: number,
): Promise<AutoBacktestResult> {
  const file = taskFile(FORECAST_TASK_FILE);
  const groups = splitCandidates(autoSpecs(series, options), parts);
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
  return combineAndChoose(series, results, options);
}

/** AUTO end to end on the pool: parallel backtests, then the chosen model's fit and forecast. */
export async function autoOnPool(
  pool: WorkerPool,
  series: SeriesInput,
  horizon: number,
  options: AutoOptions = {},
  futureOpen?: boolean[],
): Promise<PooledAuto> {
  const report = await autoBacktestOnPool(pool, series, options, pool.threads);
  const out = await pool.run<FitChosenInput, FitChosenOutput>(
    taskFile(FORECAST_TASK_FILE),
    'fitChosenCandidate',
    {
      series,
      report,
      horizon,
      options,
      ...(futureOpen ? { futureOpen } : {}),
    },
  );
  if (!out.ok) throw new AutoTaskError(out.error);
  return { kind: out.kind, label: out.label, params: out.params, forecast: out.forecast, report };
}
