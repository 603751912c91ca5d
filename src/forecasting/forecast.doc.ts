import type { AccuracyMetrics } from './accuracy-metrics';
import type { ForecastRun, ModelKind, ModelParams, ModelSelection } from './forecast.types';

export type { ModelKind };

export const MODELS = 'models';
export const FORECASTS = 'forecasts';
export type ModelStatus = 'ACTIVE' | 'INACTIVE';

/**
 * A backtest's accuracy as stored: the metrics without their point count and interval score
 * (scored on the models' own intervals, before calibration), with its origins and horizon.
 */
export interface BacktestMetrics extends Omit<AccuracyMetrics, 'n' | 'msis'> {
  origins: number;
  horizon: number;
}

/**
 * The stored parameters of a model version: what the engine needs to refit it, and how it
 * was chosen. A named kind was trained as asked; AUTO keeps the label of the backtest's
 * choice (e.g. `MSTL+boxcox`, `ENSEMBLE(SNAIVE+MSTL)`).
 */
export type StoredModelParams = ModelParams &
  ({ selection: ModelKind } | { selection: Extract<ModelSelection, 'AUTO'>; label: string });

/** The history a model version was trained on. */
export interface TrainingWindow {
  from: Date;
  to: Date;
  points: number;
}

/** One trained model version of a channel (the model registry). */
export interface ModelDoc {
  _id: string;
  channel: string;
  /** 1, 2, 3 … per channel. */
  version: number;
  kind: ModelKind;
  /** JSON-serialisable parameters the engine needs to refit/forecast (periods, orders, members…). */
  params: StoredModelParams;
  trainingWindow: TrainingWindow;
  intervalMinutes: number;
  /** Backtest of the chosen model, and of every candidate considered. */
  metrics: BacktestMetrics;
  candidates: { kind: ModelKind; metrics: BacktestMetrics | null; error: string | null }[];
  status: ModelStatus;
  createdAt: Date;
  createdBy: string | null;
  activatedAt: Date | null;
}

/** One stored forecast run: the public `ForecastRun` (forecast.types.ts) as it is. */
export type ForecastDoc = ForecastRun;
