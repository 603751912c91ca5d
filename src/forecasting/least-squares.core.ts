/**
 * Ordinary least squares through the normal equations: the Gram matrix XᵀX and Xᵀy are
 * built once, then any subset of the columns is solved by Cholesky in O(p³) without another
 * pass over the data. That makes a search over nested regressions (harmonic orders) cheap.
 * Pure: arrays in, numbers out.
 */
import { at } from '../common/indexed';

/** XᵀX, Xᵀy and yᵀy of a design, for solving subsets of its columns. */
export interface NormalEquations {
  gram: Float64Array[];
  xty: Float64Array;
  yty: number;
  n: number;
}

/** One least-squares solution on a subset of the columns. */
export interface SubsetFit {
  /** Coefficients, one per column of the subset, in the subset's order. */
  coefficients: number[];
  /** Residual sum of squares. */
  rss: number;
}

/**
 * A least-squares fit grown one column at a time: the Cholesky factor gains a row and the
 * residual sum of squares follows in O(p²) per column, so a nested sequence of regressions
 * (one more harmonic each) costs about as much as its largest member.
 */
export interface GrowingFit {
  /** Columns in the fit, in the order added. */
  columns: number[];
  /** Rows of the Cholesky factor L of the columns' Gram matrix. */
  l: Float64Array[];
  /** L⁻¹ Xᵀy: the residual sum of squares is yᵀy − ‖z‖². */
  z: number[];
  rss: number;
}

export const emptyFit = (eq: NormalEquations): GrowingFit => ({ columns: [], l: [], z: [], rss: eq.yty });

/** Adds column c to the fit in place; false (and the fit unchanged) when c is collinear with it. */
export function addColumn(eq: NormalEquations, fit: GrowingFit, c: number): boolean {
  const p = fit.columns.length;
  const gc = at(eq.gram, c);
  const row = new Float64Array(p + 1);
  let norm = 0;
  for (let j = 0; j < p; j++) {
    const lj = at(fit.l, j);
    let s = at(gc, at(fit.columns, j));
    for (let k = 0; k < j; k++) s -= at(lj, k) * at(row, k);
    row[j] = s / at(lj, j);
    norm += at(row, j) ** 2;
  }
  const pivot = at(gc, c) - norm;
  if (!(pivot > 1e-10 * Math.max(at(gc, c), 1))) return false;
  row[p] = Math.sqrt(pivot);
  let s = at(eq.xty, c);
  for (let j = 0; j < p; j++) s -= at(row, j) * at(fit.z, j);
  const zp = s / at(row, p);
  fit.columns.push(c);
  fit.l.push(row);
  fit.z.push(zp);
  fit.rss = Math.max(fit.rss - zp * zp, 0);
  return true;
}

/**
 * Least squares on the columns `subset` (indices into the normal equations' columns), or
 * null when they are collinear: the growing fit over the subset, then Lᵀβ = z.
 */
export function solveSubset(eq: NormalEquations, subset: number[]): SubsetFit | null {
  const fit = emptyFit(eq);
  if (!subset.every((c) => addColumn(eq, fit, c))) return null;
  const p = subset.length;
  const beta = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = at(fit.z, i);
    for (let k = i + 1; k < p; k++) s -= at(at(fit.l, k), i) * at(beta, k);
    beta[i] = s / at(at(fit.l, i), i);
  }
  return { coefficients: beta, rss: fit.rss };
}

/** Corrected Akaike information criterion of a Gaussian regression with k coefficients. */
export function aicc(n: number, rss: number, k: number): number {
  if (n - k - 1 <= 0) return Infinity;
  return n * Math.log(Math.max(rss, Number.MIN_VALUE) / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
