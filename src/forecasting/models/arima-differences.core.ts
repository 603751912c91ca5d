/**
 * How many differences an ARIMA needs, decided as R's `auto.arima` does (forecast 8.x):
 * seasonal differences from the series' seasonal strength (`nsdiffs(test = "seas")`: one
 * when the strength exceeds 0.64), then ordinary differences from KPSS tests at the 5 %
 * level (`ndiffs(test = "kpss")`: difference while the level-stationarity null is
 * rejected). Pure.
 *
 * R measures the seasonal strength on an STL decomposition (`mstl`); here the trend is a
 * centred moving average and the seasonal part STL's subseries smoother (seasonalStrength).
 * The strengths agree with R's to 0.05 on R's datasets and the decisions are the same (the
 * tests pin both).
 */
import { at } from '../../common/indexed';
import { sum } from '../../common/sum';
import { centredMovingAverage } from './smoothing.core';

/** KPSS critical value at 5 % for the level-stationarity test (Kwiatkowski et al. 1992, Table 1). */
export const KPSS_CRITICAL_5 = 0.463;
/** Seasonal strength above which one seasonal difference is taken (Wang, Smith & Hyndman 2006). */
export const SEASONAL_STRENGTH_THRESHOLD = 0.64;

const mean = (x: readonly number[]): number => sum(x) / x.length;

const isConstant = (x: readonly number[]): boolean => x.every((v) => v === at(x, 0));

/** x[t] − x[t − lag], for t ≥ lag. */
export function difference(x: readonly number[], lag = 1): number[] {
  return x.slice(lag).map((v, i) => v - at(x, i));
}

/** The series after D seasonal differences at lag m and d ordinary ones (they commute). */
export function differences(x: readonly number[], d: number, D: number, m: number): number[] {
  let y = [...x];
  for (let i = 0; i < D; i++) y = difference(y, m);
  for (let i = 0; i < d; i++) y = difference(y);
  return y;
}

/** R's `ndiffs` lag truncation for the KPSS long-run variance: ⌊3√n / 13⌋. */
export const kpssLags = (n: number): number => Math.trunc((3 * Math.sqrt(n)) / 13);

/**
 * The KPSS level-stationarity statistic (urca's `ur.kpss(type = "mu")`): partial sums of
 * the demeaned series against a Bartlett-weighted (Newey–West) long-run variance.
 */
export function kpssStatistic(x: readonly number[], lags = kpssLags(x.length)): number {
  const n = x.length;
  const m = mean(x);
  const e = x.map((v) => v - m);
  let partial = 0;
  let sumSq = 0;
  for (const v of e) {
    partial += v;
    sumSq += partial * partial;
  }
  let longRun = e.reduce((s, v) => s + v * v, 0) / n;
  for (let l = 1; l <= lags; l++) {
    let cov = 0;
    for (let t = l; t < n; t++) cov += at(e, t) * at(e, t - l);
    longRun += (2 * (1 - l / (lags + 1)) * cov) / n;
  }
  return sumSq / (n * n * longRun);
}

/** Ordinary differences (at most `maxD`) until a KPSS test no longer rejects at 5 %. */
export function ndiffs(x: readonly number[], maxD = 2): number {
  let y = [...x];
  let d = 0;
  if (y.length < 3 || isConstant(y)) return d;
  while (d < maxD && kpssStatistic(y) > KPSS_CRITICAL_5) {
    d++;
    y = difference(y);
    if (y.length < 3 || isConstant(y)) return d;
  }
  return d;
}

const variance = (x: readonly number[]): number => {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};

/** Cycles in each seasonal smoothing window: STL's `s.window` as R's `mstl` sets it (7 + 4). */
export const SEASONAL_WINDOW = 11;

/**
 * The value at position i of a cycle-subseries smoothed as STL smooths it: a locally constant
 * loess over the `q` nearest cycles with tricube weights (Cleveland et al. 1990).
 */
function loessConstantAt(sub: readonly number[], i: number, q: number): number {
  const k = sub.length;
  const lo = Math.max(0, Math.min(i - Math.floor(q / 2), k - q));
  const hi = Math.min(k - 1, lo + q - 1);
  const h = Math.max(i - lo, hi - i) + (q > k ? (q - k) / 2 : 0);
  let weights = 0;
  let total = 0;
  for (let j = lo; j <= hi; j++) {
    const r = Math.abs(j - i);
    const w = r <= 0.001 * h ? 1 : r <= 0.999 * h ? (1 - (r / h) ** 3) ** 3 : 0;
    weights += w;
    total += w * at(sub, j);
  }
  return total / weights;
}

/**
 * Seasonal strength max(0, 1 − var(remainder) / var(seasonal + remainder)) (Wang, Smith &
 * Hyndman 2006) with period m; 0 without two full seasons. The trend is the centred moving
 * average; the seasonal part smooths each cycle-subseries of the detrended values as STL
 * does, so that a season that changes over the years counts as seasonal.
 */
export function seasonalStrength(x: readonly number[], m: number): number {
  if (m < 2 || x.length < 2 * m) return 0;
  const trend = centredMovingAverage(x, m);
  const detrended = x.map((v, t) => v - at(trend, t));
  const remainder: number[] = [];
  const seasonalPlusRemainder: number[] = [];
  for (let phase = 0; phase < m; phase++) {
    const sub: number[] = [];
    for (let t = phase; t < x.length; t += m) {
      const v = at(detrended, t);
      if (Number.isFinite(v)) sub.push(v);
    }
    sub.forEach((v, i) => {
      remainder.push(v - loessConstantAt(sub, i, SEASONAL_WINDOW));
      seasonalPlusRemainder.push(v);
    });
  }
  const total = variance(seasonalPlusRemainder);
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(1, 1 - variance(remainder) / total));
}

/** Seasonal differences (0 or 1): one when the seasonal strength exceeds 0.64 (R's `nsdiffs`). */
export function nsdiffs(x: readonly number[], m: number): number {
  if (m < 2 || x.length <= 2 * m || isConstant(x)) return 0;
  return seasonalStrength(x, m) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
}

/** The differences auto.arima fits with: seasonal first, then ordinary on the seasonally differenced series. */
export function arimaDifferences(x: readonly number[], m: number): { d: number; D: number } {
  const D = nsdiffs(x, m);
  return { d: ndiffs(differences(x, 0, D, m)), D };
}

/**
 * The constant the series becomes after d ordinary and D seasonal differences (lag m), or
 * null when it does not become constant. R's `auto.arima` then fits no ARMA terms: the
 * differenced series is that constant for ever.
 */
export function constantAfterDifferences(
  x: readonly number[],
  d: number,
  D: number,
  m: number,
): number | null {
  const y = differences(x, d, D, m);
  return y.length > 0 && isConstant(y) ? at(y, 0) : null;
}

/**
 * Continues `x` for h steps so that its d-th ordinary and D-th seasonal difference stays `c`:
 * y[t] = c − Σⱼ≥₁ φⱼ y[t − j] with (1 − B)^d (1 − B^m)^D = Σ φⱼ Bʲ.
 */
export function continueDifferenced(
  x: readonly number[],
  d: number,
  D: number,
  m: number,
  c: number,
  h: number,
): number[] {
  let phi = [1];
  const times = (poly: number[], lag: number): number[] => {
    const out = Array.from({ length: poly.length + lag }, () => 0);
    poly.forEach((p, j) => {
      out[j] = at(out, j) + p;
      out[j + lag] = at(out, j + lag) - p;
    });
    return out;
  };
  for (let i = 0; i < d; i++) phi = times(phi, 1);
  for (let i = 0; i < D; i++) phi = times(phi, m);
  const y = [...x];
  for (let k = 0; k < h; k++) {
    let v = c;
    for (let j = 1; j < phi.length; j++) v -= at(phi, j) * at(y, y.length - j);
    y.push(v);
  }
  return y.slice(x.length);
}
