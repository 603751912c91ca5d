import { finalizeForecast, maxAbs } from './forecast-postprocess';
import type { FitOptions, FittedModel, ForecastResult, ModelKind, ModelParams } from './forecast.types';
import { futureOpenMask, validateHorizon, type ValidSeries } from './series.validation';

/**
 * Wraps a model's raw h-step predictor into a FittedModel: horizon and mask checks, output
 * validation, calibration, clipping and closed intervals are handled here, once for all models.
 * `modelOpen` marks the steps the model itself can forecast (an open-only fit: the slots of its
 * grid); the others are closed, exactly 0, whatever mask the caller asks for.
 */
export function makeFittedModel(
  kind: ModelKind,
  series: ValidSeries,
  params: Omit<ModelParams, 'kind' | 'calibration'>,
  predictRaw: (h: number) => ForecastResult,
  options: FitOptions = {},
  modelOpen?: (h: number) => boolean[],
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
      const requested = futureOpenMask(series, h, request.futureOpen);
      const own = modelOpen?.(h);
      const open = own ? requested.map((o, i) => o && own[i]) : requested;
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
