/**
 * ETS forecast spreads: the exact variance of the linear models with additive errors
 * (Hyndman et al. 2008, class 1: σ²·(1 + Σ_{j<h} c_j²), c_j = α + β·(φ + … + φ^j) +
 * γ·[j ≡ 0 mod m]), and simulated sample paths for the others (multiplicative errors or
 * season), as R's `forecast(fit, simulate = TRUE)`, from a fixed seed so a forecast is
 * reproducible. Pure.
 */
import { mulberry32 } from '../../common/random';
import {
  advance,
  dampedSum,
  etsPointForecast,
  oneStep,
  type Carry,
  type EtsParams,
  type EtsSpec,
} from './ets-recursion.core';
import type { EtsFit } from './ets-fit.core';
import type { ForecastResult } from '../forecast.types';

/** Sample paths for the simulated intervals (R’s `npaths`). */
export const SAMPLE_PATHS = 5000;

/** The linear models with additive errors, whose forecast variance has a closed form. */
export const isClassOne = (spec: EtsSpec): boolean => spec.error === 'A' && spec.season !== 'M';

/** Forecast variance of a class-1 model, steps 1…h. */
export function classOneVariance(
  spec: EtsSpec,
  par: EtsParams,
  sigma2: number,
  m: number,
  h: number,
): number[] {
  const phi = spec.trend === 'Ad' ? par.phi : 1;
  const beta = spec.trend === 'N' ? 0 : par.beta;
  const gamma = spec.season === 'N' ? 0 : par.gamma;
  const out: number[] = [];
  let sum = 0;
  for (let i = 1; i <= h; i++) {
    out.push(sigma2 * (1 + sum));
    const c = par.alpha + beta * dampedSum(phi, i) + (m > 1 && i % m === 0 ? gamma : 0);
    sum += c * c;
  }
  return out;
}

/** Standard normal draws (Box–Muller) from a seeded uniform generator. */
function normals(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** The q-quantile of sorted values (linear interpolation, R's type 7). */
function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (pos - lo) * (b - a);
}

/** Simulated future values: paths[step][path]. */
function simulate(fit: EtsFit, h: number, paths: number): Float64Array[] {
  const { spec, params: par, final, sigma2 } = fit;
  const draw = normals(20261202);
  const sd = Math.sqrt(sigma2);
  const out = Array.from({ length: h }, () => new Float64Array(paths));
  const m = final.season.length;
  const carry: Carry = { level: 0, growth: 0, ring: new Float64Array(m) };
  for (let p = 0; p < paths; p++) {
    carry.level = final.level;
    carry.growth = final.growth;
    carry.ring.set(final.season);
    out.forEach((values, i) => {
      const k = m > 0 ? i % m : 0;
      const f = oneStep(carry, k, spec, par);
      const e = sd * draw();
      const y = spec.error === 'M' ? f * (1 + e) : f + e;
      values[p] = y;
      advance(carry, k, y, spec, par);
    });
  }
  return out;
}

/**
 * Point forecasts and 80 %/95 % bounds from simulated sample paths h steps after the end of
 * the fitted series (for the models without a closed-form variance).
 */
export function etsSimulatedForecast(fit: EtsFit, h: number, paths = SAMPLE_PATHS): ForecastResult {
  const mean = etsPointForecast(fit.spec, fit.params, fit.final, h);
  const sorted = simulate(fit, h, paths).map((values) => values.sort());
  const bound = (q: number): number[] => sorted.map((values) => quantile(values, q));
  return { mean, lo80: bound(0.1), hi80: bound(0.9), lo95: bound(0.025), hi95: bound(0.975) };
}
