/** A trained model as the registry stores it: its backtest metrics and its new version's document. */
import type { Channel } from '../channels/channel.types';
import { AppError } from '../errors';
import type { ModelBacktest } from './backtest-runner';
import type { BacktestMetrics, StoredModelParams } from './forecast.doc';
import type { ModelKind } from './forecast.types';
import type { HistorySeries } from './history-series';
import type { NewModelVersion } from './model-version.doc';

/** A backtest's metrics as stored with a model version (null when the model was not scored). */
export const toMetrics = (m: ModelBacktest, horizon: number, origins: number): BacktestMetrics | null =>
  m.metrics
    ? {
        mase: m.metrics.mase,
        smape: m.metrics.smape,
        wape: m.metrics.wape,
        rmse: m.metrics.rmse,
        coverage80: m.metrics.coverage80,
        coverage95: m.metrics.coverage95,
        origins,
        horizon,
      }
    : null;

export interface TrainedModel {
  kind: ModelKind;
  params: StoredModelParams;
  /** The chosen model's backtest, and every candidate's with its error (if any). */
  chosen: ModelBacktest;
  candidates: (ModelBacktest & { error: string | null })[];
  horizon: number;
  origins: number;
}

/** A new, not yet stored (INACTIVE) version of a channel's model. */
export function versionDoc(
  channel: Channel,
  series: HistorySeries,
  trained: TrainedModel,
  createdBy: string | null,
): NewModelVersion {
  const { horizon, origins } = trained;
  const metrics = toMetrics(trained.chosen, horizon, origins);
  if (!metrics) throw new AppError('INTERNAL', `the chosen ${trained.kind} model has no backtest metrics`);
  return {
    channel: channel.key,
    kind: trained.kind,
    params: trained.params,
    trainingWindow: {
      from: new Date(`${series.from}T00:00:00Z`),
      to: new Date(`${series.to}T00:00:00Z`),
      points: series.values.length,
    },
    intervalMinutes: channel.intervalMinutes,
    metrics,
    candidates: trained.candidates.map((m) => ({
      kind: m.kind,
      metrics: toMetrics(m, horizon, origins),
      error: m.error,
    })),
    status: 'INACTIVE',
    createdAt: new Date(),
    createdBy,
    activatedAt: null,
  };
}
