/**
 * Forecasts packed for the trip between threads. AUTO's backtest sends every candidate's
 * per-origin forecasts from the pool to the API thread and on to the task that joins them;
 * as plain arrays the API thread's structured clone walks each number (tens of ms for a
 * half-hourly week, with its garbage), as Float64Arrays it copies buffers.
 */
import type { NewestRun, OlderForecasts } from './candidate-backtest-steps';
import type { ForecastResult } from './forecast.types';

/** A ForecastResult with each series as a Float64Array. */
export type PackedForecast = { [K in keyof ForecastResult]: Float64Array };

export const packForecast = (f: ForecastResult): PackedForecast => ({
  mean: Float64Array.from(f.mean),
  lo80: Float64Array.from(f.lo80),
  hi80: Float64Array.from(f.hi80),
  lo95: Float64Array.from(f.lo95),
  hi95: Float64Array.from(f.hi95),
});

export const unpackForecast = (p: PackedForecast): ForecastResult => ({
  mean: Array.from(p.mean),
  lo80: Array.from(p.lo80),
  hi80: Array.from(p.hi80),
  lo95: Array.from(p.lo95),
  hi95: Array.from(p.hi95),
});

/** A newest-origin run with its forecast packed (a failed run has none). */
export const packRun = (r: NewestRun): NewestRun<PackedForecast> =>
  r.failure === undefined ? { ...r, f: packForecast(r.f) } : r;

export const unpackRun = (r: NewestRun<PackedForecast>): NewestRun =>
  r.failure === undefined ? { ...r, f: unpackForecast(r.f) } : r;

export const packOlder = (o: OlderForecasts): OlderForecasts<PackedForecast> => ({
  ...o,
  forecasts: o.forecasts.map(packForecast),
});

export const unpackOlder = (o: OlderForecasts<PackedForecast>): OlderForecasts => ({
  ...o,
  forecasts: o.forecasts.map(unpackForecast),
});
