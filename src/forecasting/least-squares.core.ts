/**
 * Ordinary least squares through the normal equations: the Gram matrix XᵀX and Xᵀy are
 * built once, then any subset of the columns is solved by Cholesky in O(p³) without another
 * pass over the data. That makes a search over nested regressions (harmonic orders) cheap.
 * Pure: arrays in, numbers out.
 */
import { at } from '../common/indexed';

/** XᵀX, Xᵀy and yᵀy of a column-major design, for solving subsets of its columns. */
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

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let t = 0; t < a.length; t++) s += at(a, t) * at(b, t);
  return s;
};

/** The normal equations of y on the columns (each of y's length). */
export function normalEquations(columns: ArrayLike<number>[], y: ArrayLike<number>): NormalEquations {
  const p = columns.length;
  const gram = Array.from({ length: p }, () => new Float64Array(p));
  const xty = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const xi = at(columns, i);
    for (let j = 0; j <= i; j++) {
      const g = dot(xi, at(columns, j));
      at(gram, i)[j] = g;
      at(gram, j)[i] = g;
    }
    xty[i] = dot(xi, y);
  }
  return { gram, xty, yty: dot(y, y), n: y.length };
}

/**
 * Least squares on the columns `subset` (indices into the normal equations' columns), or
 * null when they are collinear (the Cholesky factor loses positive definiteness).
 */
export function solveSubset(eq: NormalEquations, subset: number[]): SubsetFit | null {
  const p = subset.length;
  const l = Array.from({ length: p }, () => new Float64Array(p));
  for (let i = 0; i < p; i++) {
    const li = at(l, i);
    const gi = at(eq.gram, at(subset, i));
    for (let j = 0; j <= i; j++) {
      const lj = at(l, j);
      let s = at(gi, at(subset, j));
      for (let k = 0; k < j; k++) s -= at(li, k) * at(lj, k);
      if (i === j) {
        if (!(s > 1e-10 * Math.max(at(gi, at(subset, i)), 1))) return null;
        li[i] = Math.sqrt(s);
      } else li[j] = s / at(lj, j);
    }
  }
  const b = subset.map((c) => at(eq.xty, c));
  const z: number[] = [];
  for (let i = 0; i < p; i++) {
    let s = at(b, i);
    for (let k = 0; k < i; k++) s -= at(at(l, i), k) * at(z, k);
    z.push(s / at(at(l, i), i));
  }
  const beta = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = at(z, i);
    for (let k = i + 1; k < p; k++) s -= at(at(l, k), i) * at(beta, k);
    beta[i] = s / at(at(l, i), i);
  }
  // RSS = yᵀy − βᵀXᵀy at the least-squares solution
  const rss = Math.max(eq.yty - beta.reduce((s, v, i) => s + v * at(b, i), 0), 0);
  return { coefficients: beta, rss };
}

/** Corrected Akaike information criterion of a Gaussian regression with k coefficients. */
export function aicc(n: number, rss: number, k: number): number {
  if (n - k - 1 <= 0) return Infinity;
  return n * Math.log(Math.max(rss, Number.MIN_VALUE) / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
