/**
 * Unit-root check of a fitted ARIMA, as R's `auto.arima` (forecast:::myarima): a model whose
 * AR or MA polynomial has a root within 1 % of the unit circle is rejected — near
 * non-invertible MA terms (e.g. a seasonal MA of −1) mean over-differencing and forecasts
 * that ignore the level. Pure.
 */
import { at } from '../common/indexed';

/** Roots closer than this modulus make a model unusable (R: 1 + 1e-2). */
export const MIN_ROOT_MODULUS = 1.01;

/**
 * Smallest root modulus of 1 + c₁z + … + c_k z^k (Durand–Kerner iteration; Infinity when all
 * coefficients are 0).
 */
export function minRootModulus(coeffs: number[]): number {
  let k = coeffs.length;
  while (k > 0 && coeffs[k - 1] === 0) k--;
  if (k === 0) return Infinity;
  // monic form: z^k + (c_{k−1}/c_k) z^{k−1} + … + 1/c_k
  const lead = at(coeffs, k - 1);
  const a = [1, ...coeffs.slice(0, k)].map((c) => c / lead);
  let re = Array.from({ length: k }, (_, i) => Math.cos((2 * Math.PI * i) / k + 0.4) * 0.9);
  let im = Array.from({ length: k }, (_, i) => Math.sin((2 * Math.PI * i) / k + 0.4) * 0.9);
  for (let iter = 0; iter < 500; iter++) {
    const nre = [...re];
    const nim = [...im];
    for (let i = 0; i < k; i++) {
      const zr = at(re, i);
      const zi = at(im, i);
      // p(z) by Horner, highest power first
      let pr = 1;
      let pi = 0;
      for (let j = k - 1; j >= 0; j--) {
        [pr, pi] = [pr * zr - pi * zi + at(a, j), pr * zi + pi * zr];
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const xr = zr - at(re, j);
        const xi = zi - at(im, j);
        [dr, di] = [dr * xr - di * xi, dr * xi + di * xr];
      }
      const den = dr * dr + di * di || 1e-300;
      nre[i] = zr - (pr * dr + pi * di) / den;
      nim[i] = zi - (pi * dr - pr * di) / den;
    }
    re = nre;
    im = nim;
  }
  return Math.min(...re.map((r, i) => Math.hypot(r, at(im, i))));
}

/** Coefficients by name in R's convention: ar1.., ma1.., sar1.., sma1... */
const series = (coefficients: Record<string, number>, name: string): number[] => {
  const out: number[] = [];
  for (let i = 1; ; i++) {
    const c = coefficients[`${name}${i}`];
    if (c === undefined) return out;
    out.push(c);
  }
};

/**
 * Smallest root modulus over the AR (1 − φ₁B − …) and MA (1 + θ₁B + …) polynomials of a
 * SARIMA with seasonal period `s`, the seasonal factors expanded in B (a root w of the
 * polynomial in B^s is a root |w|^(1/s) in B), as R multiplies them out.
 */
export function arimaMinRoot(coefficients: Record<string, number>, s: number): number {
  const ar = series(coefficients, 'ar').map((c) => -c);
  const sar = series(coefficients, 'sar').map((c) => -c);
  return Math.min(
    minRootModulus(ar),
    minRootModulus(series(coefficients, 'ma')),
    Math.pow(minRootModulus(sar), 1 / s),
    Math.pow(minRootModulus(series(coefficients, 'sma')), 1 / s),
  );
}
