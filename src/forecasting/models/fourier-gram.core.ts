/**
 * The Gram matrix XᵀX of Fourier regressors over consecutive steps, in closed form: every
 * entry is a sum of cos or sin over an arithmetic progression of angles (a Dirichlet-kernel
 * sum), so the matrix costs O(p²) whatever the number of steps, instead of O(n p²) for the
 * sums of products. Pure.
 */
import { at } from '../../common/indexed';
import { designWidth, isNyquist, type Harmonic } from './fourier-terms.core';

/** Below this |sin(ω/2)|, ω is taken as a multiple of 2π (a constant cos and sin). */
const ALIASED = 1e-12;

/** Σ cos(ωt) and Σ sin(ωt) over t = start … start+m−1. */
export function trigSums(omega: number, start: number, m: number): [number, number] {
  const half = Math.sin(omega / 2);
  if (Math.abs(half) < ALIASED) return [m * Math.cos(omega * start), m * Math.sin(omega * start)];
  const ratio = Math.sin((m * omega) / 2) / half;
  const centre = omega * (start + (m - 1) / 2);
  return [ratio * Math.cos(centre), ratio * Math.sin(centre)];
}

/** A regressor: the intercept, or the cos or sin of a frequency ω. */
type Column = { kind: 'one' } | { kind: 'cos' | 'sin'; omega: number };

/** The regressors in fourierRow's order. */
function columnsOf(harmonics: Harmonic[]): Column[] {
  const columns: Column[] = [{ kind: 'one' }];
  for (const h of harmonics) {
    const omega = (2 * Math.PI * h.k) / h.period;
    columns.push({ kind: 'cos', omega });
    if (!isNyquist(h)) columns.push({ kind: 'sin', omega });
  }
  return columns;
}

/**
 * Σ_t a(t) b(t) for two regressors, by the product-to-sum identities:
 * cos a cos b = ½[cos(a−b) + cos(a+b)], sin a sin b = ½[cos(a−b) − cos(a+b)],
 * cos a sin b = ½[sin(a+b) − sin(a−b)].
 */
function productSum(a: Column, b: Column, start: number, m: number): number {
  if (a.kind === 'one' && b.kind === 'one') return m;
  if (a.kind === 'one' || b.kind === 'one') {
    const c = (a.kind === 'one' ? b : a) as Exclude<Column, { kind: 'one' }>;
    const [cos, sin] = trigSums(c.omega, start, m);
    return c.kind === 'cos' ? cos : sin;
  }
  const [cosDiff, sinDiff] = trigSums(a.omega - b.omega, start, m);
  const [cosSum, sinSum] = trigSums(a.omega + b.omega, start, m);
  if (a.kind === 'cos' && b.kind === 'cos') return (cosDiff + cosSum) / 2;
  if (a.kind === 'sin' && b.kind === 'sin') return (cosDiff - cosSum) / 2;
  // cos a · sin b = ½[sin(a+b) − sin(a−b)]; sin a · cos b = ½[sin(a+b) + sin(a−b)]
  return a.kind === 'cos' ? (sinSum - sinDiff) / 2 : (sinSum + sinDiff) / 2;
}

/** XᵀX of fourierRow's regressors over steps start … start+m−1 (designWidth rows). */
export function fourierGram(harmonics: Harmonic[], start: number, m: number): Float64Array[] {
  const columns = columnsOf(harmonics);
  const p = designWidth(harmonics);
  const gram = Array.from({ length: p }, () => new Float64Array(p));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      const g = productSum(at(columns, i), at(columns, j), start, m);
      at(gram, i)[j] = g;
      at(gram, j)[i] = g;
    }
  }
  return gram;
}
