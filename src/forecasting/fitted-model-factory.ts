import { finalizeForecast, maxAbs } from './forecast-postprocess';
import type { FitOptions, FittedModel, ForecastResult, ModelKind, ModelParams } from './forecast.types';
import { futureOpenMask, validateHorizon, type ValidSeries } from './series.validation';

/**
 * Wraps a model's raw h-step predictor into a FittedModel: horizon and mask checks, output
 * validation, calibration, clipping and closed intervals are handled here, once for all models.
 */
export function makeFittedModel(
  kind: ModelKind,
  series: ValidSeries,
  params: Omit<ModelParams, 'kind' | 'calibration'>,
  predictRaw: (h: number) => ForecastResult,
  options: FitOptions = {},
): FittedModel {
  const historyMaxAbs = maxAbs(series.values);
  const fullParams: ModelParams = {
    kind,
    ...params,
    ...(options.calibration ? { calibration: { ...options.calibration } } : {}),
  };
  return {
    kind,
    params: fullParams,
    forecast(h, request = {}) {
      validateHorizon(h);
      const open = futureOpenMask(series, h, request.futureOpen);
      return finalizeForecast(kind, predictRaw(h), {
        open,
        historyMaxAbs,
        explosionRatio: options.arima?.explosionRatio,
        calibration: options.calibration,
        nonNegative: options.nonNegative,
      });
    },
  };
}
