import type { ForecastResult, IntervalCalibration } from './forecast.types';

/** Calibration needs at least this many scored points; otherwise factors stay 1. */
export const MIN_CALIBRATION_POINTS = 30;
const MIN_FACTOR = 0.5;
const MAX_FACTOR = 5;

export interface ScoredForecast {
  actual: number[];
  forecast: ForecastResult;
  open: boolean[];
}

function quantile(sorted: number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Interval calibration from backtest residuals. For each open holdout point, the error is
 * divided by the half-width on its side (hi − mean above the mean, mean − lo below); the
 * factor for level L is the L-quantile of those ratios, so scaling the half-widths by it
 * would have covered a share L of the backtest points. Factors are clamped to [0.5, 5];
 * points with a zero half-width are skipped.
 */
export function calibrateIntervals(scored: ScoredForecast[]): IntervalCalibration {
  const ratios80: number[] = [];
  const ratios95: number[] = [];
  for (const { actual, forecast: f, open } of scored) {
    actual.forEach((y, i) => {
      if (!open[i]) return;
      const above = y >= f.mean[i];
      const err = Math.abs(y - f.mean[i]);
      const w80 = above ? f.hi80[i] - f.mean[i] : f.mean[i] - f.lo80[i];
      const w95 = above ? f.hi95[i] - f.mean[i] : f.mean[i] - f.lo95[i];
      if (w80 > 0) ratios80.push(err / w80);
      if (w95 > 0) ratios95.push(err / w95);
    });
  }
  const factor = (ratios: number[], level: number): number => {
    if (ratios.length < MIN_CALIBRATION_POINTS) return 1;
    const q = quantile(
      ratios.sort((a, b) => a - b),
      level,
    );
    return Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, q));
  };
  return { c80: factor(ratios80, 0.8), c95: factor(ratios95, 0.95) };
}
