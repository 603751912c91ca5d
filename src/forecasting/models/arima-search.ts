/**
 * R's `auto.arima` on ctsa's exact-likelihood SARIMA fits: the differences from the
 * seasonal-strength and KPSS tests (arima-differences.core.ts), then the stepwise search
 * (arima-stepwise.core.ts) by AICc, with drift as a regressor on the time index when
 * d + D = 1 (R's `include.drift`) and the mean when d + D = 0. A fit that fails, does not
 * converge or has a root within 1 % of the unit circle scores +∞, as in R. Exact
 * likelihoods throughout (R's `approximation = FALSE`): ctsa's match R's `arima` to 1e-5.
 */
import type { ArimaModelOptions } from './arima-init';
import { arimaDifferences, constantAfterDifferences } from './arima-differences.core';
import { stepwiseSearch, type SarimaOrder } from './arima-stepwise.core';
import { arimaMinRoot, MIN_ROOT_MODULUS } from '../arima-roots.core';
import type { ArimaSummary } from './arima-summary';

/** A SARIMA to fit: orders, seasonal period, and whether the drift regressor enters. */
export interface ArimaConfig extends Pick<ArimaModelOptions, 'p' | 'd' | 'q' | 'P' | 'D' | 'Q' | 's'> {
  drift?: boolean;
  /** Chosen by the order search (not given by the caller). */
  searched?: boolean;
  /**
   * Set when the differenced series is this constant: no ARMA terms, nothing to estimate, the
   * forecast continues the differences (R's auto.arima does the same).
   */
  constant?: number;
}

/** ctsa exit codes above this did not reach an optimum (7: Inf/NaN met in the optimizer). */
const LAST_CONVERGED_CODE = 4;

/** The fitted model's summary, or an error when the library refused the fit. */
export type FitSummary = (config: ArimaConfig) => ArimaSummary | null;

/**
 * AICc as R's `auto.arima` computes it: parameters are the coefficients, the drift or mean
 * and σ²; the sample is the series after differencing.
 */
export function arimaAicc(config: ArimaConfig, logLikelihood: number, n: number): number {
  const { p, d, q, P, D, Q, s } = config;
  const k = p + q + P + Q + (config.drift ? 1 : 0) + (d + D === 0 ? 1 : 0) + 1;
  const nStar = n - d - D * s;
  if (nStar - k - 1 <= 0) return Infinity;
  return -2 * logLikelihood + 2 * k + (2 * k * (k + 1)) / (nStar - k - 1);
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

/** The orders R's stepwise auto.arima would choose for `y` with seasonal period `s`; null when none fitted. */
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
  const result = stepwiseSearch({ m: s, d, D, n: y.length }, (o) => {
    const config = configOf(o);
    return criterionOf(config, fitSummary(config), y.length);
  });
  if (!Number.isFinite(result.criterion)) return null;
  return { config: configOf(result.best), aicc: result.criterion, fits: result.visited.length };
}
