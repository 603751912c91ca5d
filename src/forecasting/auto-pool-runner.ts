/**
 * AUTO on the worker pool: the backtest's two steps run in parallel groups, one per pool
 * thread, and one more task joins them (combination and choice) and fits the choice.
 */
import { AppError } from '../errors';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import type { AutoOptions } from './auto-selector';
import {
  autoSpecs,
  bestNewestMase,
  CANDIDATE_COMPLEXITY,
  DEFAULT_PRUNE,
  specLabel,
  survives,
  type AutoBacktestResult,
  type CandidateSpec,
} from './candidate-backtest';
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
 * Splits items into at most `parts` groups of similar total cost: longest processing time
 * first, each item (costliest first) to the group with the least cost so far.
 */
export function splitByCost<T>(items: T[], parts: number, cost: (item: T) => number): T[][] {
  const count = Math.max(1, Math.min(parts, items.length));
  const groups: T[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const item of [...items].sort((a, b) => cost(b) - cost(a))) {
    const lightest = load.indexOf(Math.min(...load));
    groups[lightest].push(item);
    load[lightest] += cost(item);
  }
  return groups;
}

/** Before any fit, a candidate's cost is guessed from its complexity rank. */
const rankCost = (s: CandidateSpec): number => CANDIDATE_COMPLEXITY[s.kind] + (s.boxCox ? 0.5 : 0);

export class AutoTaskError extends AppError {
  constructor(readonly task: TaskError) {
    super(task.code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'FAILED_PRECONDITION', task.message);
  }
}

/**
 * AUTO end to end on the pool, in three steps of parallel tasks: every candidate on the
 * newest origin (groups balanced by complexity), then the survivors of the pruning bar set
 * by all of them on the older origins (groups balanced by their measured newest-origin time),
 * then one task joins the results, chooses, fits the choice and forecasts. The result does
 * not depend on the number of threads. Nothing but message passing happens on the calling
 * thread.
 */
export async function autoOnPool(
  pool: TaskRunner,
  series: SeriesInput,
  horizon: number,
  options: AutoOptions = {},
  futureOpen?: boolean[],
): Promise<PooledAuto> {
  const file = taskFile(FORECAST_TASK_FILE);
  const settled = <T>(o: ({ ok: true } & T) | { ok: false; error: TaskError }): T => {
    if (!o.ok) throw new AutoTaskError(o.error);
    return o;
  };
  const specs = autoSpecs(series, options);
  const specGroups = splitByCost(specs, pool.parallelism, rankCost);
  const newest = await Promise.all(
    specGroups.map((specs) =>
      pool.run<NewestGroupInput, NewestGroupOutput>(file, 'backtestNewestGroup', { series, specs, options }),
    ),
  );
  const runs = newest.flatMap((o) => settled(o).runs);
  const best = bestNewestMase(runs);
  const prune = options.prune ?? DEFAULT_PRUNE;
  const older = await Promise.all(
    splitByCost(runs, pool.parallelism, (r) =>
      r.ms !== undefined && survives(r, best, prune) ? r.ms : 0,
    ).map((group) =>
      pool.run<OlderGroupInput, OlderGroupOutput>(file, 'backtestOlderGroup', {
        series,
        runs: group,
        best,
        options,
      }),
    ),
  );
  // in the candidates' own order, as one thread would have produced them
  const position = new Map(specs.map((s, i) => [specLabel(s), i]));
  const results = older
    .flatMap((o) => settled(o).results)
    .sort((a, b) => (position.get(a.label) ?? 0) - (position.get(b.label) ?? 0));
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
