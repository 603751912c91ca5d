import { gaussianIntervals } from '../forecast-postprocess';
import type { FitOptions, FittedModel, Forecaster, SeriesInput } from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { longestUsablePeriod, validateSeries } from '../series.validation';
import { fitTheta, thetaForecast } from './theta.core';

/**
 * Theta (SES with drift, R's `thetaf`) on the longest seasonal period with two cycles in the
 * series. Cheap and strong on daily and monthly data.
 */
export const thetaForecaster: Forecaster = {
  kind: 'THETA',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const m = longestUsablePeriod(series.periods, series.values.length);
    const fit = fitTheta(series.values, m);
    return makeFittedModel(
      'THETA',
      series,
      {
        trainingLength: series.values.length,
        periods: [fit.period === 1 ? m : fit.period],
        details: {
          alpha: fit.alpha,
          level: fit.level,
          drift: fit.drift,
          sigma2: fit.sigma2,
          decomposition: fit.decomposition,
        },
      },
      (h) => {
        const f = thetaForecast(fit, h);
        return gaussianIntervals(f.mean, f.sd);
      },
      options,
    );
  },
};
