import { badInput } from '../errors';
import type { ForecastResult } from './forecast.types';

/**
 * Forecast accuracy over the open intervals of a holdout. Percentages are 0–100 (sMAPE 0–200).
 * MASE is NaN when the scale is 0 (a series with no seasonal variation at all).
 */
export interface AccuracyMetrics {
  /** mean|y − ŷ| / in-sample seasonal naive MAE. */
  mase: number;
  /** 100 · mean(2|y − ŷ| / (|y| + |ŷ|)), terms with y = ŷ = 0 count as 0. */
  smape: number;
  /** 100 · Σ|y − ŷ| / Σ|y|. */
  wape: number;
  /** sqrt(mean (y − ŷ)²). */
  rmse: number;
  /** Share of points inside [lo80, hi80] and [lo95, hi95]. */
  coverage80: number;
  coverage95: number;
  /**
   * Mean scaled interval score of the 95 % interval (Gneiting & Raftery 2007; the M4
   * competition's MSIS): mean of (hi − lo) + 40·(lo − y) below it + 40·(y − hi) above it,
   * over the MASE scale. Lower is better; it rewards narrow intervals that still cover.
   */
  msis: number;
  /** Number of open points scored. */
  n: number;
}

/**
 * In-sample MAE of the seasonal naive method with period m: mean |y_t − y_{t−m}| over t
 * where both intervals are open. The MASE denominator (Hyndman & Koehler 2006).
 */
export function seasonalNaiveScale(history: number[], m: number, open?: boolean[]): number {
  if (!Number.isInteger(m) || m < 1) throw badInput(`m must be a positive integer, got ${m}`);
  if (history.length <= m)
    throw badInput(`history must be longer than m (${m}), got ${history.length} values`);
  let sum = 0;
  let count = 0;
  for (let t = m; t < history.length; t++) {
    if (open && (!open[t] || !open[t - m])) continue;
    sum += Math.abs(history[t] - history[t - m]);
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

function openIndices(length: number, open?: boolean[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < length; i++) if (!open || open[i]) idx.push(i);
  return idx;
}

/** Scores a forecast against the actual values on open intervals only. */
export function accuracy(
  actual: number[],
  f: ForecastResult,
  scale: number,
  open?: boolean[],
): AccuracyMetrics {
  if (f.mean.length !== actual.length) {
    throw badInput(`forecast length ${f.mean.length} must equal actual length ${actual.length}`);
  }
  const idx = openIndices(actual.length, open);
  const n = idx.length;
  if (n === 0)
    return { mase: NaN, smape: NaN, wape: NaN, rmse: NaN, coverage80: NaN, coverage95: NaN, msis: NaN, n };
  let abs = 0;
  let sq = 0;
  let sm = 0;
  let sumActual = 0;
  let in80 = 0;
  let in95 = 0;
  let interval = 0;
  for (const i of idx) {
    const y = actual[i];
    const e = y - f.mean[i];
    abs += Math.abs(e);
    sq += e * e;
    const denom = Math.abs(y) + Math.abs(f.mean[i]);
    sm += denom === 0 ? 0 : (2 * Math.abs(e)) / denom;
    sumActual += Math.abs(y);
    if (y >= f.lo80[i] && y <= f.hi80[i]) in80++;
    if (y >= f.lo95[i] && y <= f.hi95[i]) in95++;
    interval += intervalScore(y, f.lo95[i], f.hi95[i], 0.05);
  }
  return {
    mase: scale > 0 ? abs / n / scale : NaN,
    smape: (100 * sm) / n,
    wape: sumActual > 0 ? (100 * abs) / sumActual : NaN,
    rmse: Math.sqrt(sq / n),
    coverage80: in80 / n,
    coverage95: in95 / n,
    msis: scale > 0 ? interval / n / scale : NaN,
    n,
  };
}

/** The interval score of [lo, hi] at level 1 − α for the value y: width plus 2/α × the miss. */
const intervalScore = (y: number, lo: number, hi: number, alpha: number): number =>
  hi - lo + (2 / alpha) * (Math.max(lo - y, 0) + Math.max(y - hi, 0));

/** Drift also fires when |bias| exceeds this share of the actual total, in %. */
export const BIAS_DRIFT_PERCENT = 10;

const exceeds = (recent: number, backtest: number | null | undefined, factor: number): boolean =>
  Number.isFinite(recent) &&
  typeof backtest === 'number' &&
  Number.isFinite(backtest) &&
  recent > backtest * factor;

/**
 * A run drifts when its WAPE or MASE exceeds the model's backtest figure × `factor`, or when
 * |bias| (forecast − actual, % of the actual total) exceeds BIAS_DRIFT_PERCENT: a forecast
 * can be steadily 15 % low with a WAPE no worse than the backtest's.
 */
export function isDrift(
  recent: { wape: number; mase: number; biasPercent: number },
  backtest: { wape: number | null; mase: number | null },
  factor: number,
): boolean {
  return (
    exceeds(recent.wape, backtest.wape, factor) ||
    exceeds(recent.mase, backtest.mase, factor) ||
    Math.abs(recent.biasPercent) > BIAS_DRIFT_PERCENT
  );
}
