/**
 * R's `auto.arima` on ctsa's exact-likelihood SARIMA fits: the differences from the
 * seasonal-strength and KPSS tests (arima-differences.core.ts), then the stepwise search
 * (arima-stepwise.core.ts) by AICc, with drift as a regressor on the time index when
 * d + D = 1 (R's `include.drift`) and the mean when d + D = 0. A fit that fails, does not
 * converge or has a root within 1 % of the unit circle scores +∞, as in R. Exact
 * likelihoods throughout (R's `approximation = FALSE`): ctsa's match R's `arima` to 1e-5.
 */
import { arimaDifferences, constantAfterDifferences, differences } from './arima-differences.core';
import { fitCss, type ArimaOrders } from './arima-css.core';
import { sum } from '../../common/sum';
import { orderKey, stepwiseSearch, type SarimaOrder } from './arima-stepwise.core';
import { arimaMinRoot, MIN_ROOT_MODULUS } from '../arima-roots.core';
import type { ArimaSummary } from './arima-summary';

/** A SARIMA to fit: orders, seasonal period, and whether the drift regressor enters. */
export interface ArimaConfig extends ArimaOrders {
  drift?: boolean;
  /** Chosen by the order search (not given by the caller). */
  searched?: boolean;
  /**
   * Set when the differenced series is this constant: no ARMA terms, nothing to estimate, the
   * forecast continues the differences (R's auto.arima does the same).
   */
  constant?: number;
  /** ctsa's optimizer (default BFGS); another is tried when it aborts (see arima.ts). */
  optimizer?: number;
}

/** ctsa exit codes above this did not reach an optimum (7: Inf/NaN met in the optimizer). */
const LAST_CONVERGED_CODE = 4;

/** The fitted model's summary, or an error when the library refused the fit. */
export type FitSummary = (config: ArimaConfig) => ArimaSummary | null;

/** Parameters R counts: the coefficients, the drift or mean, and σ². */
const parameterCount = (c: ArimaConfig): number =>
  c.p + c.q + c.P + c.Q + (c.drift ? 1 : 0) + (c.d + c.D === 0 ? 1 : 0) + 1;

/** R's small-sample correction on the differenced sample n* = n − d − D·s. */
function corrected(aic: number, c: ArimaConfig, n: number): number {
  const k = parameterCount(c);
  const nStar = n - c.d - c.D * c.s;
  if (nStar - k - 1 <= 0) return Infinity;
  return aic + (2 * k * (k + 1)) / (nStar - k - 1);
}

/**
 * AICc as R's `auto.arima` computes it: parameters are the coefficients, the drift or mean
 * and σ²; the sample is the series after differencing.
 */
export const arimaAicc = (config: ArimaConfig, logLikelihood: number, n: number): number =>
  corrected(-2 * logLikelihood + 2 * parameterCount(config), config, n);

/**
 * The offset that makes R's approximate AICc comparable with the exact one: −2·loglik − n·log σ²
 * of the differencing-only model, whose likelihood is that of white noise (around its mean when
 * d + D = 0) on the differenced series. The same for every order of one search.
 */
export function cssOffset(y: readonly number[], d: number, D: number, s: number): number {
  const w = differences(y, d, D, s);
  const centre = d + D === 0 ? sum(w) / w.length : 0;
  const sigma0 = sum(w, (v) => (v - centre) ** 2) / w.length;
  return w.length * (1 + Math.log(2 * Math.PI)) + (w.length - y.length) * Math.log(sigma0);
}

/** R's approximate AICc from a CSS fit: offset + n*·log σ² + 2k, then the small-sample correction. */
export function cssAicc(config: ArimaConfig, sigma2: number, offset: number, n: number): number {
  const nStar = n - config.d - config.D * config.s;
  return corrected(offset + nStar * Math.log(sigma2) + 2 * parameterCount(config), config, n);
}

/** The criterion of one fitted configuration: AICc, or +∞ when unusable. */
function criterionOf(config: ArimaConfig, summary: ArimaSummary | null, n: number): number {
  if (!summary || summary.failures.length > 0) return Infinity;
  const { logLikelihood, returnCode } = summary;
  if (logLikelihood === undefined || !Number.isFinite(logLikelihood)) return Infinity;
  if (returnCode !== undefined && returnCode > LAST_CONVERGED_CODE) return Infinity;
  if (arimaMinRoot(summary.coefficients, config.s) < MIN_ROOT_MODULUS) return Infinity;
  return arimaAicc(config, logLikelihood, n);
}

export interface SearchedOrders {
  config: ArimaConfig;
  aicc: number;
  /** Number of models the search fitted. */
  fits: number;
}

/** R's `auto.arima` ranks orders by CSS fits on long series or long seasons (`approximation`). */
export const approximates = (n: number, s: number): boolean => n > 150 || s > 12;

/**
 * The CSS criterion of an order: +∞ when the fit fails, its Hessian gives a negative variance
 * or a root is within 1 % of the unit circle.
 */
export function approximateCriterion(
  config: ArimaConfig,
  y: readonly number[],
  offset = cssOffset(y, config.d, config.D, config.s),
): number {
  const regression = config.drift ? 'drift' : config.d + config.D === 0 ? 'mean' : 'none';
  const fit = fitCss(y, config, regression);
  if (!fit || !(fit.sigma2 > 0)) return Infinity;
  // R's checkarima: a negative variance (NaN standard error) or a singular Hessian
  if (!fit.standardErrors || fit.standardErrors.some((se) => Number.isNaN(se))) return Infinity;
  const names = [
    ...Array.from({ length: config.p }, (_, i) => `ar${i + 1}`),
    ...Array.from({ length: config.q }, (_, i) => `ma${i + 1}`),
    ...Array.from({ length: config.P }, (_, i) => `sar${i + 1}`),
    ...Array.from({ length: config.Q }, (_, i) => `sma${i + 1}`),
  ];
  const coefficients = Object.fromEntries(names.map((name, i) => [name, fit.coef[i] ?? 0]));
  if (arimaMinRoot(coefficients, config.s) < MIN_ROOT_MODULUS) return Infinity;
  return cssAicc(config, fit.sigma2, offset, y.length);
}

/**
 * The orders R's stepwise auto.arima would choose for `y` with seasonal period `s`; null
 * when none fitted. On long series the search ranks orders by CSS fits and then fits them
 * exactly, best first, until one is usable (as R does); otherwise every fit is exact.
 */
export function searchOrders(y: number[], s: number, fitSummary: FitSummary): SearchedOrders | null {
  const { d, D } = arimaDifferences(y, s);
  const constant = constantAfterDifferences(y, d, D, s);
  if (constant !== null) return { config: { p: 0, d, q: 0, P: 0, D, Q: 0, s, constant }, aicc: NaN, fits: 0 };
  const configOf = (o: SarimaOrder): ArimaConfig => ({
    p: o.p,
    d,
    q: o.q,
    P: o.P,
    D,
    Q: o.Q,
    s,
    ...(o.drift ? { drift: true } : {}),
  });
  const exact = (o: SarimaOrder): number => criterionOf(configOf(o), fitSummary(configOf(o)), y.length);
  const bounds = { m: s, d, D, n: y.length };
  if (!approximates(y.length, s)) {
    const result = stepwiseSearch(bounds, exact);
    if (!Number.isFinite(result.criterion)) return null;
    return { config: configOf(result.best), aicc: result.criterion, fits: result.visited.length };
  }
  const offset = cssOffset(y, d, D, s);
  const { visited } = stepwiseSearch(bounds, (o) => approximateCriterion(configOf(o), y, offset));
  const seen = new Set<string>();
  const ranked = [...visited]
    .sort((a, b) => (a.criterion === b.criterion ? 0 : a.criterion < b.criterion ? -1 : 1))
    .filter((v) => !seen.has(orderKey(v.order)) && seen.add(orderKey(v.order)));
  let fits = visited.length;
  for (const { order } of ranked) {
    fits++;
    const aicc = exact(order);
    if (Number.isFinite(aicc)) return { config: configOf(order), aicc, fits };
  }
  return null;
}
