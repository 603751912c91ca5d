/**
 * ETS forecasts: R's point forecasts from the last state, with prediction intervals exact
 * for the linear models with additive errors (Hyndman et al. 2008, class 1:
 * σ²·(1 + Σ_{j<h} c_j²), c_j = α + β·(φ + … + φ^j) + γ·[j ≡ 0 mod m]) and from simulated
 * sample paths for the others (multiplicative errors or season), as R's
 * `forecast(fit, simulate = TRUE)`, from a fixed seed so a forecast is reproducible. Pure.
 */
import { mulberry32 } from '../../common/random';
import { dampedSum, etsPointForecast, type EtsParams, type EtsSpec } from './ets-recursion.core';
import type { EtsFit } from './ets-fit.core';

export interface EtsForecast {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

/** Sample paths for the simulated intervals (R’s `npaths`). */
export const SAMPLE_PATHS = 5000;
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

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
  const damp = spec.trend === 'Ad' ? par.phi : 1;
  const ring = new Float64Array(m);
  for (let p = 0; p < paths; p++) {
    ring.set(final.season);
    let level = final.level;
    let growth = spec.trend === 'N' ? 0 : final.growth;
    for (let i = 0; i < h; i++) {
      const k = m > 0 ? i % m : 0;
      const s = m > 0 ? (ring[k] ?? 0) : 0;
      const q = level + damp * growth;
      const f = spec.season === 'A' ? q + s : spec.season === 'M' ? q * s : q;
      const e = sd * draw();
      const y = spec.error === 'M' ? f * (1 + e) : f + e;
      (out[i] ?? new Float64Array(0))[p] = y;
      const adjusted = spec.season === 'A' ? y - s : spec.season === 'M' ? y / s : y;
      const newLevel = q + par.alpha * (adjusted - q);
      if (spec.trend !== 'N') growth = damp * growth + (par.beta / par.alpha) * (newLevel - q);
      if (m > 0) ring[k] = s + par.gamma * ((spec.season === 'A' ? y - q : y / q) - s);
      level = newLevel;
    }
  }
  return out;
}

/** Point forecasts and 80 %/95 % intervals h steps after the end of the fitted series. */
export function etsForecast(fit: EtsFit, h: number, paths = SAMPLE_PATHS): EtsForecast {
  const mean = etsPointForecast(fit.spec, fit.params, fit.final, h);
  if (isClassOne(fit.spec)) {
    const sd = classOneVariance(fit.spec, fit.params, fit.sigma2, fit.m, h).map(Math.sqrt);
    return {
      mean,
      lo80: mean.map((v, i) => v - Z80 * (sd[i] ?? 0)),
      hi80: mean.map((v, i) => v + Z80 * (sd[i] ?? 0)),
      lo95: mean.map((v, i) => v - Z95 * (sd[i] ?? 0)),
      hi95: mean.map((v, i) => v + Z95 * (sd[i] ?? 0)),
    };
  }
  const sorted = simulate(fit, h, paths).map((values) => values.sort());
  const bound = (q: number): number[] => sorted.map((values) => quantile(values, q));
  return { mean, lo80: bound(0.1), hi80: bound(0.9), lo95: bound(0.025), hi95: bound(0.975) };
}
