/**
 * Nelder–Mead simplex minimisation as R's `optim(method = "Nelder-Mead")` (Nash 1990,
 * "Compact Numerical Methods", Algorithm 19): reflection 1, contraction 0.5, expansion 2,
 * a first simplex stepped by a tenth of the largest |parameter|, and a stop when the simplex's
 * values lie within `reltol` of each other or after `maxit` evaluations. R's `ets` fits with
 * it, so following the same steps finds the same optima. Pure.
 */
import { at } from '../common/indexed';

export interface NelderMeadOptions {
  /** Relative tolerance on the spread of the simplex's values (R: sqrt(machine eps)). */
  reltol?: number;
  /** Most evaluations (R's `maxit`; `ets` uses 2,000). */
  maxit?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  /** False when `maxit` ran out or the simplex stopped shrinking. */
  converged: boolean;
}

/** What a non-finite value counts as (R: 1e35). */
const BIG = 1e35;

interface Simplex {
  points: number[][];
  values: number[];
  best: number;
}

/**
 * The first simplex: the start and one point per coordinate, stepped until it differs; and
 * its size as R counts it (the sum of the last tried steps).
 */
function firstSimplex(start: number[]): { points: number[][]; size: number } {
  const first = Math.max(...start.map((v) => 0.1 * Math.abs(v)), 0) || 0.1;
  const points = [start.slice()];
  let size = 0;
  start.forEach((v, i) => {
    const p = start.slice();
    let tryStep = first;
    while (at(p, i) === v) {
      p[i] = v + tryStep;
      tryStep *= 10;
    }
    size += tryStep;
    points.push(p);
  });
  return { points, size };
}

/** Index of the best and the worst vertex (ties keep the earlier best). */
function extremes(s: Simplex): { low: number; high: number } {
  let low = s.best;
  let high = s.best;
  s.values.forEach((v, j) => {
    if (j === s.best) return;
    if (v < at(s.values, low)) low = j;
    if (v > at(s.values, high)) high = j;
  });
  return { low, high };
}

const centroidWithout = (points: number[][], skip: number): number[] => {
  const n = at(points, 0).length;
  const c = new Array<number>(n).fill(0);
  points.forEach((p, j) => {
    if (j !== skip) for (let i = 0; i < n; i++) c[i] = at(c, i) + at(p, i);
  });
  return c.map((v) => v / n);
};

const mix = (a: number[], wa: number, b: number[], wb: number): number[] =>
  a.map((v, i) => wa * v + wb * at(b, i));

/** Shrinks every vertex halfway to the best one; returns the simplex's new size. */
function shrink(s: Simplex, f: (x: number[]) => number): number {
  const best = at(s.points, s.best);
  let size = 0;
  s.points = s.points.map((p, j) => {
    if (j === s.best) return p;
    const q = mix(p, 0.5, best, 0.5);
    q.forEach((v, i) => (size += Math.abs(v - at(best, i))));
    return q;
  });
  s.values = s.values.map((v, j) => (j === s.best ? v : f(at(s.points, j))));
  return size;
}

/**
 * One step: reflect the worst vertex through the centroid of the others; expand when that
 * beats the best, otherwise contract (from the reflection when it beat the worst) and, when
 * neither helped, shrink towards the best. False when a shrink failed to reduce the simplex.
 */
function step(s: Simplex, f: (x: number[]) => number, high: number, state: { size: number }): boolean {
  const centre = centroidWithout(s.points, high);
  const reflected = mix(centre, 2, at(s.points, high), -1);
  const fr = f(reflected);
  if (fr < at(s.values, s.best)) {
    const expanded = mix(reflected, 2, centre, -1);
    const fe = f(expanded);
    [s.points[high], s.values[high]] = fe < fr ? [expanded, fe] : [reflected, fr];
    return true;
  }
  const reflectionHelped = fr < at(s.values, high);
  if (reflectionHelped) [s.points[high], s.values[high]] = [reflected, fr];
  const contracted = mix(at(s.points, high), 0.5, centre, 0.5);
  const fc = f(contracted);
  if (fc < at(s.values, high)) {
    [s.points[high], s.values[high]] = [contracted, fc];
    return true;
  }
  if (reflectionHelped) return true;
  const size = shrink(s, f);
  if (size >= state.size) return false;
  state.size = size;
  return true;
}

/** Minimises f from `start`; non-finite values count as 1e35, so f may refuse a region with Infinity. */
export function nelderMead(
  objective: (x: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const maxit = options.maxit ?? 500;
  let evaluations = 0;
  const f = (x: number[]): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : BIG;
  };
  const f0 = objective(start);
  if (!Number.isFinite(f0)) throw new RangeError('nelderMead: the objective is not finite at the start');
  evaluations = 1;
  const convtol = reltol * (Math.abs(f0) + reltol);
  const { points, size } = firstSimplex(start);
  const s: Simplex = { points, values: points.map((p, j) => (j === 0 ? f0 : f(p))), best: 0 };
  const state = { size };
  let converged = false;
  while (evaluations <= maxit) {
    const { low, high } = extremes(s);
    s.best = low;
    if (at(s.values, high) <= at(s.values, low) + convtol) {
      converged = true;
      break;
    }
    if (!step(s, f, high, state)) break;
  }
  const { low } = extremes(s);
  return { x: at(s.points, low), value: at(s.values, low), evaluations, converged };
}
