/**
 * Where R's `ets` starts its search and which parameters it accepts: the initial states from
 * a classical decomposition of the series (a Fourier regression below three cycles) and a
 * line through its first values
 * (`initstate`), the first smoothing parameters (`initparam`), and the "both" bounds: the
 * usual 0 < β ≤ α, 0 < γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98 and the admissible region of the model's
 * characteristic equation (Hyndman et al. 2008, ch. 10). Pure.
 */
import { solveSubset } from '../least-squares.core';
import { leastSquaresLine } from './smoothing.core';
import { seasonalIndices } from './theta.core';
import type { EtsParams, EtsSpec } from './ets-recursion.core';

/** R's `ets` defaults for α, β, γ and φ. */
export const LOWER = { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 };
export const UPPER = { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 };

/** Initial level, growth and the m − 1 free seasonal terms (most recent first, as R's s0…s(m−2)). */
export interface StartStates {
  level: number;
  growth: number;
  season: number[];
}

/**
 * Below three cycles R detrends by a regression on a line and one Fourier pair
 * (`tslm(y ~ trend + fourier(y, 1))`): its "seasonal" series is y less (or over) the line.
 */
function fourierDetrended(y: number[], m: number, multiplicative: boolean): number[] {
  // sin(2πt/m) vanishes for m = 2, and R's fourier() drops it
  const columns = (t: number): number[] => [
    1,
    t,
    ...(m > 2 ? [Math.sin((2 * Math.PI * t) / m)] : []),
    Math.cos((2 * Math.PI * t) / m),
  ];
  const p = columns(1).length;
  const gram = Array.from({ length: p }, () => new Float64Array(p));
  const xty = new Float64Array(p);
  let yty = 0;
  y.forEach((v, i) => {
    const x = columns(i + 1);
    x.forEach((a, j) => {
      xty[j] = (xty[j] ?? 0) + a * v;
      const row = gram[j] ?? new Float64Array(p);
      x.forEach((b, k) => (row[k] = (row[k] ?? 0) + a * b));
    });
    yty += v * v;
  });
  const fit = solveSubset(
    { gram, xty, yty, n: y.length },
    Array.from({ length: p }, (_, j) => j),
  );
  const [intercept = 0, slope = 0] = fit?.coefficients ?? [];
  return y.map((v, i) => {
    const line = intercept + slope * (i + 1);
    return multiplicative ? v / line : v - line;
  });
}

/** The free seasonal terms (multiplicative ones kept positive, as R) and y seasonally adjusted. */
function finishStart(
  free: number[],
  seasonalAt: (t: number) => number,
  y: number[],
  m: number,
  multiplicative: boolean,
): { season: number[]; adjusted: number[] } {
  if (!multiplicative) return { season: free, adjusted: y.map((v, t) => v - seasonalAt(t)) };
  let season = free.map((s) => Math.max(s, 1e-2));
  const total = season.reduce((a, b) => a + b, 0);
  if (total > m) season = season.map((s) => s / (total + 1e-2 * season.length));
  return { season, adjusted: y.map((v, t) => v / Math.max(seasonalAt(t), 1e-2)) };
}

/**
 * The first seasonal terms (most recent first) and the seasonally adjusted series: a
 * classical decomposition, or the Fourier regression below three cycles.
 */
function seasonalStart(
  y: number[],
  m: number,
  multiplicative: boolean,
): { season: number[]; adjusted: number[] } {
  if (y.length < 3 * m) {
    const seasonal = fourierDetrended(y, m, multiplicative);
    return finishStart(seasonal.slice(1, m).reverse(), (t) => seasonal[t] ?? 0, y, m, multiplicative);
  }
  const indices = seasonalIndices(y, m, multiplicative);
  return finishStart(indices.slice(1).reverse(), (t) => indices[t % m] ?? 0, y, m, multiplicative);
}

/** R's `initstate`. */
export function startStates(y: number[], spec: EtsSpec, m: number): StartStates {
  const seasonal = spec.season !== 'N';
  const { season, adjusted } = seasonal
    ? seasonalStart(y, m, spec.season === 'M')
    : { season: [], adjusted: y };
  const first = adjusted.slice(0, Math.min(Math.max(10, seasonal ? 2 * m : 2), adjusted.length));
  if (spec.trend === 'N')
    return { level: first.reduce((a, b) => a + b, 0) / first.length, growth: 0, season };
  const { intercept, slope } = leastSquaresLine(first);
  const tiny = Math.abs(intercept + slope) < 1e-8;
  return {
    level: tiny ? intercept * (1 + 1e-3) : intercept,
    growth: tiny ? slope * (1 - 1e-3) : slope,
    season,
  };
}

/** R's `initparam`: α a fifth of its range over m, β a tenth of its, γ a twentieth, φ near its top. */
export function startParams(spec: EtsSpec, m: number): EtsParams {
  const seasonal = spec.season !== 'N';
  const period = seasonal ? m : 1;
  let alpha = LOWER.alpha + (0.2 * (UPPER.alpha - LOWER.alpha)) / period;
  if (alpha > 1 || alpha < 0) alpha = LOWER.alpha + 2e-3;
  let beta = 0;
  if (spec.trend !== 'N') {
    const top = Math.min(UPPER.beta, alpha);
    beta = LOWER.beta + 0.1 * (top - LOWER.beta);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
  }
  let gamma = 0;
  if (seasonal) {
    const top = Math.min(UPPER.gamma, 1 - alpha);
    gamma = LOWER.gamma + 0.05 * (top - LOWER.gamma);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
  }
  const phi = spec.trend === 'Ad' ? LOWER.phi + 0.99 * (UPPER.phi - LOWER.phi) : 1;
  return { alpha, beta, gamma, phi };
}

/** The usual bounds (R's `check.param` with bounds "usual"). */
export function withinUsual(spec: EtsSpec, p: EtsParams): boolean {
  if (p.alpha < LOWER.alpha || p.alpha > UPPER.alpha) return false;
  if (spec.trend !== 'N' && (p.beta < LOWER.beta || p.beta > p.alpha || p.beta > UPPER.beta)) return false;
  if (spec.trend === 'Ad' && (p.phi < LOWER.phi || p.phi > UPPER.phi)) return false;
  const gammaTop = Math.min(1 - p.alpha, UPPER.gamma);
  return spec.season === 'N' || (p.gamma >= LOWER.gamma && p.gamma <= gammaTop);
}

/** Scratch for the Schur–Cohn reduction (reused: it runs at every likelihood evaluation). */
let scratchA = new Float64Array(32);
let scratchB = new Float64Array(32);
const ROOT_MARGIN = 1 + 1e-6;

/**
 * True when every root of a₀ + a₁z + … + a_k z^k (the first `length` entries of `a`, which
 * it overwrites) lies within |z| ≤ 1 + 1e−6. Schur–Cohn reduction, each stage scaled to a
 * monic polynomial: O(k²) and allocation-free.
 */
function schurStable(a: Float64Array, b: Float64Array, length: number): boolean {
  let scale = 1;
  for (let i = 0; i < length; i++) {
    a[i] = (a[i] ?? 0) * scale;
    scale *= ROOT_MARGIN;
  }
  let cur = a;
  let next = b;
  for (let k = length - 1; k > 0; k--) {
    const lead = cur[k] ?? 0;
    const tail = cur[0] ?? 0;
    if (Math.abs(tail) >= Math.abs(lead)) return false;
    for (let j = 0; j < k; j++) next[j] = lead * (cur[j + 1] ?? 0) - tail * (cur[k - 1 - j] ?? 0);
    const top = next[k - 1] ?? 1;
    for (let j = 0; j < k; j++) next[j] = (next[j] ?? 0) / top;
    [cur, next] = [next, cur];
  }
  return true;
}

function scratchFor(length: number): [Float64Array, Float64Array] {
  if (scratchA.length < length) {
    scratchA = new Float64Array(length);
    scratchB = new Float64Array(length);
  }
  return [scratchA, scratchB];
}

/**
 * True when every root of c₀ + c₁z + … + c_k z^k lies within |z| ≤ 1 + 1e−6 (R allows 1 + 1e−10
 * on `polyroot`'s moduli; a looser margin keeps the test exact in floating point, since models
 * without a trend have a root at exactly 1).
 */
export function rootsInsideUnitCircle(coeffs: number[]): boolean {
  const [a, b] = scratchFor(coeffs.length);
  a.set(coeffs);
  return schurStable(a, b, coeffs.length);
}

/** The admissible region (R's `admissible`): the discount matrix's eigenvalues inside the unit circle. */
export function admissible(spec: EtsSpec, p: EtsParams, m: number): boolean {
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const { alpha, gamma } = p;
  const beta = spec.trend === 'N' ? 0 : p.beta;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (spec.season === 'N') {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    return spec.trend === 'N' || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
  }
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // the characteristic polynomial of the discount matrix, lowest power first
  const middle = alpha + beta - alpha * phi;
  const [a, b] = scratchFor(m + 2);
  a[0] = phi * (1 - alpha - gamma);
  a[1] = middle + gamma - 1;
  for (let i = 2; i < m; i++) a[i] = middle;
  a[m] = alpha + beta - phi;
  a[m + 1] = 1;
  return schurStable(a, b, m + 2);
}
