/**
 * Log-space special functions for the Erlang A model. Pure, no imports.
 *
 * The Erlang A formulas need the series
 *
 *   F(a, z) = Σ_{j≥0} z^j / ((a+1)(a+2)…(a+j)) = Γ(a+1) · e^z · z^(−a) · P(a, z)
 *
 * where P is the regularised lower incomplete gamma function. F overflows a double as soon
 * as z − a is a few hundred, so it is returned as a logarithm. For z < a + 1 the series is
 * summed directly (its terms only shrink); otherwise the upper function Q(a, z) comes from
 * its continued fraction (modified Lentz) and F from 1 − Q. Both converge in O(√a) steps.
 */

const HALF_LOG_TWO_PI = 0.9189385332046728;
const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000_000;

/** ln Γ(z) for z > 0: Stirling's series after shifting z to ≥ 15 (absolute error < 1e-15). */
export function logGamma(z: number): number {
  let x = z;
  let shift = 0;
  while (x < 15) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
}

export interface GammaSeries {
  /** ln F(a, z). */
  logF: number;
  /** Σ j·t_j / Σ t_j with t_j the j-th term of F: the mean index of the normalised terms. */
  meanIndex: number;
}

/** ln F(a, z) and its mean index, for a > 0 and z ≥ 0. */
export function gammaSeries(a: number, z: number): GammaSeries {
  if (z === 0) return { logF: 0, meanIndex: 0 };
  if (z < a + 1) {
    let term = 1;
    let sum = 1;
    let weighted = 0;
    for (let j = 1; j < MAX_ITERATIONS; j++) {
      term *= z / (a + j);
      sum += term;
      weighted += j * term;
      if (term < sum * EPS) break;
    }
    return { logF: Math.log(sum), meanIndex: weighted / sum };
  }
  // Continued fraction for Q(a, z) = e^(−z) z^a / Γ(a) · h.
  let b = z + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const logZ = Math.log(z);
  const logQ = -z + a * logZ - logGamma(a) + Math.log(h);
  const logF = logGamma(a + 1) + z - a * logZ + Math.log1p(-Math.exp(logQ));
  // Σ j t_j = (z − a)·F + a, from (a + j)·t_j = z·t_(j−1); no cancellation since z > a.
  return { logF, meanIndex: z - a + a * Math.exp(-logF) };
}
