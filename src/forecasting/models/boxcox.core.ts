/**
 * Box-Cox transformation with λ chosen by Guerrero's method, as R's
 * `forecast::BoxCox.lambda(x, method = "guerrero")`, and the bias-adjusted back-transform of
 * `forecast::InvBoxCox(biasadj = TRUE)` (Hyndman & Athanasopoulos, FPP2 §3.2). Pure.
 */
import { badInput } from '../../errors';
import { at } from '../../common/indexed';
import { minimize } from '../optimize.core';

export interface GuerreroOptions {
  /** Seasonal period of the sub-series (R: `frequency(x)`); at least 2 is used. */
  period: number;
  /** Search interval; R's defaults are [−1, 2]. A series with values ≤ 0 searches [0.1, upper]. */
  lower?: number;
  upper?: number;
}

/** The smallest λ searched when the series holds zeros (λ ≤ 0 maps 0 to −∞). */
export const NONPOSITIVE_LOWER = 0.1;

const meanOf = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sdOf = (xs: number[]): number => {
  const m = meanOf(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

/**
 * Guerrero's coefficient of variation for λ: the last ⌊n/p⌋ whole periods are split into
 * sub-series; the ratio sd / mean^(1−λ) should be constant when λ stabilises the variance.
 */
export function guerreroCv(values: number[], lambda: number, period: number): number {
  const p = Math.max(2, Math.round(period));
  const years = Math.floor(values.length / p);
  const start = values.length - years * p;
  const ratios: number[] = [];
  for (let k = 0; k < years; k++) {
    const block = values.slice(start + k * p, start + (k + 1) * p);
    ratios.push(sdOf(block) / Math.pow(meanOf(block), 1 - lambda));
  }
  return sdOf(ratios) / meanOf(ratios);
}

/** λ minimising Guerrero's coefficient of variation; 1 (no transform) when the series is under two periods. */
export function guerreroLambda(values: number[], options: GuerreroOptions): number {
  const p = Math.max(2, Math.round(options.period));
  if (values.length <= 2 * p) return 1;
  const positive = values.every((v) => v > 0);
  if (values.some((v) => v < 0)) throw badInput('Box-Cox needs values >= 0');
  const lower = Math.max(options.lower ?? -1, positive ? -Infinity : NONPOSITIVE_LOWER);
  const upper = options.upper ?? 2;
  return minimize((lam) => guerreroCv(values, lam, p), lower, upper).x;
}

/** Box-Cox: log(x) for λ = 0, else (sign(x)|x|^λ − 1) / λ. */
export function boxCox(values: number[], lambda: number): number[] {
  if (lambda === 0) return values.map(Math.log);
  return values.map((x) => (Math.sign(x) * Math.pow(Math.abs(x), lambda) - 1) / lambda);
}

/**
 * Inverse Box-Cox. For λ < 0 a value above −1/λ has no preimage: it maps to +∞ (the caller
 * caps it). With `variance` (of the transformed forecast), the bias-adjusted mean
 * x · (1 + ½ σ² (1 − λ) / x^(2λ)) is returned instead of the median.
 */
export function invBoxCox(values: number[], lambda: number, variance?: number[]): number[] {
  const back = values.map((y) => {
    if (lambda === 0) return Math.exp(y);
    if (lambda < 0 && y >= -1 / lambda) return Infinity;
    const z = lambda * y + 1;
    return Math.sign(z) * Math.pow(Math.abs(z), 1 / lambda);
  });
  if (!variance) return back;
  return back.map((x, i) => x * (1 + (0.5 * at(variance, i) * (1 - lambda)) / Math.pow(x, 2 * lambda)));
}
