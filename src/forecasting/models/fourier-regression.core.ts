/**
 * Fourier regression for seasonal periods, as R's `forecast::fourier`: the Fourier pairs
 * sin/cos(2πkt/p) of each period p up to an order K_p, the orders chosen by AICc, and the
 * seasonal component they describe. Fixed extra regressors (holiday windows) may join every
 * candidate regression. Pure: arrays in, arrays out.
 */
import { at } from '../../common/indexed';
import { badInput } from '../../errors';
import {
  addColumn,
  aicc,
  emptyFit,
  solveSubset,
  type GrowingFit,
  type NormalEquations,
} from '../least-squares.core';
import { designWidth, fourierRow, harmonicTerms, isNyquist, type Harmonic } from './fourier-terms.core';
import { fourierGram } from './fourier-gram.core';

/** Highest order tried per period (or p/2, if smaller). */
export const MAX_HARMONIC_ORDER = 20;
/** Order combinations searched exhaustively; more (three or more periods) by coordinate descent. */
const MAX_GRID = 2_000;
/** Coordinate-descent sweeps over the periods' orders. */
const MAX_SWEEPS = 5;

/**
 * The normal equations of values on fourierRow (time counted from `start`) and then the extra
 * regressors (each aligned with values), without the design matrix: the Fourier block of XᵀX
 * in closed form (fourierGram), the rest in one pass over the values.
 */
function fourierNormalEquations(
  values: number[],
  harmonics: Harmonic[],
  start: number,
  extras: readonly ArrayLike<number>[] = [],
): NormalEquations {
  const width = designWidth(harmonics);
  const p = width + extras.length;
  const gram = Array.from({ length: p }, () => new Float64Array(p));
  fourierGram(harmonics, start, values.length).forEach((row, i) => at(gram, i).set(row));
  const xty = new Float64Array(p);
  const x = new Float64Array(p);
  let yty = 0;
  values.forEach((y, t) => {
    fourierRow(harmonics, start + t, x);
    extras.forEach((e, j) => (x[width + j] = at(e, t)));
    yty += y * y;
    for (let i = 0; i < p; i++) xty[i] = at(xty, i) + at(x, i) * y;
    // the extras' rows of XᵀX (sparse indicators: only their non-zero steps add)
    for (let j = width; j < p; j++) {
      const xj = at(x, j);
      if (xj === 0) continue;
      for (let i = 0; i <= j; i++) at(gram, j)[i] = at(at(gram, j), i) + xj * at(x, i);
    }
  });
  for (let j = width; j < p; j++) for (let i = 0; i < j; i++) at(gram, i)[j] = at(at(gram, j), i);
  return { gram, xty, yty, n: values.length };
}

/** Column indices (after the intercept at 0) of each harmonic in `fourierRow(all)`. */
function columnIndex(all: Harmonic[]): number[][] {
  let next = 1;
  return all.map((h) => {
    const cols = isNyquist(h) ? [next] : [next, next + 1];
    next += cols.length;
    return cols;
  });
}

const sameFrequency = (a: Harmonic, b: Harmonic): boolean => a.k * b.period === b.k * a.period;

/** The columns within `all` of a harmonic (matched by frequency: `all` may list it under a shorter period). */
function columnsOf(all: Harmonic[], index: number[][], h: Harmonic): number[] {
  const i = all.findIndex((a) => sameFrequency(a, h));
  return i < 0 ? [] : at(index, i);
}

/** The candidate regressors: every harmonic up to the highest orders, then fixed columns in every fit. */
interface Design {
  periods: number[];
  all: Harmonic[];
  /** Columns of each harmonic of `all` (columnIndex). */
  index: number[][];
  /** Columns in every candidate regression (the extra regressors). */
  fixed: number[];
}

/** The regression for given orders: the intercept, the harmonics' columns and the fixed ones. */
function subsetFor(d: Design, orders: number[]): number[] {
  return [0, ...harmonicTerms(d.periods, orders).flatMap((h) => columnsOf(d.all, d.index, h)), ...d.fixed];
}

/** AICc of the regression with the given orders; Infinity when collinear. */
function scoreOrders(eq: NormalEquations, subset: number[]): number {
  const fit = solveSubset(eq, subset);
  return fit ? aicc(eq.n, fit.rss, subset.length) : Infinity;
}

/** Every order combination, 0 … highest per period, the first period varying slowest. */
function orderGrid(highest: number[]): number[][] {
  return highest.reduce<number[][]>(
    (combos, top) => combos.flatMap((c) => Array.from({ length: top + 1 }, (_, k) => [...c, k])),
    [[]],
  );
}

/**
 * The lowest-AICc orders over the whole grid. For each order of the other periods, the last
 * period's harmonics are added one at a time to a growing fit, so its orders cost O(p²) each.
 */
function bestOnGrid(eq: NormalEquations, d: Design, highest: number[]): number[] {
  const { all, index, periods } = d;
  const last = periods.length - 1;
  let best = { orders: highest.map(() => 0), score: Infinity };
  const consider = (orders: number[], fit: GrowingFit): void => {
    const s = aicc(eq.n, fit.rss, fit.columns.length);
    if (s < best.score - 1e-9) best = { orders, score: s };
  };
  for (const prefix of orderGrid(highest.slice(0, last))) {
    const fit = emptyFit(eq);
    const base = [...prefix, 0];
    if (!subsetFor(d, base).every((c) => addColumn(eq, fit, c))) continue;
    consider(base, fit);
    const lastTerms = harmonicTerms(periods, [...prefix, at(highest, last)]).filter(
      (h) => h.period === at(periods, last),
    );
    for (let k = 1; k <= at(highest, last); k++) {
      const added = lastTerms.filter((h) => h.k === k).flatMap((h) => columnsOf(all, index, h));
      if (!added.every((c) => addColumn(eq, fit, c))) break;
      consider([...prefix, k], fit);
    }
  }
  return best.orders;
}

/**
 * The orders minimising AICc: over every combination when there are at most MAX_GRID (one
 * or two periods), otherwise by coordinate descent from all zeros, each sweep setting one
 * period's order at a time to its best value with the others fixed, until nothing changes.
 */
function chooseOrders(eq: NormalEquations, d: Design, highest: number[]): number[] {
  const { periods } = d;
  const score = (o: number[]): number => scoreOrders(eq, subsetFor(d, o));
  const size = highest.reduce((s, top) => s * (top + 1), 1);
  if (size <= MAX_GRID) return bestOnGrid(eq, d, highest);
  const orders = highest.map(() => 0);
  let best = score(orders);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let changed = false;
    periods.forEach((_, i) => {
      for (let k = 0; k <= at(highest, i); k++) {
        const trial = orders.map((o, j) => (j === i ? k : o));
        const s = score(trial);
        if (s < best - 1e-9) {
          best = s;
          orders[i] = k;
          changed = true;
        }
      }
    });
    if (!changed) break;
  }
  return orders;
}

/** Harmonics chosen by AICc and their least-squares coefficients (time counted from `start`). */
export interface FourierFit {
  orders: number[];
  harmonics: Harmonic[];
  coefficients: [number, number][];
  /** One coefficient per extra regressor. */
  extras: number[];
}

/** Per harmonic, its [cos, sin] coefficients from a solution whose first coefficient is the intercept. */
function pairs(harmonics: Harmonic[], solution: number[]): [number, number][] {
  let c = 1;
  return harmonics.map((h): [number, number] => {
    const cos = at(solution, c++);
    const sin = isNyquist(h) ? 0 : at(solution, c++);
    return [cos, sin];
  });
}

/**
 * The Fourier orders of `values` by AICc (see chooseOrders) and the chosen regression's
 * coefficients, from one pass over the data (the normal equations of the largest model).
 * `extras` are regressors aligned with values that every candidate regression includes.
 */
export function fitFourier(
  values: number[],
  periods: number[],
  { start = 0, extras = [], maxOrder = MAX_HARMONIC_ORDER }: FourierOptions = {},
): FourierFit {
  const highest = periods.map((p) => Math.min(maxOrder, Math.floor(p / 2)));
  const all = harmonicTerms(periods, highest);
  const width = designWidth(all);
  const d: Design = { periods, all, index: columnIndex(all), fixed: extras.map((_, j) => width + j) };
  const eq = fourierNormalEquations(values, all, start, extras);
  const orders = chooseOrders(eq, d, highest);
  const harmonics = harmonicTerms(periods, orders);
  const fit = solveSubset(eq, subsetFor(d, orders));
  if (!fit) throw badInput('harmonic regression: the Fourier terms are collinear on this series');
  return {
    orders,
    harmonics,
    coefficients: pairs(harmonics, fit.coefficients),
    extras: fit.coefficients.slice(fit.coefficients.length - extras.length),
  };
}

export interface FourierOptions {
  /** Time of the first value (R's `fourier` counts from 1). */
  start?: number;
  /** Regressors aligned with the values, in every candidate regression. */
  extras?: readonly ArrayLike<number>[];
  maxOrder?: number;
}

/**
 * Least-squares Fourier coefficients of `values` (with an intercept, not returned) for the
 * given harmonics, with time counted from `start` (R's `fourier` counts from 1).
 */
export function fourierRegression(
  values: number[],
  harmonics: Harmonic[],
  start = 0,
): { coefficients: [number, number][]; rss: number } {
  const eq = fourierNormalEquations(values, harmonics, start);
  const fit = solveSubset(
    eq,
    Array.from({ length: eq.xty.length }, (_, i) => i),
  );
  if (!fit) throw badInput('harmonic regression: the Fourier terms are collinear on this series');
  return { coefficients: pairs(harmonics, fit.coefficients), rss: fit.rss };
}

/** The seasonal component at steps start … start+n−1. */
export function seasonalComponent(
  harmonics: Harmonic[],
  coefficients: [number, number][],
  start: number,
  n: number,
): number[] {
  return Array.from({ length: n }, (_, i) =>
    harmonics.reduce((s, h, j) => {
      const w = (2 * Math.PI * h.k * (start + i)) / h.period;
      const [a, b] = at(coefficients, j);
      return s + a * Math.cos(w) + b * Math.sin(w);
    }, 0),
  );
}
