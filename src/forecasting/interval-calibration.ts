import { guerreroLambda } from './models/boxcox.core';
import { errorScale, leadInterval } from './forecast-postprocess';
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
export function calibrateIntervals(
  scored: ScoredForecast[],
  bucketSlots?: number,
  power?: number,
): IntervalCalibration {
  const lead = bucketSlots ? leadQuantiles(scored, bucketSlots, power) : undefined;
  const daily = bucketSlots ? dailyQuantiles(scored, bucketSlots) : undefined;
  return { ...scaleFactors(scored), ...(lead ? { lead } : {}), ...(daily ? { daily } : {}) };
}

/** Conformal order statistics [q2.5, q10, q90, q97.5]: lower bounds round down, upper up. */
function conformal(xs: number[]): [number, number, number, number] {
  const sorted = [...xs].sort((a, b) => a - b);
  const lo = (p: number): number => sorted[Math.max(Math.floor((sorted.length + 1) * p) - 1, 0)] - 1e-9;
  const hi = (p: number): number =>
    sorted[Math.min(Math.ceil((sorted.length + 1) * p) - 1, sorted.length - 1)] + 1e-9;
  return [lo(0.025), lo(0.1), hi(0.9), hi(0.975)];
}

/**
 * Exponent of the conformal error scale for a series: 1 − λ with Guerrero's Box-Cox λ over
 * `period`, clamped to [0, 1]. Guerrero's λ is the one that makes sd / mean^(1−λ) constant
 * across seasons, so errors divided by (mean + 1)^(1−λ) are alike at every level. Undefined
 * (the default √) for series with negative values.
 */
export function errorPower(values: number[], period: number): number | undefined {
  if (values.some((v) => v < 0)) return undefined;
  return Math.min(1, Math.max(0, 1 - guerreroLambda(values, { period })));
}

/** Fewest backtested days with volume for daily-total quantiles. */
export const MIN_DAILY_POINTS = 10;

/**
 * Quantiles of the scaled error of backtested daily totals: per origin and day of the
 * horizon, Y = Σ actual and M = Σ mean over the day's open slots, error (Y − M)/√(M + 1).
 */
export function dailyQuantiles(
  scored: ScoredForecast[],
  slotsPerDay: number,
): [number, number, number, number] | undefined {
  const errors: number[] = [];
  for (const { actual, forecast: f, open } of scored) {
    for (let d = 0; d * slotsPerDay < actual.length; d++) {
      let y = 0;
      let m = 0;
      let any = false;
      for (let i = d * slotsPerDay; i < Math.min((d + 1) * slotsPerDay, actual.length); i++) {
        if (!open[i]) continue;
        any = true;
        y += actual[i];
        m += f.mean[i];
      }
      if (any) errors.push(scaledError(y, m));
    }
  }
  return errors.length >= MIN_DAILY_POINTS ? conformal(errors) : undefined;
}

/** Scaled error of one point: (y − mean) / √(mean + 1), the variance-stabilised residual of a count. */
const scaledError = (y: number, m: number): number => (y - m) / Math.sqrt(Math.max(m, 0) + 1);

/**
 * Split-conformal quantiles per lead-time bucket (e.g. one bucket per day ahead): the
 * 2.5 / 10 / 90 / 97.5 % quantiles of the scaled errors (y − mean) / (mean + 1)^power of the
 * open backtest points of that lead time (power: see IntervalCalibration.lead; default 0.5). A bucket with fewer than MIN_CALIBRATION_POINTS points borrows the quantiles of
 * all points; undefined when there are fewer than that overall.
 */
export function leadQuantiles(
  scored: ScoredForecast[],
  bucketSlots: number,
  power?: number,
): IntervalCalibration['lead'] | undefined {
  const buckets: number[][] = [];
  const all: number[] = [];
  for (const { actual, forecast: f, open } of scored) {
    actual.forEach((y, i) => {
      if (!open[i]) return;
      const e = (y - f.mean[i]) / errorScale(f.mean[i], power);
      (buckets[Math.floor(i / bucketSlots)] ??= []).push(e);
      all.push(e);
    });
  }
  if (all.length < MIN_CALIBRATION_POINTS) return undefined;
  // conformal order statistics: tied scores (counts are discrete) stay inside the interval
  const qs = conformal;
  const pooled = qs(all);
  const quantiles = Array.from({ length: buckets.length }, (_, b) =>
    (buckets[b]?.length ?? 0) >= MIN_CALIBRATION_POINTS ? qs(buckets[b]) : pooled,
  );
  return { bucketSlots, quantiles, ...(power === undefined ? {} : { power }) };
}

function scaleFactors(scored: ScoredForecast[]): IntervalCalibration {
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

/**
 * Coverage of calibrated intervals measured honestly: each origin's forecast gets the lead
 * quantiles estimated from the OTHER origins only (leave-one-origin-out), then the share of
 * its open points inside the 80 % and 95 % bounds is pooled. Null with a single origin or
 * too few points.
 */
export function crossValidatedCoverage(
  scored: ScoredForecast[],
  bucketSlots: number,
  power?: number,
): { coverage80: number; coverage95: number } | null {
  if (scored.length < 2) return null;
  let n = 0;
  let in80 = 0;
  let in95 = 0;
  for (let o = 0; o < scored.length; o++) {
    const lead = leadQuantiles(
      scored.filter((_, k) => k !== o),
      bucketSlots,
      power,
    );
    if (!lead) return null;
    const { actual, forecast: f, open } = scored[o];
    actual.forEach((y, i) => {
      if (!open[i]) return;
      const [lo95, lo80, hi80, hi95] = leadInterval(f.mean[i], lead, i).map((v) => Math.max(v, 0));
      n++;
      if (y >= lo80 && y <= hi80) in80++;
      if (y >= lo95 && y <= hi95) in95++;
    });
  }
  return n > 0 ? { coverage80: in80 / n, coverage95: in95 / n } : null;
}
