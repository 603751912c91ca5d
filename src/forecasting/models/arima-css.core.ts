/**
 * Seasonal ARIMA fitted by conditional sum of squares, as R's `arima(method = "CSS")`: the
 * series less its regression (drift or mean) is differenced, the first p + P·s differenced
 * values condition the recursion, and the AR/MA coefficients and the regression coefficient
 * minimise ½·log(mean squared residual) by R's BFGS. R's `auto.arima` ranks orders with these
 * fits on long series (its `approximation`), then fits the chosen one exactly. Pure.
 */
import { at } from '../../common/indexed';
import { sum } from '../../common/sum';
import { bfgs, inverseDiagonal, numericalHessian } from '../bfgs.core';
import { differences } from './arima-differences.core';

/** A seasonal ARIMA's orders (p, d, q)(P, D, Q) and its seasonal period s. */
export interface ArimaOrders {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  s: number;
}

/** What the regression holds: a drift on the time index 1…n, the mean, or nothing. */
export type CssRegression = 'drift' | 'mean' | 'none';

export interface CssFit {
  /** ar1…, ma1…, sar1…, sma1… (R's convention), then the regression coefficient if any. */
  coef: number[];
  /** Mean squared residual over the residuals after the conditioning values. */
  sigma2: number;
  /**
   * Standard errors from the numerical Hessian, as R's `arima` (solve(H · n.used)): NaN where
   * a variance came out negative, null when the Hessian is singular or not finite. R's
   * `auto.arima` refuses both.
   */
  standardErrors: number[] | null;
}

/**
 * The AR and MA polynomials multiplied out in B (R's `ARIMA_transPars`): φ of length p + P·s
 * with x[t] = Σ φⱼ x[t−j] + …, θ of length q + Q·s with … + Σ θⱼ e[t−j].
 */
export function expandPolynomials(
  coef: readonly number[],
  o: ArimaOrders,
): { phi: number[]; theta: number[] } {
  const ar = coef.slice(0, o.p);
  const ma = coef.slice(o.p, o.p + o.q);
  const sar = coef.slice(o.p + o.q, o.p + o.q + o.P);
  const sma = coef.slice(o.p + o.q + o.P, o.p + o.q + o.P + o.Q);
  const phi = Array.from({ length: o.p + o.s * o.P }, (_, i) => (i < o.p ? at(ar, i) : 0));
  const theta = Array.from({ length: o.q + o.s * o.Q }, (_, i) => (i < o.q ? at(ma, i) : 0));
  sar.forEach((c, j) => {
    phi[(j + 1) * o.s - 1] = at(phi, (j + 1) * o.s - 1) + c;
    ar.forEach((a, i) => (phi[(j + 1) * o.s + i] = at(phi, (j + 1) * o.s + i) - a * c));
  });
  sma.forEach((c, j) => {
    theta[(j + 1) * o.s - 1] = at(theta, (j + 1) * o.s - 1) + c;
    ma.forEach((m, i) => (theta[(j + 1) * o.s + i] = at(theta, (j + 1) * o.s + i) + m * c));
  });
  return { phi, theta };
}

/** Values R conditions on: the differences and the AR lags (`n.cond`). */
export const conditioningLength = (o: ArimaOrders): number => o.d + o.D * o.s + o.p + o.P * o.s;

/** The series differenced d times and D times at lag s, aligned with it: NaN where undefined. */
const differenced = (x: readonly number[], o: ArimaOrders): number[] => [
  ...Array.from({ length: Math.min(x.length, o.d + o.D * o.s) }, () => NaN),
  ...differences(x, o.d, o.D, o.s),
];

/**
 * R's `ARIMA_CSS` on an already differenced series `w`: the mean squared one-step residual
 * after the first `ncond` values. The hot loop of a CSS fit (hundreds of calls per fit): typed
 * arrays, reads that are in range by the loop bounds (`?? NaN` only satisfies the checker).
 */
function cssOfDifferenced(
  w: Float64Array,
  ncond: number,
  phi: readonly number[],
  theta: readonly number[],
  resid: Float64Array,
): number {
  const n = w.length;
  const p = phi.length;
  const q = theta.length;
  const ph = Float64Array.from(phi);
  const th = Float64Array.from(theta);
  let ssq = 0;
  for (let l = ncond; l < n; l++) {
    let e = w[l] ?? NaN;
    for (let j = 0; j < p; j++) e -= (ph[j] ?? NaN) * (w[l - j - 1] ?? NaN);
    const back = Math.min(l - ncond, q);
    for (let j = 0; j < back; j++) e -= (th[j] ?? NaN) * (resid[l - j - 1] ?? NaN);
    resid[l] = e;
    ssq += e * e;
  }
  return n > ncond ? ssq / (n - ncond) : NaN;
}

/** R's `ARIMA_CSS`: the mean squared one-step residual of the differenced series after `ncond` values. */
export const cssVariance = (
  x: readonly number[],
  o: ArimaOrders,
  phi: readonly number[],
  theta: readonly number[],
): number =>
  cssOfDifferenced(
    Float64Array.from(differenced(x, o)),
    conditioningLength(o),
    phi,
    theta,
    new Float64Array(x.length),
  );

/** The regressor column, and its least-squares coefficient and standard error on the differenced data. */
function regressionStart(
  x: readonly number[],
  o: ArimaOrders,
  regression: CssRegression,
): { column: number[]; coef: number; se: number } | null {
  if (regression === 'none') return null;
  const column = x.map((_, t) => (regression === 'drift' ? t + 1 : 1));
  const dx = differences(x, o.d, o.D, o.s);
  const dz = differences(column, o.d, o.D, o.s);
  const zz = sum(dz, (z) => z * z);
  const coef = sum(dz.map((z, i) => z * at(dx, i))) / zz;
  const rss = sum(dx.map((v, i) => (v - coef * at(dz, i)) ** 2));
  return { column, coef, se: Math.sqrt(rss / (dx.length - 1) / zz) };
}

/** Fits the orders by CSS; null when the optimisation cannot start or ends on a non-finite value. */
export function fitCss(
  x: readonly number[],
  o: ArimaOrders,
  regression: CssRegression = 'none',
): CssFit | null {
  const narma = o.p + o.q + o.P + o.Q;
  const reg = regressionStart(x, o, regression);
  // differencing is linear: the differenced series less β times the differenced regressor
  const w = Float64Array.from(differenced(x, o));
  const wz = reg ? Float64Array.from(differenced(reg.column, o)) : null;
  const y = new Float64Array(w.length);
  const resid = new Float64Array(w.length);
  const ncond = conditioningLength(o);
  const objective = (par: number[]): number => {
    const { phi, theta } = expandPolynomials(par, o);
    if (!wz) return 0.5 * Math.log(cssOfDifferenced(w, ncond, phi, theta, resid));
    const beta = at(par, narma);
    for (let t = 0; t < w.length; t++) y[t] = at(w, t) - beta * at(wz, t);
    return 0.5 * Math.log(cssOfDifferenced(y, ncond, phi, theta, resid));
  };
  const init = [...Array.from({ length: narma }, () => 0), ...(reg ? [reg.coef] : [])];
  if (init.length === 0) return { coef: [], sigma2: Math.exp(2 * objective([])), standardErrors: [] };
  const parscale = [...Array.from({ length: narma }, () => 1), ...(reg ? [10 * reg.se || 1] : [])];
  const result = bfgs(objective, init, { parscale });
  if (!result || !Number.isFinite(result.value)) return null;
  const nUsed = w.length - o.d - o.D * o.s;
  const hessian = numericalHessian(objective, result.par, { parscale });
  const variances = hessian ? inverseDiagonal(hessian.map((row) => row.map((v) => v * nUsed))) : null;
  return {
    coef: result.par,
    sigma2: Math.exp(2 * objective(result.par)),
    standardErrors: variances ? variances.map(Math.sqrt) : null,
  };
}
