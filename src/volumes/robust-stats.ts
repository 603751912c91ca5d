import { sum } from '../common/sum';

/** Median of a non-empty list (NaN for an empty one). Does not modify its argument. */
export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  // a typed array sorts numbers natively, several times faster than a comparator
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Median absolute deviation around the median (unscaled). */
export const mad = (xs: readonly number[]): number => {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
};

/** 1.4826·MAD estimates σ for normal data. */
export const MAD_TO_SIGMA = 1.4826;
/** √(π/2): mean absolute deviation → σ, the fallback when more than half the residuals tie. */
export const MEAN_AD_TO_SIGMA = 1.2533;

/** Robust spread of residuals: 1.4826·MAD, or 1.2533·mean |x − median| when the MAD is 0. */
export const robustScale = (xs: readonly number[]): number => {
  const m = median(xs);
  const scaled = MAD_TO_SIGMA * mad(xs);
  if (scaled > 0) return scaled;
  return xs.length === 0 ? 0 : (MEAN_AD_TO_SIGMA * sum(xs, (x) => Math.abs(x - m))) / xs.length;
};
