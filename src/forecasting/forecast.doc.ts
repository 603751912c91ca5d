import type { AccuracyMetrics } from './accuracy-metrics';
import type { ModelKind, ModelParams, ModelSelection } from './forecast.types';

export type { ModelKind };

export const MODELS = 'models';
export const FORECASTS = 'forecasts';
export type ModelStatus = 'ACTIVE' | 'INACTIVE';

/** A backtest's accuracy as stored: the metrics without their point count, with its origins and horizon. */
export interface BacktestMetrics extends Omit<AccuracyMetrics, 'n'> {
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

export interface ForecastPoint {
  /** Start of the interval (UTC instant). */
  t: Date;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** One stored forecast run. */
export interface ForecastDoc {
  _id: string;
  channel: string;
  modelId: string;
  modelKind: ModelKind;
  /** First interval start (UTC instant). */
  start: Date;
  /** Exclusive end (UTC instant). */
  end: Date;
  intervalMinutes: number;
  horizonDays: number;
  points: ForecastPoint[];
  /** MASE denominator: in-sample seasonal-naive MAE of the history the run was fitted on. */
  scale?: { mase: number; period: number } | null;
  /** The model's daily-total error quantiles (IntervalCalibration.daily), when it has them. */
  totals?: [number, number, number, number] | null;
  createdAt: Date;
  createdBy: string | null;
}
