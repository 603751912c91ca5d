/**
 * Fourier terms for seasonal periods, as R's `forecast::fourier`: which pairs sin/cos(2πkt/p)
 * a set of periods and orders has, and their values at a step. Pure.
 */
import { at } from '../../common/indexed';

/** One Fourier pair: frequency k / period (cycles per step). */
export interface Harmonic {
  period: number;
  k: number;
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

export const isNyquist = (h: Harmonic): boolean => 2 * h.k === h.period;

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
