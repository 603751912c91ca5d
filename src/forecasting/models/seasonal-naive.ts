import { gaussianIntervals } from '../forecast-postprocess';
import type { FitOptions, FittedModel, Forecaster, ForecastResult, SeriesInput } from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { longestUsablePeriod, validateSeries, type ValidSeries } from '../series.validation';

/**
 * Residual standard deviation of the seasonal naive method, sqrt(mean(e²)) with
 * e_t = y_t − y_{t−m}, over pairs where both intervals are open. 0 when there are none.
 */
export function seasonalNaiveSigma(series: ValidSeries, m: number): number {
  let sum = 0;
  let count = 0;
  for (let t = m; t < series.values.length; t++) {
    if (!series.open[t] || !series.open[t - m]) continue;
    const e = series.values[t] - series.values[t - m];
    sum += e * e;
    count++;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}

/**
 * Seasonal naive forecast with period m: y_{n+k} = y_{n+k−m·(⌊(k−1)/m⌋+1)}, intervals
 * ± z·σ·√(⌊(k−1)/m⌋ + 1) (Hyndman & Athanasopoulos, FPP3 §5.5).
 */
export function seasonalNaiveForecast(values: number[], m: number, sigma: number, h: number): ForecastResult {
  const n = values.length;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let k = 1; k <= h; k++) {
    const cycles = Math.floor((k - 1) / m) + 1;
    mean.push(values[n - m + ((k - 1) % m)]);
    sd.push(sigma * Math.sqrt(cycles));
  }
  return gaussianIntervals(mean, sd);
}

/** Seasonal naive over the longest seasonal period that has at least two cycles in the series. */
export const seasonalNaiveForecaster: Forecaster = {
  kind: 'SNAIVE',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const m = longestUsablePeriod(series.periods, series.values.length);
    const sigma = seasonalNaiveSigma(series, m);
    const values = series.values.slice();
    return makeFittedModel(
      'SNAIVE',
      series,
      { trainingLength: values.length, periods: [m], details: { period: m, sigma } },
      (h) => seasonalNaiveForecast(values, m, sigma, h),
      options,
    );
  },
};
