import { boxCox, guerreroLambda, invBoxCox } from './boxcox.core';
import { ModelFitError } from '../forecast-errors';
import { maxAbs, Z80 } from '../forecast-postprocess';
import type { FitOptions, FittedModel, Forecaster, ForecastResult, SeriesInput } from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { longestUsablePeriod, validateSeries } from '../series.validation';

/** Back-transformed bounds are capped at this multiple of max |history| (λ < 0 has a pole). */
export const BOXCOX_BOUND_CAP = 5;

/**
 * Adds the `boxCox` fit option to a model: the series is transformed (λ fixed, or Guerrero's
 * over the longest usable period), the model is fitted and forecasts on the transformed
 * scale, and the forecast is transformed back: the mean bias-adjusted with the variance
 * implied by the 80 % interval (as R's `biasadj = TRUE`), the bounds back-transformed as
 * they are (quantiles map to quantiles). Without the option the model runs untouched.
 */
export function withBoxCox(inner: Forecaster): Forecaster {
  return {
    kind: inner.kind,
    fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
      const choice = options.boxCox ?? 'none';
      if (choice === 'none') return inner.fit(input, options);
      const series = validateSeries(input);
      if (series.values.some((v) => v < 0)) throw new ModelFitError(inner.kind, 'Box-Cox needs values >= 0');
      const lambda =
        choice === 'auto'
          ? guerreroLambda(series.values, {
              period: longestUsablePeriod(series.periods, series.values.length),
            })
          : choice;
      if (!Number.isFinite(lambda) || (lambda <= 0 && series.values.some((v) => v === 0)))
        throw new ModelFitError(inner.kind, `Box-Cox λ ${lambda} cannot transform zeros`);
      const fitted = inner.fit(
        { ...input, values: boxCox(series.values, lambda) },
        { ...options, boxCox: 'none', calibration: undefined, nonNegative: false },
      );
      const cap = BOXCOX_BOUND_CAP * Math.max(maxAbs(series.values), 1);
      const back = (xs: number[], variance?: number[]): number[] =>
        invBoxCox(xs, lambda, variance).map((v) => Math.min(v, cap));
      const predictRaw = (h: number): ForecastResult => {
        const t = fitted.forecast(h, { futureOpen: new Array<boolean>(h).fill(true) });
        const variance = t.hi80.map((hi, i) => ((hi - t.lo80[i]) / (2 * Z80)) ** 2);
        const lo80 = back(t.lo80);
        const hi80 = back(t.hi80);
        const mean = back(t.mean, variance).map((m, i) => Math.min(Math.max(m, lo80[i]), hi80[i]));
        if (mean.some((m) => !Number.isFinite(m)))
          throw new ModelFitError(inner.kind, 'Box-Cox back-transform failed');
        return { mean, lo80, hi80, lo95: back(t.lo95), hi95: back(t.hi95) };
      };
      const { trainingLength, periods, details } = fitted.params;
      return makeFittedModel(
        inner.kind,
        series,
        { trainingLength, periods, details, boxCoxLambda: lambda },
        predictRaw,
        options,
      );
    },
  };
}
