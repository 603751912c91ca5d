import { arimaRefitOptions } from './arima-refit';
import type { BaseModelKind, ModelParams } from './forecast.types';
import type { FitModelOptions } from './models/forecaster-registry';
import { etsRefitOptions } from './searched-structure';

/** Fit options that reproduce a stored model on new data: same kind, orders, members and calibration. */
export function refitOptions(params: ModelParams): FitModelOptions {
  const options: FitModelOptions = {};
  if (params.calibration) options.calibration = params.calibration;
  if (params.boxCoxLambda !== undefined) options.boxCox = params.boxCoxLambda;
  const details = params.details ?? {};
  if (params.kind === 'ENSEMBLE' && Array.isArray(details.members)) {
    const members = details.members as { kind: BaseModelKind; boxCoxLambda?: number }[];
    const weights = details.weights as number[] | undefined;
    options.ensemble = {
      members: members.map((m) => m.kind),
      ...(Array.isArray(weights) && weights.length === members.length ? { weights } : {}),
      boxCox: members.map((m) => m.boxCoxLambda ?? 'none'),
    };
  }
  if (params.kind === 'ARIMA') options.arima = arimaRefitOptions(params);
  if (params.kind === 'ETS') options.ets = etsRefitOptions(params);
  return options;
}
