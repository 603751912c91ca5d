import { ModelFitError } from './forecast-errors';
import type { ForecastResult, IntervalCalibration, ModelKind } from './forecast.types';

export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

export interface FinalizeOptions {
  /** Opening mask of the forecast horizon. */
  open: boolean[];
  /** max |history|, the scale of the explosion guard. */
  historyMaxAbs: number;
  /** Forecasts beyond explosionRatio × max(|history|, 1) are rejected (default 10). */
  explosionRatio?: number;
  calibration?: IntervalCalibration;
  nonNegative?: boolean;
}

const TOLERANCE = 1e-9;

/** Builds intervals mean ± z·sd from standard deviations per step. */
export function gaussianIntervals(mean: number[], sd: number[]): ForecastResult {
  return {
    mean,
    lo80: mean.map((m, i) => m - Z80 * sd[i]),
    hi80: mean.map((m, i) => m + Z80 * sd[i]),
    lo95: mean.map((m, i) => m - Z95 * sd[i]),
    hi95: mean.map((m, i) => m + Z95 * sd[i]),
  };
}

/** Throws ModelFitError unless every value is finite, not exploding and the intervals are ordered. */
export function assertValidForecast(kind: ModelKind, raw: ForecastResult, h: number, limit: number): void {
  const series = [raw.mean, raw.lo80, raw.hi80, raw.lo95, raw.hi95];
  if (series.some((s) => s.length !== h)) throw new ModelFitError(kind, `expected ${h} forecast values`);
  for (const s of series) {
    for (const v of s) {
      if (!Number.isFinite(v)) throw new ModelFitError(kind, 'non-finite forecast');
      if (Math.abs(v) > limit) throw new ModelFitError(kind, `forecast ${v.toPrecision(4)} exceeds ${limit}`);
    }
  }
  for (let i = 0; i < h; i++) {
    const ordered =
      raw.lo95[i] <= raw.lo80[i] + TOLERANCE &&
      raw.lo80[i] <= raw.mean[i] + TOLERANCE &&
      raw.mean[i] <= raw.hi80[i] + TOLERANCE &&
      raw.hi80[i] <= raw.hi95[i] + TOLERANCE;
    if (!ordered) throw new ModelFitError(kind, `prediction intervals not ordered at step ${i + 1}`);
  }
}

/**
 * Validates a raw model forecast, then: scales half-widths by the calibration factors, keeps
 * lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95, clips at zero, and forces closed intervals to exactly 0.
 */
export function finalizeForecast(
  kind: ModelKind,
  raw: ForecastResult,
  options: FinalizeOptions,
): ForecastResult {
  const h = options.open.length;
  const limit = (options.explosionRatio ?? 10) * Math.max(options.historyMaxAbs, 1);
  assertValidForecast(kind, raw, h, limit);
  const c80 = options.calibration?.c80 ?? 1;
  const c95 = options.calibration?.c95 ?? 1;
  const lead = options.calibration?.lead;
  const floor = options.nonNegative === false ? -Infinity : 0;
  const out: ForecastResult = { mean: [], lo80: [], hi80: [], lo95: [], hi95: [] };
  for (let i = 0; i < h; i++) {
    if (!options.open[i]) {
      for (const s of Object.values(out) as number[][]) s.push(0);
      continue;
    }
    const m = raw.mean[i];
    let lo80: number, hi80: number, lo95: number, hi95: number;
    if (lead && lead.quantiles.length > 0) {
      [lo95, lo80, hi80, hi95] = leadInterval(m, lead, i);
    } else {
      lo80 = m - c80 * Math.max(m - raw.lo80[i], 0);
      hi80 = m + c80 * Math.max(raw.hi80[i] - m, 0);
      lo95 = Math.min(m - c95 * Math.max(m - raw.lo95[i], 0), lo80);
      hi95 = Math.max(m + c95 * Math.max(raw.hi95[i] - m, 0), hi80);
    }
    out.mean.push(Math.max(m, floor));
    out.lo80.push(Math.max(lo80, floor));
    out.hi80.push(Math.max(hi80, floor));
    out.lo95.push(Math.max(lo95, floor));
    out.hi95.push(Math.max(hi95, floor));
  }
  return out;
}

/** Spread of the error at a forecast mean m: (m + 1)^power, power 0.5 (counts) by default. */
export const errorScale = (m: number, power = 0.5): number => Math.pow(Math.max(m, 0) + 1, power);

/** Bounds [lo95, lo80, hi80, hi95] of step i from lead-time quantiles (see IntervalCalibration.lead). */
export function leadInterval(
  m: number,
  lead: NonNullable<IntervalCalibration['lead']>,
  i: number,
): [number, number, number, number] {
  const q = lead.quantiles[Math.min(Math.floor(i / lead.bucketSlots), lead.quantiles.length - 1)];
  const scale = errorScale(m, lead.power);
  const lo95 = Math.min(m + q[0] * scale, m);
  const lo80 = Math.min(Math.max(m + q[1] * scale, lo95), m);
  const hi80 = Math.max(m + q[2] * scale, m);
  return [lo95, lo80, hi80, Math.max(m + q[3] * scale, hi80)];
}

export const maxAbs = (values: number[]): number => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
