/**
 * Smoothing shared by the decomposition models: the centred moving average of classical
 * decomposition, a least-squares line (Theta's drift, ETS's start), a local level with AR(1) errors (harmonic regression) and simple
 * exponential smoothing, its φ = 0 case (Theta). Pure: arrays in, numbers out.
 */
import { at } from '../../common/indexed';
import { minimize, minimizeFromGrid } from '../optimize.core';

/** Steps after which the sliding window sum is recomputed, bounding its rounding drift. */
const RESUM_EVERY = 1024;

/**
 * Centred moving average of order m (2×m for even m, as R's `ma(x, m)`); NaN where
 * undefined. A sliding sum over the 2⌊m/2⌋ + 1 values around each point: O(n) for any m (a
 * yearly window of hourly data is 8,784 wide).
 */
export function centredMovingAverage(values: readonly number[], m: number): number[] {
  const n = values.length;
  const out = new Array<number>(n).fill(NaN);
  const half = Math.floor(m / 2);
  const windowSum = (t: number): number => {
    let s = 0;
    for (let k = -half; k <= half; k++) s += at(values, t + k);
    return s;
  };
  let sum = 0;
  for (let t = half; t < n - half; t++) {
    sum =
      (t - half) % RESUM_EVERY === 0 ? windowSum(t) : sum - at(values, t - half - 1) + at(values, t + half);
    // even m: the two end values count half
    const ends = m % 2 === 0 ? (at(values, t - half) + at(values, t + half)) / 2 : 0;
    out[t] = (sum - ends) / m;
  }
  return out;
}

/** Least-squares line through (1, y₁) … (k, y_k): intercept at t = 0 and slope (R's `lsfit(1:k, y)`). */
export function leastSquaresLine(y: readonly number[]): { intercept: number; slope: number } {
  const k = y.length;
  const tMean = (k + 1) / 2;
  const yMean = y.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  y.forEach((v, i) => {
    sxy += (i + 1 - tMean) * (v - yMean);
    sxx += (i + 1 - tMean) ** 2;
  });
  const slope = sxy / sxx;
  return { intercept: yMean - slope * tMean, slope };
}

/**
 * A local level with AR(1) errors, in innovations form (TBATS's level with ARMA(1,0) errors,
 * without trend or seasonality): x_t = ℓ_{t−1} + φ u_{t−1} + e_t, ℓ_t = ℓ_{t−1} + α e_t,
 * u_t = φ u_{t−1} + (1 − α) e_t. The AR term takes the short-lived swings, so the level can
 * move slowly (small α) instead of chasing every hour. Differencing shows it is ARIMA(1,1,1)
 * with AR φ and MA θ = −(1 − α(1 − φ)) (R's sign), which the tests pin against R's Arima.
 */
export interface LevelAr1Fit {
  alpha: number;
  phi: number;
  /** Final level ℓ_n and AR state u_n. */
  level: number;
  ar: number;
  sse: number;
  /** One-step residual variance: SSE / (n − 3) (α, φ and the initial level). */
  sigma2: number;
}

/**
 * Given α and φ: the least-squares ℓ_0, then the run from it. The one-step errors are linear
 * in ℓ_0 (e_t = e0_t + c_t ℓ_0, e0 from ℓ_0 = 0, c the response to ℓ_0 = 1), so a first pass
 * gives ℓ_0 = −Σ e0 c / Σ c² and a second one the SSE and final state, without storing errors.
 */
function levelAr1Pass(
  values: number[],
  alpha: number,
  phi: number,
): { l0: number; sse: number; l: number; u: number } {
  let l = 0;
  let u = 0;
  let cl = 1;
  let cu = 0;
  let sxy = 0;
  let sxx = 0;
  for (const v of values) {
    const e = v - l - phi * u;
    const ce = -cl - phi * cu;
    sxy += e * ce;
    sxx += ce * ce;
    l += alpha * e;
    u = phi * u + (1 - alpha) * e;
    cl += alpha * ce;
    cu = phi * cu + (1 - alpha) * ce;
  }
  const l0 = sxx > 0 ? -sxy / sxx : 0;
  l = l0;
  u = 0;
  let sse = 0;
  for (const v of values) {
    const e = v - l - phi * u;
    sse += e * e;
    l += alpha * e;
    u = phi * u + (1 - alpha) * e;
  }
  return { l0, sse, l, u };
}

/**
 * Simple exponential smoothing: the level model without its AR term (φ = 0), α on
 * [1e-4, 0.9999] by Brent and the least-squares initial level for that α.
 */
export function fitSes(values: number[]): { alpha: number; l0: number; level: number; sse: number } {
  const alpha = minimize((a) => levelAr1Pass(values, a, 0).sse, 1e-4, 0.9999).x;
  const { l0, l, sse } = levelAr1Pass(values, alpha, 0);
  return { alpha, l0, level: l, sse };
}

const ALPHA_GRID = [1e-4, 0.01, 0.05, 0.1, 0.2, 0.4, 0.7, 0.9999];
const PHI_GRID = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.98];

/**
 * Fits α on [1e-4, 0.9999] and φ on [0, 0.98] by least squares, ℓ_0 in closed form. The
 * SSE has separate minima (a slow level with persistent AR swings, or a level that follows
 * every value), so each parameter is searched on a grid first, then refined by Brent.
 */
export function fitLevelAr1(values: number[]): LevelAr1Fit {
  const bestAlpha = (phi: number): { x: number; value: number } =>
    minimizeFromGrid((a) => levelAr1Pass(values, a, phi).sse, ALPHA_GRID);
  const phi = minimizeFromGrid((p) => bestAlpha(p).value, PHI_GRID).x;
  return levelAr1At(values, bestAlpha(phi).x, phi);
}

/** The level model with given α and φ run over the values (ℓ_0 by least squares). */
export function levelAr1At(values: number[], alpha: number, phi: number): LevelAr1Fit {
  const pass = levelAr1Pass(values, alpha, phi);
  return {
    alpha,
    phi,
    level: pass.l,
    ar: pass.u,
    sse: pass.sse,
    sigma2: pass.sse / Math.max(values.length - 3, 1),
  };
}

/**
 * Forecast k = 1…h steps ahead: ℓ_n + φ^k u_n, with variance σ² Σ_{i<k} (α + (1 − α) φ^i)²
 * (an innovation e_{n+j} moves the level by α and the AR state by (1 − α), which decays by φ).
 */
export function levelAr1Forecast(fit: LevelAr1Fit, h: number): { mean: number[]; sd: number[] } {
  const mean: number[] = [];
  const sd: number[] = [];
  let decay = 1;
  let variance = 0;
  for (let k = 1; k <= h; k++) {
    variance += fit.sigma2 * (fit.alpha + (1 - fit.alpha) * decay) ** 2;
    decay *= fit.phi;
    mean.push(fit.level + decay * fit.ar);
    sd.push(Math.sqrt(variance));
  }
  return { mean, sd };
}
