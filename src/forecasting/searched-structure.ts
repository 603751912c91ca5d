/**
 * What a model's fit searched for and a refit on other data may keep: an ARIMA's
 * differences, orders and drift (its search costs 20–90 fits), an ETS's model (its search
 * fits fifteen). AUTO's backtest searches once, at the newest origin, and refits the older
 * origins with it; a stored model is refitted the same way on new history.
 */
import { arimaRefitOptions } from './arima-refit';
import type { EtsOptions, FitOptions, ModelParams } from './forecast.types';

/** Fit options that refit a stored ETS's model without comparing the others. */
export function etsRefitOptions(params: ModelParams): EtsOptions {
  const code = params.details?.code;
  return typeof code === 'string' ? { model: code } : {};
}

/** The searched structure of a fit as fit options; undefined for models without a search. */
export function searchedStructure(params: ModelParams): FitOptions | undefined {
  if (params.kind === 'ETS') return { ets: etsRefitOptions(params) };
  if (params.kind !== 'ARIMA' || params.details?.auto !== true) return undefined;
  if (typeof params.details.constantDifference === 'number') return undefined;
  return { arima: arimaRefitOptions(params) };
}
