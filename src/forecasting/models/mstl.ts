import { loadMstl } from './augurs-init';
import { ModelFitError } from '../forecast-errors';
import type { FitOptions, FittedModel, Forecaster, ForecastResult, SeriesInput } from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { validateSeries } from '../series.validation';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * MSTL decomposition with several seasonal periods and an AutoETS trend (`@bsull/augurs`).
 * MSTL silently drops periods longer than half the series; we drop them explicitly and
 * record the periods used in the params.
 */
export const mstlForecaster: Forecaster = {
  kind: 'MSTL',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const n = series.values.length;
    const periods = series.periods.filter((p) => 2 * p <= n);
    const MSTL = loadMstl();
    const model = MSTL.ets(periods);
    let predictRaw: (h: number) => ForecastResult;
    try {
      model.fit(series.values);
      const cache = new Map<number, ForecastResult>();
      predictRaw = (h) => {
        const hit = cache.get(h);
        if (hit) return hit;
        const f80 = model.predict(h, 0.8);
        const f95 = model.predict(h, 0.95);
        if (!f80.intervals || !f95.intervals) throw new ModelFitError('MSTL', 'no prediction intervals');
        const result = {
          mean: f80.point,
          lo80: f80.intervals.lower,
          hi80: f80.intervals.upper,
          lo95: f95.intervals.lower,
          hi95: f95.intervals.upper,
        };
        cache.set(h, result);
        return result;
      };
    } catch (e) {
      model.free();
      throw new ModelFitError('MSTL', messageOf(e));
    }
    const guarded = (h: number): ForecastResult => {
      try {
        return predictRaw(h);
      } catch (e) {
        throw e instanceof ModelFitError ? e : new ModelFitError('MSTL', messageOf(e));
      }
    };
    return makeFittedModel(
      'MSTL',
      series,
      {
        trainingLength: n,
        periods,
        details: { trend: 'AutoETS', droppedPeriods: series.periods.filter((p) => 2 * p > n) },
      },
      guarded,
      options,
    );
  },
};
