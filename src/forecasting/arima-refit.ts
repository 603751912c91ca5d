/**
 * An ARIMA's fitted structure as fit options: to refit a stored model on new data, or to
 * keep what the order search found when AUTO's backtest refits at older origins.
 */
import type { ArimaOptions, ModelParams } from './forecast.types';

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
