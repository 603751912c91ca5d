/**
 * Harmonic regression (Hyndman & Athanasopoulos, FPP §12.1 "dynamic harmonic regression"):
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
import { aicc, normalEquations, solveSubset, type NormalEquations } from '../least-squares.core';
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

/** The cos and (except at the Nyquist frequency) sin column of each harmonic, at steps start … start+n−1. */
export function fourierColumns(harmonics: Harmonic[], start: number, n: number): Float64Array[] {
  const columns: Float64Array[] = [];
  for (const h of harmonics) {
    const cos = new Float64Array(n);
    const sin = new Float64Array(n);
    const w = (2 * Math.PI * h.k) / h.period;
    for (let t = 0; t < n; t++) {
      cos[t] = Math.cos(w * (start + t));
      sin[t] = Math.sin(w * (start + t));
    }
    columns.push(cos);
    if (!isNyquist(h)) columns.push(sin);
  }
  return columns;
}

/** Column indices (after the intercept at 0) of each harmonic in `fourierColumns(all)`. */
function columnIndex(all: Harmonic[]): number[][] {
  let next = 1;
  return all.map((h) => {
    const cols = isNyquist(h) ? [next] : [next, next + 1];
    next += cols.length;
    return cols;
  });
}

/** The regression for given orders: an intercept and the harmonics' columns within `all`. */
function subsetFor(all: Harmonic[], index: number[][], periods: number[], orders: number[]): number[] {
  const wanted = harmonicTerms(periods, orders);
  const subset = [0];
  all.forEach((h, i) => {
    if (wanted.some((w) => w.k * h.period === h.k * w.period)) subset.push(...at(index, i));
  });
  return subset;
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
 * The orders minimising AICc: over every combination when there are at most MAX_GRID (one
 * or two periods), otherwise by coordinate descent from all zeros, each sweep setting one
 * period's order at a time to its best value with the others fixed, until nothing changes.
 */
export function chooseOrders(values: number[], periods: number[], maxOrder = MAX_HARMONIC_ORDER): number[] {
  const highest = periods.map((p) => Math.min(maxOrder, Math.floor(p / 2)));
  const all = harmonicTerms(periods, highest);
  const index = columnIndex(all);
  const eq = normalEquations(
    [new Float64Array(values.length).fill(1), ...fourierColumns(all, 0, values.length)],
    values,
  );
  const score = (o: number[]): number => scoreOrders(eq, subsetFor(all, index, periods, o));
  const size = highest.reduce((s, top) => s * (top + 1), 1);
  if (size <= MAX_GRID) {
    let best = { orders: highest.map(() => 0), score: Infinity };
    for (const orders of orderGrid(highest)) {
      const s = score(orders);
      if (s < best.score - 1e-9) best = { orders, score: s };
    }
    return best.orders;
  }
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
  const columns = fourierColumns(harmonics, start, values.length);
  const eq = normalEquations([new Float64Array(values.length).fill(1), ...columns], values);
  const fit = solveSubset(
    eq,
    Array.from({ length: columns.length + 1 }, (_, i) => i),
  );
  if (!fit) throw badInput('harmonic regression: the Fourier terms are collinear on this series');
  let c = 1;
  const coefficients = harmonics.map((h): [number, number] => {
    const cos = at(fit.coefficients, c++);
    const sin = isNyquist(h) ? 0 : at(fit.coefficients, c++);
    return [cos, sin];
  });
  return { coefficients, rss: fit.rss };
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
  const orders = chooseOrders(trendFree.y, usable);
  const harmonics = harmonicTerms(usable, orders);
  const { coefficients } = fourierRegression(trendFree.y, harmonics, start);
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
