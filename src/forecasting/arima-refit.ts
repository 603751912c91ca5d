/**
 * An ARIMA's fitted structure as fit options: to refit a stored model on new data, or to
 * keep what the order search found when AUTO's backtest refits at older origins.
 */
import type { ArimaOptions, FitOptions, ModelParams } from './forecast.types';

/** Fit options that reproduce a fitted ARIMA's orders, drift and transform without searching. */
export function arimaRefitOptions(params: ModelParams): ArimaOptions {
  const details = params.details ?? {};
  // a series that differencing made constant had nothing to estimate: new data is searched anew
  if (typeof details.constantDifference === 'number') return { auto: true };
  const order = details.order as [number, number, number] | undefined;
  const seasonalOrder = details.seasonalOrder as [number, number, number] | undefined;
  return {
    auto: false,
    ...(order ? { order } : {}),
    ...(seasonalOrder ? { seasonalOrder } : {}),
    ...(params.periods[0] ? { period: params.periods[0] } : {}),
    ...(details.transform === 'log' ? { transform: 'log' as const } : {}),
    ...(details.drift === true ? { drift: true } : {}),
  };
}

/**
 * What a fit searched for and a refit on other data may keep: an ARIMA's chosen differences,
 * orders and drift (the search costs 20–90 fits). Undefined for models without a search.
 */
export function searchedStructure(params: ModelParams): FitOptions | undefined {
  if (params.kind !== 'ARIMA' || params.details?.auto !== true) return undefined;
  if (typeof params.details.constantDifference === 'number') return undefined;
  return { arima: arimaRefitOptions(params) };
}
