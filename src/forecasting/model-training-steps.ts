/**
 * The two ways a model version is trained, each returning what the registry stores. Every
 * fit and backtest runs in the worker pool.
 */
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import { autoOnPool, AutoTaskError, type PooledAuto } from './auto-pool-runner';
import { byMase, type BacktestReport } from './backtest-runner';
import type {
  BacktestModelsInput,
  BacktestModelsOutput,
  FitAndForecastInput,
  FitAndForecastOutput,
  TaskError,
} from './forecast.task';
import type { BaseModelKind, BoxCoxOption, ModelKind, SeriesInput } from './forecast.types';
import { FORECAST_TASK } from './model-training-options';
import { taskFailure } from './model-task-failure';
import type { TrainedModel } from './model-version';

export interface TrainingJob {
  workers: TaskRunner;
  channel: string;
  stepMinutes: number;
  input: SeriesInput;
  kinds: BaseModelKind[];
  origins: number;
  /** Box-Cox for a single kind's backtest and fit (TrainOptions.boxCox). */
  boxCox?: BoxCoxOption;
}

/** Backtests the kinds (and, for ENSEMBLE, the combination of the best two) on the pool. */
async function backtestKinds(job: TrainingJob, selection: ModelKind): Promise<BacktestReport> {
  const bt = await job.workers.run<BacktestModelsInput, BacktestModelsOutput>(
    taskFile(FORECAST_TASK),
    'backtestModels',
    {
      series: job.input,
      options: {
        stepMinutes: job.stepMinutes,
        origins: job.origins,
        kinds: job.kinds,
        ensembleSize: selection === 'ENSEMBLE' ? 2 : 0,
        ...(job.boxCox !== undefined ? { fitFor: { [selection]: { boxCox: job.boxCox } } } : {}),
      },
    },
  );
  if (!bt.ok) throw taskFailure(job.channel, bt.error);
  return bt.report;
}

/**
 * A named kind: backtested against seasonal naive, then the backtested variants of that kind
 * are fitted on the whole window, best MASE first, until one fits.
 */
export async function trainKind(job: TrainingJob, selection: ModelKind): Promise<TrainedModel> {
  const report = await backtestKinds(job, selection);
  const eligible = report.models.filter((m) => m.ok && m.kind === selection).sort(byMase);
  let lastError: TaskError = {
    code: 'MODEL_FIT_FAILED',
    message:
      report.models.find((m) => m.kind === selection)?.failure ?? `${selection} could not be backtested`,
    kind: selection,
  };
  for (const candidate of eligible) {
    const fit = await job.workers.run<FitAndForecastInput, FitAndForecastOutput>(
      taskFile(FORECAST_TASK),
      'fitAndForecast',
      {
        series: job.input,
        model: candidate.kind,
        horizon: 1,
        options: {
          ...(candidate.calibration ? { calibration: candidate.calibration } : {}),
          ...(candidate.members ? { ensemble: { members: candidate.members } } : {}),
          ...(job.boxCox !== undefined ? { boxCox: job.boxCox } : {}),
        },
      },
    );
    if (fit.ok)
      return {
        kind: fit.kind,
        params: { ...fit.params, selection },
        chosen: candidate,
        candidates: report.models.map((m) => ({ ...m, error: m.failure ?? null })),
        horizon: report.horizon,
        origins: report.origins.length,
      };
    if (fit.error.code !== 'MODEL_FIT_FAILED') throw taskFailure(job.channel, fit.error);
    lastError = fit.error;
  }
  throw taskFailure(job.channel, lastError);
}

/**
 * AUTO: the candidates (each model raw and with Box-Cox) are backtested in parallel on the
 * pool; one more task joins them (combination, choice within the backtest noise) and fits
 * the choice on the whole window.
 */
export async function trainAuto(job: TrainingJob, boxCox: boolean): Promise<TrainedModel> {
  const options = { stepMinutes: job.stepMinutes, kinds: job.kinds, origins: job.origins, boxCox };
  let auto: PooledAuto;
  try {
    auto = await autoOnPool(job.workers, job.input, 1, options);
  } catch (e) {
    if (e instanceof AutoTaskError) throw taskFailure(job.channel, e.task);
    throw e;
  }
  const { report } = auto;
  return {
    kind: auto.kind,
    params: { ...auto.params, selection: 'AUTO', label: auto.label },
    chosen: report.candidates.find((c) => c.label === auto.label) ?? report.candidates[report.chosen],
    candidates: report.candidates.map((m) => ({
      ...m,
      error: m.failure ?? null,
    })),
    horizon: report.horizon,
    origins: report.origins.length,
  };
}
