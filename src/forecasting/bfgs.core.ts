/**
 * Unconstrained minimisation as R's `optim(method = "BFGS")`: Nash's variable-metric method
 * (R's `vmmin`) with central-difference gradients on scaled parameters (`parscale`, `ndeps`
 * 1e-3), stopping when a step no longer lowers the value by more than `reltol`. Pure.
 */
import { at } from '../common/indexed';

export interface BfgsOptions {
  /** Parameters are optimised as par / parscale (default 1 each). */
  parscale?: number[];
  maxit?: number;
  reltol?: number;
  ndeps?: number;
}

export interface BfgsResult {
  par: number[];
  value: number;
  /** 0: converged; 1: the iteration limit was reached. */
  convergence: 0 | 1;
}

const STEP_REDUCTION = 0.2;
const ACCEPT_TOLERANCE = 1e-4;
const REL_TEST = 10;

/** Central differences on the scaled parameters; null when a value is not finite. */
function gradient(f: (scaled: number[]) => number, p: number[], eps: number): number[] | null {
  const g: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const up = [...p];
    const down = [...p];
    up[i] = at(p, i) + eps;
    down[i] = at(p, i) - eps;
    const d = (f(up) - f(down)) / (2 * eps);
    if (!Number.isFinite(d)) return null;
    g.push(d);
  }
  return g;
}

const identity = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** The BFGS update of the inverse Hessian B after step t with gradient change c (t·c > 0). */
function update(B: number[][], t: number[], c: number[]): void {
  const n = t.length;
  const d1 = t.reduce((s, v, i) => s + v * at(c, i), 0);
  const x = B.map((row) => row.reduce((s, v, j) => s + v * at(c, j), 0));
  const d2 = 1 + x.reduce((s, v, i) => s + v * at(c, i), 0) / d1;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const row = at(B, i);
      row[j] = at(row, j) + (d2 * at(t, i) * at(t, j) - at(x, i) * at(t, j) - at(t, i) * at(x, j)) / d1;
    }
}

/**
 * vmmin's backtracking along t from x: the first step (1, 0.2, 0.04, …) that lowers the value
 * enough, or the point where the step no longer moves any parameter (`moved` false).
 */
function lineSearch(
  f: (p: number[]) => number,
  x: number[],
  t: number[],
  fmin: number,
  gradproj: number,
): { b: number[]; value: number; step: number; moved: boolean } {
  let step = 1;
  for (;;) {
    const b = x.map((v, i) => v + step * at(t, i));
    if (b.every((v, i) => REL_TEST + at(x, i) === REL_TEST + v))
      return { b, value: fmin, step, moved: false };
    const value = f(b);
    if (Number.isFinite(value) && value <= fmin + gradproj * step * ACCEPT_TOLERANCE)
      return { b, value, step, moved: true };
    step *= STEP_REDUCTION;
  }
}

/** The search direction −B·g and its slope g·t (negative when it descends). */
function direction(B: number[][], g: number[]): { t: number[]; gradproj: number } {
  const t = B.map((row) => -row.reduce((s, v, j) => s + v * at(g, j), 0));
  return { t, gradproj: t.reduce((s, v, i) => s + v * at(g, i), 0) };
}

/**
 * Minimises fn from `init`; null when the value or a gradient is not finite at the start
 * (R's optim stops there with an error).
 */
export function bfgs(
  fn: (par: number[]) => number,
  init: number[],
  options: BfgsOptions = {},
): BfgsResult | null {
  const n = init.length;
  const scale = options.parscale ?? init.map(() => 1);
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const eps = options.ndeps ?? 1e-3;
  const f = (p: number[]): number => fn(p.map((v, i) => v * at(scale, i)));
  const result = (p: number[], value: number, convergence: 0 | 1): BfgsResult => ({
    par: p.map((v, i) => v * at(scale, i)),
    value,
    convergence,
  });
  let b = init.map((v, i) => v / at(scale, i));
  let fmin = f(b);
  let g = Number.isFinite(fmin) ? gradient(f, b, eps) : null;
  if (!g) return null;
  let B = identity(n);
  let [iter, gradcount, ilast] = [1, 1, 1];
  let progress: boolean;
  do {
    if (ilast === gradcount) B = identity(n);
    const c = g;
    const { t, gradproj } = direction(B, c);
    const search = gradproj < 0 ? lineSearch(f, b, t, fmin, gradproj) : null;
    progress =
      search !== null && search.moved && Math.abs(search.value - fmin) > reltol * (Math.abs(fmin) + reltol);
    if (search?.moved) [b, fmin] = [search.b, search.value];
    if (search && progress) {
      const next = gradient(f, b, eps);
      if (!next) return null;
      [g, gradcount, iter] = [next, gradcount + 1, iter + 1];
      const stepTaken = t.map((v) => search.step * v);
      const change = g.map((v, i) => v - at(c, i));
      if (stepTaken.reduce((s, v, i) => s + v * at(change, i), 0) > 0) update(B, stepTaken, change);
      else ilast = gradcount;
    } else if (ilast < gradcount) {
      // no progress: start again from the steepest descent once
      [progress, ilast] = [true, gradcount];
    }
    if (iter >= (options.maxit ?? 100)) return result(b, fmin, 1);
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (progress || ilast !== gradcount);
  return result(b, fmin, 0);
}

/**
 * The Hessian at `par` as R's `optimhess` (with `optim(hessian = TRUE)`): central differences
 * of the central-difference gradient, on the scaled parameters, made symmetric. Null when a
 * value is not finite.
 */
export function numericalHessian(
  fn: (par: number[]) => number,
  par: number[],
  options: Pick<BfgsOptions, 'parscale' | 'ndeps'> = {},
): number[][] | null {
  const scale = options.parscale ?? par.map(() => 1);
  const eps = options.ndeps ?? 1e-3;
  const f = (p: number[]): number => fn(p.map((v, i) => v * at(scale, i)));
  const b = par.map((v, i) => v / at(scale, i));
  const rows: number[][] = [];
  for (let i = 0; i < b.length; i++) {
    const up = [...b];
    const down = [...b];
    // R steps ndeps / parscale in the scaled parameter
    const step = eps / at(scale, i);
    up[i] = at(b, i) + step;
    down[i] = at(b, i) - step;
    const gUp = gradient(f, up, eps);
    const gDown = gradient(f, down, eps);
    if (!gUp || !gDown) return null;
    rows.push(gUp.map((g, j) => (g - at(gDown, j)) / (2 * step * at(scale, i) * at(scale, j))));
  }
  return rows.map((row, i) => row.map((v, j) => (v + at(at(rows, j), i)) / 2));
}

/** The diagonal of A⁻¹ by Gauss–Jordan elimination with partial pivoting; null when A is singular. */
export function inverseDiagonal(a: readonly (readonly number[])[]): number[] | null {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(at(at(m, r), col)) > Math.abs(at(at(m, pivot), col))) pivot = r;
    const top = at(m, pivot);
    const p = at(top, col);
    if (!(Math.abs(p) > 1e-300)) return null;
    [m[col], m[pivot]] = [top, at(m, col)];
    const row = top.map((v) => v / p);
    m[col] = row;
    m.forEach((other, r) => {
      if (r === col) return;
      const factor = at(other, col);
      if (factor !== 0) m[r] = other.map((v, j) => v - factor * at(row, j));
    });
  }
  return m.map((row, i) => at(row, n + i));
}
