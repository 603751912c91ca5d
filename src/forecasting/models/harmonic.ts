import { gaussianIntervals } from '../forecast-postprocess';
import type { FitOptions, FittedModel, Forecaster, SeriesInput } from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { validateSeries } from '../series.validation';
import { fitHarmonic, harmonicForecast } from './harmonic.core';

/**
 * Harmonic regression: Fourier terms per seasonal period (orders by AICc), the days before
 * and after the site's holidays, and a local level with AR(1) errors. Made for long seasons,
 * such as the daily and weekly cycles of half-hourly contact volumes, where it needs a few
 * dozen coefficients instead of hundreds.
 */
export const harmonicForecaster: Forecaster = {
  kind: 'HARMONIC',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const fit = fitHarmonic(series.values, series.periods, series.holidays);
    return makeFittedModel(
      'HARMONIC',
      series,
      {
        trainingLength: fit.n,
        periods: fit.periods,
        details: {
          orders: fit.orders,
          terms: fit.harmonics.length,
          holidayEffects: Object.fromEntries(fit.holidayEffects.map((w) => [w.name, w.effect])),
          alpha: fit.level.alpha,
          phi: fit.level.phi,
          level: fit.level.level,
          sigma2: fit.level.sigma2,
        },
      },
      (h) => {
        const f = harmonicForecast(fit, h);
        return gaussianIntervals(f.mean, f.sd);
      },
      options,
    );
  },
};
