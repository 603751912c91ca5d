/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000) in the SES-with-drift form
 * of Hyndman & Billah (2003), as R's `forecast::thetaf`: a seasonality test at the seasonal
 * lag, classical multiplicative decomposition when seasonal, simple exponential smoothing with
 * α and the initial level fitted by least squares, plus half the slope of a linear trend as
 * drift. Pure: arrays in, arrays out.
 */
import { at } from '../../common/indexed';
import { badInput } from '../../errors';
import { centredMovingAverage, fitSes, leastSquaresLine } from './smoothing.core';

export interface ThetaFit {
  alpha: number;
  level: number;
  /** Half the least-squares slope of the deseasonalised series. */
  drift: number;
  /** One-step residual variance (SSE / (n − 3), as R's ets). */
  sigma2: number;
  /** Seasonal period used, or 1 when the series was not found seasonal. */
  period: number;
  decomposition: 'multiplicative' | 'additive' | 'none';
  /** Seasonal indices, one per position in the period, for the forecast (index 0 = first future step). */
  seasonalAhead: number[];
  n: number;
}

export interface ThetaForecast {
  mean: number[];
  /** Standard deviation of each step (before reseasonalising). */
  sd: number[];
}

/** Sample autocorrelations r_1 … r_maxLag. */
export function acf(values: number[], maxLag: number): number[] {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const d = values.map((v) => v - mean);
  const c0 = d.reduce((s, v) => s + v * v, 0);
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += at(d, t) * at(d, t - k);
    out.push(c0 === 0 ? 0 : c / c0);
  }
  return out;
}

/** R thetaf's test: |r_m| / sqrt((1 + 2 Σ_{k<m} r_k²) / n) > 1.645 (one-sided 95 %). */
export function isSeasonal(values: number[], m: number): boolean {
  if (m < 2 || values.length < 2 * m) return false;
  const r = acf(values, m);
  const stat = Math.sqrt((1 + 2 * r.slice(0, m - 1).reduce((s, v) => s + v * v, 0)) / values.length);
  return Math.abs(at(r, m - 1)) / stat > 1.6448536269514722;
}

/** Classical decomposition's seasonal indices (R `decompose`), one per position in the period. */
export function seasonalIndices(values: number[], m: number, multiplicative: boolean): number[] {
  const trend = centredMovingAverage(values, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  values.forEach((v, t) => {
    const level = at(trend, t);
    if (Number.isNaN(level)) return;
    const i = t % m;
    sums[i] = at(sums, i) + (multiplicative ? v / level : v - level);
    counts[i] = at(counts, i) + 1;
  });
  const raw = sums.map((s, i) => s / at(counts, i));
  const mean = raw.reduce((s, v) => s + v, 0) / m;
  return raw.map((v) => (multiplicative ? v / mean : v - mean));
}

/** Fits Theta on values with seasonal period m (1 = none). */
export function fitTheta(values: number[], m: number): ThetaFit {
  const n = values.length;
  if (n < 4) throw badInput(`theta needs at least 4 values, got ${n}`);
  const seasonal = m >= 2 && isSeasonal(values, m);
  const multiplicative = seasonal && values.every((v) => v > 0);
  const indices = seasonal ? seasonalIndices(values, m, multiplicative) : [];
  const adjusted = seasonal
    ? values.map((v, t) => (multiplicative ? v / at(indices, t % m) : v - at(indices, t % m)))
    : values.slice();
  const ses = fitSes(adjusted);
  return {
    alpha: ses.alpha,
    level: ses.level,
    drift: leastSquaresLine(adjusted).slope / 2,
    sigma2: ses.sse / Math.max(n - 3, 1),
    period: seasonal ? m : 1,
    decomposition: seasonal ? (multiplicative ? 'multiplicative' : 'additive') : 'none',
    seasonalAhead: seasonal ? Array.from({ length: m }, (_, k) => at(indices, (n + k) % m)) : [],
    n,
  };
}

/**
 * Theta forecast h steps ahead: level + drift · (k + (1 − (1 − α)^n) / α) for k = 0…h−1,
 * sd = σ √(1 + k α²), then reseasonalised (mean and sd multiplied by, or the mean shifted by,
 * the seasonal index).
 */
export function thetaForecast(fit: ThetaFit, h: number): ThetaForecast {
  const a = Math.max(fit.alpha, 1e-10);
  const offset = (1 - Math.pow(1 - a, fit.n)) / a;
  const sigma = Math.sqrt(fit.sigma2);
  const mean: number[] = [];
  const sd: number[] = [];
  for (let k = 0; k < h; k++) {
    let m = fit.level + fit.drift * (k + offset);
    let s = sigma * Math.sqrt(1 + k * a * a);
    if (fit.decomposition === 'multiplicative') {
      const idx = at(fit.seasonalAhead, k % fit.period);
      m *= idx;
      s *= idx;
    } else if (fit.decomposition === 'additive') {
      m += at(fit.seasonalAhead, k % fit.period);
    }
    mean.push(m);
    sd.push(s);
  }
  return { mean, sd };
}
