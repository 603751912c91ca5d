/**
 * Fitting ETS models as R's `forecast::ets` does: each model's smoothing parameters and
 * initial states together by Nelder–Mead on the likelihood within the "both" bounds, and
 * (`fitAutoEts`) the model with the lowest AICc among the fifteen R tries by default
 * (additive or multiplicative errors; no, additive or damped trend; no, additive or
 * multiplicative season; none with additive errors and a multiplicative season, and
 * multiplicative parts only on positive data). Pure.
 */
import { nelderMead } from '../nelder-mead.core';
import {
  etsFilter,
  etsLikelihood,
  type EtsParams,
  type EtsSeason,
  type EtsSpec,
  type EtsState,
  type EtsTrend,
} from './ets-recursion.core';
import { admissible, startParams, startStates, withinUsual, type StartStates } from './ets-start.core';

export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  /** The state after the last observation. */
  final: EtsState;
  loglik: number;
  aicc: number;
  /** Σe² / (n − number of estimated parameters), as R. */
  sigma2: number;
  /** The seasonal period (1 without a season). */
  m: number;
}

/** R's `maxit` for `ets`. */
const MAX_EVALUATIONS = 2000;

/** The parameter vector R optimises: α, β, γ, φ (those the model has), ℓ₀, b₀, s₀ … s_{m−2}. */
interface Layout {
  spec: EtsSpec;
  m: number;
  /** Index of ℓ₀ in the vector. */
  stateAt: number;
  /** Index of s₀ (the most recent free seasonal term). */
  seasonAt: number;
}

function layoutOf(spec: EtsSpec, m: number): Layout {
  const trendy = spec.trend !== 'N' ? 1 : 0;
  const stateAt = 1 + trendy + (spec.season !== 'N' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  return { spec, m, stateAt, seasonAt: stateAt + 1 + trendy };
}

function pack(layout: Layout, p: EtsParams, s: StartStates): number[] {
  const { spec } = layout;
  const trendy = spec.trend !== 'N';
  return [
    p.alpha,
    ...(trendy ? [p.beta] : []),
    ...(spec.season !== 'N' ? [p.gamma] : []),
    ...(spec.trend === 'Ad' ? [p.phi] : []),
    s.level,
    ...(trendy ? [s.growth] : []),
    ...s.season,
  ];
}

/** The smoothing parameters in x (0 or 1 for the parts the model lacks). */
function readParams(spec: EtsSpec, x: number[]): EtsParams {
  let i = 1;
  return {
    alpha: x[0] ?? NaN,
    beta: spec.trend !== 'N' ? (x[i++] ?? NaN) : 0,
    gamma: spec.season !== 'N' ? (x[i++] ?? NaN) : 0,
    phi: spec.trend === 'Ad' ? (x[i++] ?? NaN) : 1,
  };
}

/**
 * The first season in the order it applies, from the m − 1 free terms (most recent first)
 * and the one that normalises them; false when a multiplicative term is negative.
 */
function fillSeason(ring: Float64Array, x: number[], layout: Layout): boolean {
  const m = ring.length;
  const multiplicative = layout.spec.season === 'M';
  let total = 0;
  let positive = true;
  for (let j = 1; j < m; j++) {
    const v = x[layout.seasonAt + m - 1 - j] ?? NaN;
    ring[j] = v;
    total += v;
    positive &&= v >= 0;
  }
  ring[0] = (multiplicative ? m : 0) - total;
  return !multiplicative || (positive && ring[0] >= 0);
}

const readStart = (layout: Layout, x: number[]): { level: number; growth: number } => ({
  level: x[layout.stateAt] ?? NaN,
  growth: layout.spec.trend !== 'N' ? (x[layout.stateAt + 1] ?? NaN) : 0,
});

function unpack(layout: Layout, x: number[]): { params: EtsParams; initial: EtsState } {
  const ring = new Float64Array(layout.spec.season === 'N' ? 0 : layout.m);
  fillSeason(ring, x, layout);
  return {
    params: readParams(layout.spec, x),
    initial: { ...readStart(layout, x), season: Array.from(ring) },
  };
}

/** The objective R minimises: lik, or Infinity outside the bounds. */
function objective(y: number[], layout: Layout): (x: number[]) => number {
  const { spec, m } = layout;
  const ring = new Float64Array(spec.season === 'N' ? 0 : m);
  return (x) => {
    const params = readParams(spec, x);
    if (!withinUsual(spec, params) || !admissible(spec, params, m)) return Infinity;
    if (!fillSeason(ring, x, layout)) return Infinity;
    return etsLikelihood(y, spec, params, readStart(layout, x), ring);
  };
}

/** Fits one model; null when the series is too short for its parameters (R: np ≥ n − 1). */
export function fitEts(y: number[], spec: EtsSpec, m: number): EtsFit | null {
  const period = spec.season === 'N' ? 1 : m;
  const layout = layoutOf(spec, period);
  const start = pack(layout, startParams(spec, period), startStates(y, spec, period));
  const n = y.length;
  if (start.length >= n - 1 || (spec.season !== 'N' && (period < 2 || n <= period))) return null;
  const target = objective(y, layout);
  // R skips a model whose starting point is already outside the bounds
  if (!Number.isFinite(target(start))) return null;
  const best = nelderMead(target, start, { maxit: MAX_EVALUATIONS });
  const { params, initial } = unpack(layout, best.x);
  const run = etsFilter(y, spec, params, initial);
  if (!Number.isFinite(run.lik)) return null;
  const np = start.length + 1;
  const aic = run.lik + 2 * np;
  return {
    spec,
    params,
    final: run.final,
    loglik: -0.5 * run.lik,
    aicc: aic + (2 * np * (np + 1)) / (n - np - 1),
    sigma2: run.sse / (n - start.length),
    m: period,
  };
}

/** The models R's `ets(y)` compares (no multiplicative trend, R's default; `additiveOnly` as R's option). */
export function etsCandidates(y: number[], m: number, additiveOnly = false): EtsSpec[] {
  const positive = !additiveOnly && y.every((v) => v > 0);
  const seasons: EtsSeason[] = m > 1 && y.length > m ? ['N', 'A', 'M'] : ['N'];
  const trends: EtsTrend[] = ['N', 'A', 'Ad'];
  const specs: EtsSpec[] = [];
  for (const error of positive ? (['A', 'M'] as const) : (['A'] as const))
    for (const trend of trends)
      for (const season of seasons) {
        if (season === 'M' && (!positive || error === 'A')) continue;
        specs.push({ error, trend, season });
      }
  return specs;
}

/** R's `ets(y)`: every candidate fitted, the lowest AICc kept; null when none could be fitted. */
export function fitAutoEts(y: number[], m: number, specs = etsCandidates(y, m)): EtsFit | null {
  let best: EtsFit | null = null;
  for (const spec of specs) {
    const fit = fitEts(y, spec, m);
    if (fit && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}
