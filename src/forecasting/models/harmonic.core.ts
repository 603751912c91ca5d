/**
 * Harmonic regression ("dynamic harmonic regression", Hyndman & Athanasopoulos, FPP):
 * each seasonal period p is a sum of K_p Fourier pairs sin/cos(2πkt/p), as R's
 * `forecast::fourier`. Long seasons (48 or 336 half-hours) take a handful of smooth terms
 * instead of one free value per slot, and several periods combine without the seasonal
 * components drifting. The orders are chosen by AICc on the series detrended by a centred
 * moving average over the longest period; the seasonal part is then taken out and the
 * remainder follows a local level with AR(1) errors (smoothing.core.ts), so the level adapts
 * slowly, short swings fade within hours, and the seasonal shape stays fixed: TBATS's
 * structure with static Fourier seasonality. Pure: arrays in, arrays out.
 */
import { at } from '../../common/indexed';
import { badInput } from '../../errors';
import {
  addColumn,
  aicc,
  emptyFit,
  normalEquations,
  solveSubset,
  type GrowingFit,
  type NormalEquations,
} from '../least-squares.core';
import { centredMovingAverage, fitLevelAr1, levelAr1Forecast, type LevelAr1Fit } from './smoothing.core';

/** One Fourier pair: frequency k / period (cycles per step). */
export interface Harmonic {
  period: number;
  k: number;
}

/** Highest order tried per period (or p/2, if smaller). */
export const MAX_HARMONIC_ORDER = 20;
/** Order combinations searched exhaustively; more (three or more periods) by coordinate descent. */
const MAX_GRID = 2_000;
/** Coordinate-descent sweeps over the periods' orders. */
const MAX_SWEEPS = 5;

export interface HarmonicFit {
  /** The chosen order K per period (periods as given). */
  orders: number[];
  periods: number[];
  /** The Fourier pairs in the model, distinct frequencies, shortest period first. */
  harmonics: Harmonic[];
  /** Per harmonic: [cos, sin] coefficients (sin is 0 at the Nyquist frequency k/p = ½). */
  coefficients: [number, number][];
  /** The level model of the seasonally adjusted series. */
  level: LevelAr1Fit;
  n: number;
}

export interface HarmonicForecast {
  mean: number[];
  sd: number[];
}

/**
 * Fourier pairs for the given orders: k = 1 … K_p for each period, without repeating a
 * frequency an earlier (shorter) period already has (k/p = j/q, e.g. the 7th weekly
 * harmonic of hourly data is the daily one), and none above ½ cycle per step.
 */
export function harmonicTerms(periods: number[], orders: number[]): Harmonic[] {
  const terms: Harmonic[] = [];
  periods.forEach((p, i) => {
    for (let k = 1; k <= at(orders, i) && 2 * k <= p; k++) {
      if (!terms.some((h) => h.k * p === k * h.period)) terms.push({ period: p, k });
    }
  });
  return terms;
}

const isNyquist = (h: Harmonic): boolean => 2 * h.k === h.period;

/** Regressors of a harmonic regression: the intercept, then per harmonic a cos and (but at the Nyquist frequency) a sin. */
export const designWidth = (harmonics: Harmonic[]): number =>
  1 + harmonics.reduce((s, h) => s + (isNyquist(h) ? 1 : 2), 0);

/** Writes the regressors at time `step` into x (designWidth entries), in R's `fourier` order per harmonic but cos first. */
export function fourierRow(harmonics: Harmonic[], step: number, x: Float64Array): void {
  x[0] = 1;
  let c = 1;
  for (const h of harmonics) {
    const angle = (2 * Math.PI * h.k * step) / h.period;
    x[c++] = Math.cos(angle);
    if (!isNyquist(h)) x[c++] = Math.sin(angle);
  }
}

/** The normal equations of values on fourierRow, time counted from `start`, without the design matrix. */
const fourierNormalEquations = (values: number[], harmonics: Harmonic[], start: number): NormalEquations =>
  normalEquations(designWidth(harmonics), values, (t, x) => fourierRow(harmonics, start + t, x));

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

/** The regression for given orders: an intercept and the harmonics' columns within `all`. */
function subsetFor(all: Harmonic[], index: number[][], periods: number[], orders: number[]): number[] {
  return [0, ...harmonicTerms(periods, orders).flatMap((h) => columnsOf(all, index, h))];
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
function bestOnGrid(
  eq: NormalEquations,
  all: Harmonic[],
  index: number[][],
  periods: number[],
  highest: number[],
): number[] {
  const last = periods.length - 1;
  let best = { orders: highest.map(() => 0), score: Infinity };
  const consider = (orders: number[], fit: GrowingFit): void => {
    const s = aicc(eq.n, fit.rss, fit.columns.length);
    if (s < best.score - 1e-9) best = { orders, score: s };
  };
  for (const prefix of orderGrid(highest.slice(0, last))) {
    const fit = emptyFit(eq);
    const base = [...prefix, 0];
    if (!subsetFor(all, index, periods, base).every((c) => addColumn(eq, fit, c))) continue;
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
function chooseOrders(eq: NormalEquations, all: Harmonic[], periods: number[], highest: number[]): number[] {
  const index = columnIndex(all);
  const score = (o: number[]): number => scoreOrders(eq, subsetFor(all, index, periods, o));
  const size = highest.reduce((s, top) => s * (top + 1), 1);
  if (size <= MAX_GRID) return bestOnGrid(eq, all, index, periods, highest);
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
 */
export function fitFourier(
  values: number[],
  periods: number[],
  start = 0,
  maxOrder = MAX_HARMONIC_ORDER,
): FourierFit {
  const highest = periods.map((p) => Math.min(maxOrder, Math.floor(p / 2)));
  const all = harmonicTerms(periods, highest);
  const eq = fourierNormalEquations(values, all, start);
  const orders = chooseOrders(eq, all, periods, highest);
  const harmonics = harmonicTerms(periods, orders);
  const fit = solveSubset(eq, subsetFor(all, columnIndex(all), periods, orders));
  if (!fit) throw badInput('harmonic regression: the Fourier terms are collinear on this series');
  return { orders, harmonics, coefficients: pairs(harmonics, fit.coefficients) };
}

/** The points with a defined centred moving average, detrended by it. */
function detrended(values: number[], period: number): { t: number[]; y: number[] } {
  const trend = centredMovingAverage(values, period);
  const t: number[] = [];
  const y: number[] = [];
  values.forEach((v, i) => {
    const m = at(trend, i);
    if (Number.isNaN(m)) return;
    t.push(i);
    y.push(v - m);
  });
  return { t, y };
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

/**
 * Fits the harmonic model. Periods without two full cycles in the series are left out (as
 * MSTL does); the detrending window is the longest period kept.
 */
export function fitHarmonic(values: number[], periods: number[]): HarmonicFit {
  const n = values.length;
  const usable = periods.filter((p) => 2 * p <= n);
  if (usable.length === 0) throw badInput(`harmonic regression needs two cycles of a period in ${n} values`);
  const window = Math.max(...usable);
  const trendFree = detrended(values, window);
  // the detrended points keep their time index: regress on a gap-free stretch (the CMA drops only the ends)
  const start = at(trendFree.t, 0);
  const { orders, harmonics, coefficients } = fitFourier(trendFree.y, usable, start);
  const seasonal = seasonalComponent(harmonics, coefficients, 0, n);
  const level = fitLevelAr1(values.map((v, t) => v - at(seasonal, t)));
  return { orders, periods: usable, harmonics, coefficients, level, n };
}

/** Forecast h steps ahead: the level model's forecast plus the seasonal component, with its sd. */
export function harmonicForecast(fit: HarmonicFit, h: number): HarmonicForecast {
  const seasonal = seasonalComponent(fit.harmonics, fit.coefficients, fit.n, h);
  const level = levelAr1Forecast(fit.level, h);
  return { mean: seasonal.map((s, k) => at(level.mean, k) + s), sd: level.sd };
}
