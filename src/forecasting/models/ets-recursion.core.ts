/**
 * Exponential smoothing state-space models (ETS, Hyndman, Koehler, Ord & Snyder 2008) as R's
 * `forecast::ets`: the state recursion, the likelihood it is fitted by, and point forecasts.
 * The level, growth and season equations are the same for additive and multiplicative
 * errors; the error type changes only the likelihood (and the intervals). Pure.
 */

export type EtsError = 'A' | 'M';
export type EtsTrend = 'N' | 'A' | 'Ad';
export type EtsSeason = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: EtsError;
  trend: EtsTrend;
  season: EtsSeason;
}

/** Smoothing parameters; beta 0, gamma 0 and phi 1 where the model has no such part. */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** The state before a step: level, growth and the next m seasonal terms in the order they apply. */
export interface EtsState {
  level: number;
  growth: number;
  /** season[k] applies k steps ahead; empty without a season. */
  season: number[];
}

export interface EtsFilterResult {
  /** n·log(SSE), plus 2·Σ log|ŷ| with multiplicative errors (R's `lik`; log-likelihood −lik/2). */
  lik: number;
  /** Σe² of the innovations: y − ŷ (additive errors) or (y − ŷ) / ŷ (multiplicative). */
  sse: number;
  /** The state after the last observation. */
  final: EtsState;
}

/** Below this a divisor counts as zero, and a ratio over it as this huge value (R's TOL and HUGEN). */
const TOL = 1e-10;
const HUGE = 1e10;
// bound once: the hot loop runs millions of times, and a global lookup per call is slow in
// sandboxed contexts (Jest's vm)
const { abs, log } = Math;
const finite = Number.isFinite;

export const specName = (s: EtsSpec): string => `ETS(${s.error},${s.trend},${s.season})`;

/** The trend's contribution h steps ahead: h·b, or (φ + … + φ^h)·b when damped. */
export function dampedSum(phi: number, h: number): number {
  if (Math.abs(phi - 1) < TOL) return h;
  let sum = 0;
  let power = 1;
  for (let i = 0; i < h; i++) {
    power *= phi;
    sum += power;
  }
  return sum;
}

/** The state the recursion carries: level, growth and a ring of m seasonal terms (time t uses ring[t mod m]). */
export interface Carry {
  level: number;
  growth: number;
  ring: Float64Array;
}

/** A season term s applied to a level (and trend) `base`. */
const seasoned = (season: EtsSeason, base: number, s: number): number =>
  season === 'A' ? base + s : season === 'M' ? base * s : base;

/** The one-step forecast from `carry` for a step whose season term is ring[k]. */
export function oneStep(carry: Carry, k: number, spec: EtsSpec, par: EtsParams): number {
  const damp = spec.trend === 'Ad' ? par.phi : 1;
  const base = carry.level + (spec.trend === 'N' ? 0 : damp * carry.growth);
  return seasoned(spec.season, base, carry.ring.length > 0 ? (carry.ring[k] ?? 0) : 0);
}

/**
 * The state equations, the same for additive and multiplicative errors (R's `update`):
 * level, growth and ring[k] after observing `obs` at a step whose season term is ring[k].
 */
export function advance(carry: Carry, k: number, obs: number, spec: EtsSpec, par: EtsParams): void {
  const m = carry.ring.length;
  const s = m > 0 ? (carry.ring[k] ?? 0) : 0;
  const phib = spec.trend === 'N' ? 0 : (spec.trend === 'Ad' ? par.phi : 1) * carry.growth;
  const q = carry.level + phib;
  const p = spec.season === 'A' ? obs - s : spec.season === 'M' ? (abs(s) < TOL ? HUGE : obs / s) : obs;
  const level = q + par.alpha * (p - q);
  if (spec.trend !== 'N') carry.growth = phib + (par.beta / par.alpha) * (level - carry.level - phib);
  if (m > 0)
    carry.ring[k] = s + par.gamma * ((spec.season === 'A' ? obs - q : abs(q) < TOL ? HUGE : obs / q) - s);
  carry.level = level;
}

/**
 * The recursion over y: `lik` as R's (Infinity when a forecast is not finite or a
 * multiplicative one is zero), and, when `totals` is given, the innovations' Σe² in it.
 * Allocation-free: the optimiser calls it thousands of times.
 */
function run(
  y: ArrayLike<number>,
  spec: EtsSpec,
  par: EtsParams,
  carry: Carry,
  totals?: { sse: number },
): number {
  const m = carry.ring.length;
  const mulError = spec.error === 'M';
  let sse = 0;
  let logSum = 0;
  for (let t = 0; t < y.length; t++) {
    const k = m > 0 ? t % m : 0;
    const f = oneStep(carry, k, spec, par);
    const obs = y[t] ?? NaN;
    const e = mulError ? (obs - f) / f : obs - f;
    if (!finite(e)) return Infinity;
    sse += e * e;
    if (mulError) logSum += log(abs(f));
    advance(carry, k, obs, spec, par);
  }
  if (totals) totals.sse = sse;
  const lik = y.length * Math.log(sse) + (mulError ? 2 * logSum : 0);
  return Number.isNaN(lik) ? Infinity : lik < -1e10 ? -1e10 : lik;
}

/** R's `lik` of the model over y from `initial`, reusing `ring` (length m) as scratch. */
export function etsLikelihood(
  y: ArrayLike<number>,
  spec: EtsSpec,
  par: EtsParams,
  initial: { level: number; growth: number },
  ring: Float64Array,
): number {
  return run(y, spec, par, { level: initial.level, growth: initial.growth, ring });
}

/** Runs the model over y from `initial`: R's `lik`, Σe² and the final state. */
export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  par: EtsParams,
  initial: EtsState,
): EtsFilterResult {
  const carry: Carry = {
    level: initial.level,
    growth: initial.growth,
    ring: Float64Array.from(initial.season),
  };
  const totals = { sse: NaN };
  const lik = run(y, spec, par, carry, totals);
  if (!Number.isFinite(lik)) return unfit(initial);
  const m = carry.ring.length;
  const offset = m > 0 ? y.length % m : 0;
  const ring = Array.from(carry.ring);
  const season = ring.slice(offset).concat(ring.slice(0, offset));
  return { lik, sse: totals.sse, final: { level: carry.level, growth: carry.growth, season } };
}

const unfit = (initial: EtsState): EtsFilterResult => ({
  lik: Infinity,
  sse: NaN,
  final: initial,
});

/** Point forecasts 1…h steps after `state`. */
export function etsPointForecast(spec: EtsSpec, par: EtsParams, state: EtsState, h: number): number[] {
  const m = state.season.length;
  const phi = spec.trend === 'Ad' ? par.phi : 1;
  const growth = spec.trend === 'N' ? 0 : state.growth;
  const out: number[] = [];
  for (let i = 1; i <= h; i++) {
    const s = m > 0 ? (state.season[(i - 1) % m] ?? 0) : 0;
    out.push(seasoned(spec.season, state.level + dampedSum(phi, i) * growth, s));
  }
  return out;
}
